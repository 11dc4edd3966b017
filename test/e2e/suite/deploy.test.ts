// Mass deployment in the editor: files generated from a CSV, then served as a base station would fetch them.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fixtureUri } from './editor';

describe('mass deployment', () => {
  const outDir = () => fixtureUri('generated');

  it('generates one valid handset file per good CSV row and skips the bad one', async () => {
    await vscode.commands.executeCommand('hsconfig.generateFromCsv', fixtureUri('handsets.csv'), { outDir: outDir(), encrypt: false });
    const names = (await vscode.workspace.fs.readDirectory(outDir())).map(([n]) => n).sort();
    assert.deepEqual(names, ['ipei_02c332b510.xml', 'ipei_02c332b520.xml'], 'the decimal IPEI is converted; the bad row is skipped');
    const lobby = Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(outDir(), 'ipei_02c332b520.xml'))).toString('utf8');
    assert.match(lobby, /<hs_name>Lobby<\/hs_name>/);
    assert.match(lobby, /<key_up_idle_function>4<\/key_up_idle_function>/);
  });

  it('serves the generated files over HTTP on loopback and stops', async () => {
    const url = await vscode.commands.executeCommand<string>('hsconfig.serveFolder', outDir());
    // The folder's site is the workspace's root, whose base-station config (base-station.xml) keeps the factory
    // Config Server Path (P237): files are served under its path, /gs.
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/gs\/$/);
    try {
      const found = await fetch(`${url}ipei_02c332b520.xml`);
      assert.equal(found.status, 200);
      assert.match(await found.text(), /<ipei>02c332b520<\/ipei>/);
      assert.equal((await fetch(`${url}ipei_0000000000.xml`)).status, 404);
      assert.equal((await fetch(`${url}..%2f..%2fhandsets.csv`)).status, 404);
    } finally {
      await vscode.commands.executeCommand('hsconfig.stopServing');
    }
    await assert.rejects(fetch(`${url}ipei_02c332b520.xml`), 'the server still answers after stopping');
  });
});
