import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fixtureUri, hsconfigDiagnostics, LANGUAGE_ID, openInLanguage } from './editor';
import { waitUntil } from './waits';

describe('language detection', () => {
  it('switches an .xml file whose root is <hs_config> to hsconfig', async () => {
    const doc = await openInLanguage('handset.xml', LANGUAGE_ID);
    assert.equal(doc.languageId, LANGUAGE_ID);
  });

  it('switches a plain-text file whose root is <hs_config> to hsconfig', async () => {
    await openInLanguage('handset-notes.txt', LANGUAGE_ID);
  });

  it('switches a base-station config (XML rooted in <gs_provision>) to hsconfig-base-xml, the config language for XML', async () => {
    await openInLanguage('base-configs/base-station.xml', 'hsconfig-base-xml');
  });

  it('leaves an XML file with another root as xml', async () => {
    const other = await openInLanguage('plain.xml', 'xml');
    // A later hs_config document switching proves the detection has seen the earlier one.
    const later = await vscode.workspace.openTextDocument({ language: 'xml', content: '<hs_config>\n</hs_config>\n' });
    await waitUntil('a new untitled hs_config document to switch to hsconfig', [vscode.workspace.onDidOpenTextDocument], () =>
      vscode.workspace.textDocuments.some((d) => d.uri.toString() === later.uri.toString() && d.languageId === LANGUAGE_ID) || undefined,
    );
    assert.equal(other.languageId, 'xml');
    assert.equal(vscode.workspace.textDocuments.find((d) => d.uri.toString() === fixtureUri('plain.xml').toString())?.languageId, 'xml');
    assert.deepEqual(hsconfigDiagnostics(other.uri), [], 'the hs_config checks ran on an ordinary XML file');
  });
});
