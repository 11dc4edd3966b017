// A client that sends no file events (issue 27, item 10): a closed file changed on disk after it was indexed is read
// again before a rename edits it, so the edit lands on its value and not where the value used to be.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { RenameRequest, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { handset } from '../unit/helpers';
import { LspClient } from './lspClient';

const folder = mkdtempSync(path.join(tmpdir(), 'hsconfig-stale-'));
const sales = (ipei: string, before = '') => handset({ ipei, name: before, sip: '  <sip>\n    <line>\n      <profile_name>profile1</profile_name>\n      <user_id>5328</user_id>\n    </line>\n  </sip>\n' });
const closed = path.join(folder, 'ipei_02c332b511.xml');
const open = path.join(folder, 'ipei_02c332b510.xml');

let client: LspClient;
before(async () => {
  writeFileSync(open, sales('02c332b510'));
  writeFileSync(closed, sales('02c332b511'));
  client = new LspClient();
  await client.initialize(true, [{ uri: URI.file(folder).toString(), name: 'ws' }]);
  await client.open(URI.file(open).toString(), sales('02c332b510'));
});
after(async () => {
  await client.dispose();
  rmSync(folder, { recursive: true, force: true });
});

async function renameTo(newName: string): Promise<WorkspaceEdit> {
  const text = sales('02c332b510');
  const line = text.split('\n').findIndex((l) => l.includes('<profile_name>'));
  return (await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: URI.file(open).toString() }, position: { line, character: 24 }, newName })) as WorkspaceEdit;
}

test('a rename edits a closed file at its value as it is on disk now, though no file event said it changed', async () => {
  const first = await renameTo('Office');
  assert.ok(first.changes?.[URI.file(closed).toString()], 'the closed file is indexed and edited');
  const changed = sales('02c332b511', '  <hs_name>Desk</hs_name>\n  <!-- moved down by two lines -->\n');
  writeFileSync(closed, changed); // no workspace/didChangeWatchedFiles: the client watches nothing
  const edit = await renameTo('Office');
  const edits = edit.changes?.[URI.file(closed).toString()] ?? [];
  assert.equal(edits.length, 1);
  const after = TextDocument.applyEdits(TextDocument.create('file:///x', 'hsconfig', 1, changed), edits);
  assert.equal(after, changed.replace('<profile_name>profile1<', '<profile_name>Office<'));
});
