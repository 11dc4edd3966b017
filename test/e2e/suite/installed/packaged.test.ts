// Runs only when the runner installed the extension from hsconfig.vsix into HSCONFIG_E2E_INSTALLED.

import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../editor';

describe('installed from the .vsix', () => {
  it('runs the packaged extension, not the source tree', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    const extensionsDir = process.env.HSCONFIG_E2E_INSTALLED ?? '';
    assert.equal(path.dirname(ext.extensionUri.path), extensionsDir, `loaded from ${ext.extensionUri.path}`);
    assert.equal(ext.packageJSON.main, './dist/extension.js');
  });
});
