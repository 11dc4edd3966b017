// URIs spelt two ways (issue 27, item 6): a client that writes `Office%20(Berlin)` where the index writes
// `Office%20%28Berlin%29` still gets one edit per file from a rename, and its diagnostics for the open file.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { RenameRequest, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { handset } from '../unit/helpers';
import { LspClient } from './lspClient';

const root = mkdtempSync(path.join(tmpdir(), 'hsconfig-uris-'));
const folder = path.join(root, 'Office (Berlin)');
const line = (ipei: string) => handset({ ipei, sip: '  <sip>\n    <line>\n      <profile_name>profile1</profile_name>\n      <user_id>5328</user_id>\n    </line>\n  </sip>\n' });
/** The client's own spelling: parentheses left as they are. */
const clientUri = (name: string) => URI.file(path.join(folder, name)).toString().replace(/%28/g, '(').replace(/%29/g, ')');

let client: LspClient;
before(async () => {
  mkdirSync(folder);
  writeFileSync(path.join(folder, 'ipei_02c332b510.xml'), line('02c332b510'));
  writeFileSync(path.join(folder, 'ipei_02c332b511.xml'), line('02c332b511'));
  client = new LspClient();
  client.settings = { workspaceDiagnostics: { enable: true } };
  await client.initialize(true, [{ uri: URI.file(folder).toString().replace(/%28/g, '(').replace(/%29/g, ')'), name: 'office' }]);
});
after(async () => {
  await client.dispose();
  rmSync(root, { recursive: true, force: true });
});

test('a rename from a file opened under another spelling edits each file once', async () => {
  const uri = clientUri('ipei_02c332b510.xml');
  assert.notEqual(uri, URI.file(path.join(folder, 'ipei_02c332b510.xml')).toString(), 'the test spells the URI differently');
  await client.open(uri, line('02c332b510'));
  const text = line('02c332b510');
  const at = text.split('\n').findIndex((l) => l.includes('>profile1<'));
  const edit = (await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: { line: at, character: '      <profile_name>pro'.length }, newName: 'Office PBX' })) as WorkspaceEdit;
  const files = Object.keys(edit.changes ?? {}).map((u) => URI.parse(u).fsPath).sort();
  assert.deepEqual(files, [path.join(folder, 'ipei_02c332b510.xml'), path.join(folder, 'ipei_02c332b511.xml')]);
  for (const edits of Object.values(edit.changes ?? {})) assert.equal(edits.length, 1);
});
