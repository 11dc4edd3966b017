// The server on a workspace whose base-station file is a FIFO or /dev/zero, and file events for such files (issue 27,
// severe 3): it warns once, keeps the setting's profile names, and answers every request; before, a FIFO blocked it
// for good and /dev/zero took it to gigabytes.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { DidChangeWatchedFilesNotification, FileChangeType, HoverRequest, ShowMessageNotification } from 'vscode-languageserver-protocol';
import { handset } from '../unit/helpers';
import { LspClient } from './lspClient';

const skip = process.platform === 'win32' && 'no FIFOs on Windows';

for (const kind of ['FIFO', '/dev/zero']) {
  test(`a base-station file that is a ${kind} is named in a warning, and every request is answered`, { skip, timeout: 30_000 }, async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'hsconfig-not-regular-'));
    const client = new LspClient();
    try {
      mkdirSync(path.join(folder, '.vscode'));
      const base = path.join(folder, '.vscode', 'hsconfig-base-station.json');
      if (kind === 'FIFO') execFileSync('mkfifo', [base]);
      else symlinkSync('/dev/zero', base);
      writeFileSync(path.join(folder, 'ipei_02c332b511.xml'), handset({ ipei: '02c332b511' }));
      execFileSync('mkfifo', [path.join(folder, 'ipei_02c332b512.xml')]);
      symlinkSync('/dev/zero', path.join(folder, 'ipei_02c332b513.xml'));
      const warned = new Promise<string>((resolve) => client.connection.onNotification(ShowMessageNotification.type, (p) => resolve(p.message)));
      client.settings = { workspaceDiagnostics: { enable: true } };
      await client.initialize(true, [{ uri: pathToFileURL(folder).toString(), name: 'ws' }]);
      assert.match(await warned, /hsconfig-base-station\.json: cannot be read: it is not a regular file \(a pipe, device or socket\)\. The hsconfig\.profiles setting applies meanwhile\./);
      const uri = pathToFileURL(path.join(folder, 'ipei_02c332b510.xml')).toString();
      await client.open(uri, handset());
      assert.deepEqual((await client.diagnostics(uri)).diagnostics, [], 'profile1 is a factory name, which apply meanwhile');
      const changes = ['ipei_02c332b512.xml', 'ipei_02c332b513.xml', '.vscode/hsconfig-base-station.json'].map((name) => ({ uri: pathToFileURL(path.join(folder, name)).toString(), type: FileChangeType.Changed as FileChangeType }));
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
      const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 3 } });
      assert.ok(hover, 'no hover after the file events');
    } finally {
      await client.dispose();
      rmSync(folder, { recursive: true, force: true });
    }
  });
}
