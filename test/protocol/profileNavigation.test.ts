// Cross-file navigation over LSP, in a workspace on disk: a handset's <profile_name> goes to the base-station
// config's profile-name P-value; that P-value finds the handset files using it; renaming it renames them too.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { DefinitionRequest, PrepareRenameRequest, ReferencesRequest, RenameRequest, type Location, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { handset } from '../unit/helpers';
import { LspClient } from './lspClient';

const dir = mkdtempSync(path.join(tmpdir(), 'hsconfig-nav-'));
const baseFile = path.join(dir, 'base.txt');
const baseText = '# the office base station\nP27762=office\nP27763=branch\n';
const onDisk = path.join(dir, 'handsets', 'ipei_02c332b511.xml');
const openHandset = path.join(dir, 'ipei_02c332b510.xml');
const uri = (file: string) => URI.file(file).toString();
const officeLine = handset({ sip: '  <sip>\n    <line>\n      <profile_name>office</profile_name>\n      <user_id>5328</user_id>\n    </line>\n  </sip>\n' });

let client: LspClient;
before(async () => {
  mkdirSync(path.dirname(onDisk), { recursive: true });
  writeFileSync(baseFile, baseText);
  writeFileSync(onDisk, officeLine.replace('02c332b510', '02c332b511'));
  writeFileSync(openHandset, officeLine);
  client = new LspClient();
  client.settings = { baseStation: 'base.txt' };
  const init = await client.initialize(true, [{ uri: uri(dir), name: 'ws' }]);
  assert.ok(init.capabilities.definitionProvider && init.capabilities.referencesProvider && init.capabilities.renameProvider);
});
after(async () => {
  await client.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const valueAt = (text: string, needle: string) => {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  return { line, character: lines[line].indexOf(needle) + 1 };
};

test('go to definition: a handset <profile_name> lands on the profile name in the workspace base-station config (not open)', async () => {
  const checked = client.diagnostics(uri(openHandset));
  await client.open(uri(openHandset), officeLine);
  await checked; // the server has read its settings by then
  const found = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: uri(openHandset) }, position: valueAt(officeLine, 'office<') })) as Location[];
  assert.deepEqual(found, [{ uri: uri(baseFile), range: { start: { line: 1, character: 7 }, end: { line: 1, character: 13 } } }]);
});

test('references and rename from the base config reach the open handset file and the one on disk', async () => {
  const checked = client.diagnostics(uri(baseFile));
  await client.open(uri(baseFile), baseText, 1, 'hsconfig-base');
  await checked;
  const position = { line: 1, character: 'P27762=of'.length };
  const refs = (await client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: uri(baseFile) }, position, context: { includeDeclaration: false } })) as Location[];
  assert.deepEqual(refs.map((r) => r.uri).sort(), [uri(onDisk), uri(openHandset)].sort());
  const prepared = await client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri: uri(baseFile) }, position });
  assert.equal((prepared as { placeholder: string }).placeholder, 'office');
  const edit = (await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: uri(baseFile) }, position, newName: 'HQ & co' })) as WorkspaceEdit;
  const changes = edit.changes ?? {};
  assert.deepEqual(Object.keys(changes).sort(), [uri(baseFile), uri(onDisk), uri(openHandset)].sort());
  assert.equal(changes[uri(baseFile)][0].newText, 'HQ & co', 'text config values are written as they are');
  assert.equal(changes[uri(onDisk)][0].newText, 'HQ &amp; co', 'XML escapes the ampersand');
});

test('a profile name no handset uses has no references; the branch profile is not renamed with office', async () => {
  const refs = (await client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: uri(baseFile) }, position: valueAt(baseText, 'branch'), context: { includeDeclaration: false } })) as Location[];
  assert.deepEqual(refs, []);
});

test('from a handset file, references with the declaration and rename reach the config that defines the name, as definition does', async () => {
  // Before one source of profile names, a rename from a handset file left a config base station unchanged.
  const position = valueAt(officeLine, 'office<');
  const refs = (await client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: uri(openHandset) }, position, context: { includeDeclaration: true } })) as Location[];
  assert.deepEqual(refs.map((r) => r.uri).sort(), [uri(baseFile), uri(onDisk), uri(openHandset)].sort());
  const edit = (await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: uri(openHandset) }, position, newName: 'HQ' })) as WorkspaceEdit;
  const changes = edit.changes ?? {};
  assert.deepEqual(Object.keys(changes).sort(), [uri(baseFile), uri(onDisk), uri(openHandset)].sort());
  assert.deepEqual(changes[uri(baseFile)], [{ range: { start: { line: 1, character: 7 }, end: { line: 1, character: 13 } }, newText: 'HQ' }]);
  const prepared = await client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri: uri(openHandset) }, position });
  assert.equal((prepared as { placeholder: string }).placeholder, 'office');
});
