// VS Code may activate the extension before any test runs: with .xml or .txt files in the workspace it fires
// onLanguage:xml / onLanguage:plaintext at startup. So this checks activation, not its laziness.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, LANGUAGE_ID, openInLanguage } from './editor';

describe('activation', () => {
  it('activates and handles an hs_config file when one opens', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not installed`);
    // Only the running extension switches a document's language.
    await openInLanguage('handset.xml', LANGUAGE_ID);
    await ext.activate(); // already under way or done; resolves once activate() has returned
    assert.equal(ext.isActive, true);
  });
});
