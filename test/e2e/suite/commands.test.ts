import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticCode, LANGUAGE_ID, waitForDiagnostics } from './editor';

const MISSPELT = '<?xml version="1.0" encoding="UTF-8"?>\n<hs_config>\n  <ipei>02c332b510</ipei>\n  <hs_nmae>Lobby</hs_nmae>\n</hs_config>\n';

describe('commands', () => {
  it('hsconfig.restartServer replaces the server, and the new one checks open documents again', async () => {
    assert.ok((await vscode.commands.getCommands(true)).includes('hsconfig.restartServer'), 'the command is not registered');
    const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: MISSPELT });
    // Diagnostics are pulled for documents shown in an editor, as a user has them.
    await vscode.window.showTextDocument(doc);
    await waitForDiagnostics(doc.uri, 'diagnostics before the restart', (ds) => ds.length > 0);

    // Stopping the old client drops its diagnostics; only a real restart brings them back.
    const dropped = waitForDiagnostics(doc.uri, "the old server's diagnostics to be dropped", (ds) => ds.length === 0);
    const restarted = vscode.commands.executeCommand('hsconfig.restartServer');
    await dropped;
    const ds = await waitForDiagnostics(doc.uri, 'diagnostics from the restarted server', (all) => all.length > 0);
    await restarted;
    assert.deepEqual(ds.map(diagnosticCode), ['unknown-element']);
  });
});
