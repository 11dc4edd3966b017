// Sites in a multi-root workspace over LSP: each workspace folder bounds its own files' search (a config in one
// folder is no site of another's files, even when one folder sits inside the other on disk), and a site described
// by a config with a state JSON beside it renames in both files.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { RenameRequest, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { PROFILE_SOURCE_REQUEST, type ProfileSource } from '../../shared/protocol/protocol';
import { handset } from '../unit/helpers';
import { LspClient } from './lspClient';

const dir = mkdtempSync(path.join(tmpdir(), 'hsconfig-multiroot-'));
const file = (...parts: string[]) => path.join(dir, ...parts);
const uri = (...parts: string[]) => URI.file(file(...parts)).toString();
const line = (profile: string, ipei: string) => handset({ sip: `  <sip>\n    <line>\n      <profile_name>${profile}</profile_name>\n      <user_id>7</user_id>\n    </line>\n  </sip>\n` }).replace('02c332b510', ipei);
const STATE = JSON.stringify({ profiles: [{ index: 1, name: 'Branch' }], handsets: [{ number: 1, ipei: '02c332b5c1', name: 'Desk', lines: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0] }] }, null, 2);

let client: LspClient;
before(async () => {
  // The outer folder holds a config; the inner folder (its own workspace folder) has none of its own.
  mkdirSync(file('outer', 'inner', 'handsets'), { recursive: true });
  writeFileSync(file('outer', 'dp750.txt'), 'P27762=Outer\nP27014=1\n');
  writeFileSync(file('outer', 'inner', 'handsets', 'ipei_02c332b5c0.xml'), line('profile1', '02c332b5c0'));
  // A second folder: a config with a state JSON beside it.
  mkdirSync(file('branch', 'handsets'), { recursive: true });
  writeFileSync(file('branch', 'dp750.txt'), 'P27762=Branch\nP27014=1\n');
  writeFileSync(file('branch', 'hsconfig-base-station.json'), STATE);
  writeFileSync(file('branch', 'handsets', 'ipei_02c332b5c1.xml'), line('Branch', '02c332b5c1'));
  client = new LspClient();
  await client.initialize(true, [
    { uri: URI.file(file('outer', 'inner')).toString(), name: 'inner' },
    { uri: URI.file(file('branch')).toString(), name: 'branch' },
  ]);
});
after(async () => {
  await client.dispose();
  rmSync(dir, { recursive: true, force: true });
});

test("a workspace folder's files look no higher than it: the config around it on disk is not their site", async () => {
  const parts = ['outer', 'inner', 'handsets', 'ipei_02c332b5c0.xml'];
  const checked = client.diagnostics(uri(...parts));
  await client.open(uri(...parts), readFileSync(file(...parts), 'utf8'));
  assert.deepEqual((await checked).diagnostics, [], 'profile1: the factory names apply, not the outer config');
  const source = (await client.connection.sendRequest(PROFILE_SOURCE_REQUEST, { uri: uri(...parts) })) as ProfileSource;
  assert.equal(source.file, undefined);
});

test('a config with a state JSON beside it: the config gives the names, and a rename edits both files and the handset', async () => {
  const parts = ['branch', 'handsets', 'ipei_02c332b5c1.xml'];
  const text = readFileSync(file(...parts), 'utf8');
  const checked = client.diagnostics(uri(...parts));
  await client.open(uri(...parts), text);
  assert.deepEqual((await checked).diagnostics, []);
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.includes('<profile_name>Branch<'));
  const edit = (await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: uri(...parts) }, position: { line: at, character: lines[at].indexOf('Branch') + 1 }, newName: 'Branch HQ' })) as WorkspaceEdit;
  assert.deepEqual(Object.keys(edit.changes ?? {}).sort(), [uri('branch', 'dp750.txt'), uri('branch', 'handsets', 'ipei_02c332b5c1.xml'), uri('branch', 'hsconfig-base-station.json')].sort());
  assert.deepEqual(edit.changes?.[uri('branch', 'dp750.txt')]?.map((e) => e.newText), ['Branch HQ']);
});
