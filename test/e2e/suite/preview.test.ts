import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { LANGUAGE_ID, openInLanguage } from './editor';
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
