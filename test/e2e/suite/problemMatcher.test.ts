// The $hsconfig problem matcher in a real task: `hsconfig validate` on a folder fills the Problems panel with each
// problem at its place, for files the editor never opened (so these come from the task, not the language server).

import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, fixtureUri, waitForDiagnostics } from './editor';
import { waitUntil, WAIT_MS } from './waits';

describe('the $hsconfig problem matcher', () => {
  const folder = () => fixtureUri('task-check');
  const file = () => vscode.Uri.joinPath(folder(), 'ipei_02c332b599.xml');
  after(() => vscode.workspace.fs.delete(folder(), { recursive: true }).then(undefined, () => undefined));

  it('a task running hsconfig validate puts each problem on its file, line and column', async function () {
    this.timeout(90_000);
    const text = '<?xml version="1.0" encoding="UTF-8"?>\n<hs_config>\n  <ipei>02c332b598</ipei>\n  <hs_name>Warehouse 12</hs_name>\n</hs_config>\n';
    await vscode.workspace.fs.writeFile(file(), Buffer.from(text, 'utf8'));
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const cli = path.join(extension.extensionPath, 'dist', 'cli.js');
    const workspace = vscode.workspace.workspaceFolders?.[0];
    assert.ok(workspace);
    // Relative paths in the output, as a task in the user's tasks.json prints them.
    const execution = new vscode.ProcessExecution(process.execPath, [cli, 'validate', 'task-check'], { cwd: workspace.uri.fsPath });
    const task = new vscode.Task({ type: 'process' }, workspace, 'hsconfig validate', 'hsconfig-tests', execution, '$hsconfig');
    const exitCodes: (number | undefined)[] = [];
    const listener = vscode.tasks.onDidEndTaskProcess((e) => e.execution.task.name === 'hsconfig validate' && exitCodes.push(e.exitCode));
    try {
      // VS Code stops reading a task's terminal 100 ms after its process exits; on a loaded machine the terminal may
      // not have parsed the output by then, and the matcher sees no line (microsoft/vscode#194501). So a run whose
      // process ended without a single problem is tried again, at most twice; a pattern that never matches still fails.
      let found: vscode.Diagnostic[] | undefined;
      for (let attempt = 1; attempt <= 3 && !found; attempt++) {
        const ended = exitCodes.length;
        await vscode.tasks.executeTask(task);
        await waitUntil('the task to report its exit code', [vscode.tasks.onDidEndTaskProcess as vscode.Event<unknown>], () => (exitCodes.length > ended ? true : undefined), WAIT_MS);
        found = await waitForDiagnostics(file(), 'the task\'s two errors', (ds) => ds.length >= 2, attempt < 3 ? 3_000 : WAIT_MS).catch((err) => {
          if (attempt === 3) throw err;
          console.log(`    (attempt ${attempt}: the task ended, exit codes ${exitCodes.join(', ')}, without its problems; running it again)`);
          return undefined;
        });
      }
      assert.ok(found);
      const byCode = new Map(found.map((d) => [String(d.code), d]));
      const tooLong = byCode.get('value-too-long');
      const mismatch = byCode.get('ipei-file-name-mismatch');
      assert.ok(tooLong && mismatch, found.map((d) => `${String(d.code)} ${d.message}`).join('\n'));
      assert.deepEqual([tooLong.range.start.line, tooLong.range.start.character], [3, 11], '4:12 in the output, 0-based here');
      assert.equal(tooLong.severity, vscode.DiagnosticSeverity.Error);
      assert.match(tooLong.message, /<hs_name> takes at most 10 characters/);
      assert.deepEqual([mismatch.range.start.line, mismatch.range.start.character], [2, 8]);
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === file().toString()), 'the file was never opened');
      assert.ok(exitCodes.length > 0 && exitCodes.every((code) => code === 1), `hsconfig validate exits 1 on errors, which fails a CI step (got ${exitCodes.join(', ')})`);
    } finally {
      listener.dispose();
    }
  });
});
