import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticCode, fixtureUri, LANGUAGE_ID, openInLanguage, waitForDiagnostics } from './editor';
import { waitUntil } from './waits';

describe('base-station preview', () => {
  it('opens a webview beside the handset file', async () => {
    await openInLanguage('handset.xml', LANGUAGE_ID);
    await vscode.commands.executeCommand('hsconfig.preview');
    const tab = await waitUntil('the preview tab', [vscode.window.tabGroups.onDidChangeTabs], () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.label.startsWith('Outcome')),
    );
    assert.equal(tab.label, 'Outcome: handset.xml');
  });
});

describe("Use as the Workspace's Base Station", () => {
  it('points the setting at the configuration file (no copy), and profile names are then checked against it', async () => {
    await vscode.commands.executeCommand('hsconfig.importBaseStation', fixtureUri('base-configs/office-base.txt'));
    assert.equal(vscode.workspace.getConfiguration('hsconfig').inspect('baseStation')?.workspaceValue, 'base-configs/office-base.txt');
    await assert.rejects(async () => vscode.workspace.fs.stat(fixtureUri('.vscode/hsconfig-base-station.json')), 'no model JSON copy is written');
    const doc = await vscode.workspace.openTextDocument({
      language: LANGUAGE_ID,
      content: '<?xml version="1.0" encoding="UTF-8"?>\n<hs_config>\n  <ipei>02c332b530</ipei>\n  <sip>\n    <line>\n      <profile_name>profile1</profile_name>\n      <user_id>1</user_id>\n    </line>\n  </sip>\n</hs_config>\n',
    });
    // Diagnostics are pulled for documents shown in an editor, as a user has them.
    await vscode.window.showTextDocument(doc);
    const [d] = await waitForDiagnostics(doc.uri, 'profile1 to be unknown to the imported base station', (ds) => ds.some((x) => diagnosticCode(x) === 'profile-unknown'));
    assert.match(d.message, /Office PBX/);
  });

  after(() => vscode.workspace.getConfiguration('hsconfig').update('baseStation', undefined, vscode.ConfigurationTarget.Workspace));
});
