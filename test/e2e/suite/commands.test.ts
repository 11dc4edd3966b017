import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticCode, LANGUAGE_ID, waitForDiagnostics } from './editor';

describe('commands', () => {
  it('hsconfig.restartServer restarts a server that checks documents again', async () => {
    assert.ok((await vscode.commands.getCommands(true)).includes('hsconfig.restartServer'), 'the command is not registered');
    await vscode.commands.executeCommand('hsconfig.restartServer');
    const doc = await vscode.workspace.openTextDocument({
      language: LANGUAGE_ID,
      content: '<?xml version="1.0" encoding="UTF-8"?>\n<hs_config>\n  <ipei>02c332b510</ipei>\n  <hs_nmae>Lobby</hs_nmae>\n</hs_config>\n',
    });
    const ds = await waitForDiagnostics(doc.uri, 'diagnostics from the restarted server', (all) => all.length > 0);
    assert.ok(ds.map(diagnosticCode).includes('unknown-element'), `got ${ds.map(diagnosticCode).join(', ')}`);
  });
});
