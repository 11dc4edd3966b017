// Navigation over LSP: definition in the base-station file, references and rename across closed handset files,
// workspace symbols. Workspace diagnostics stay off: navigation indexes the folder on its own.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { DefinitionRequest, PrepareRenameRequest, ReferencesRequest, RenameRequest, WorkspaceSymbolRequest, type Location, type SymbolInformation } from 'vscode-languageserver-protocol';
import { handset } from '../unit/helpers';
import { LspClient } from './lspClient';

const line = (profile: string, user: string) => `  <sip>\n    <line>\n      <profile_name>${profile}</profile_name>\n      <user_id>${user}</user_id>\n    </line>\n  </sip>\n`;
let folder: string;
let client: LspClient;
const uriOf = (name: string) => pathToFileURL(path.join(folder, name)).toString();
const open = handset({ sip: line('Office', '5328') });
const textDocument = () => ({ uri: uriOf('ipei_02c332b510.xml') });
const onProfile = { line: 6, character: 22 };

before(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'hsconfig-navigation-'));
  mkdirSync(path.join(folder, '.vscode'));
  writeFileSync(path.join(folder, '.vscode', 'hsconfig-base-station.json'), '{\n  "profiles": [\n    { "index": 1, "name": "Office" }\n  ]\n}\n');
  writeFileSync(path.join(folder, 'ipei_02c332b510.xml'), open);
  writeFileSync(path.join(folder, 'ipei_02c332b511.xml'), handset({ ipei: '02c332b511', name: '  <hs_name>Warehouse</hs_name>\n', sip: line('Office', '5328') }));
  client = new LspClient();
  const init = await client.initialize(true, [{ uri: pathToFileURL(folder).toString(), name: 'fleet' }]);
  assert.ok(init.capabilities.definitionProvider && init.capabilities.referencesProvider && init.capabilities.renameProvider && init.capabilities.workspaceSymbolProvider);
  await client.open(uriOf('ipei_02c332b510.xml'), open);
  await client.diagnostics(uriOf('ipei_02c332b510.xml'));
});
after(async () => {
  await client.dispose();
  rmSync(folder, { recursive: true, force: true });
});

test('go to definition: <profile_name> to the profile in the base-station file', async () => {
  const defs = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: textDocument(), position: onProfile })) as Location[];
  assert.equal(defs.length, 1);
  const [def] = defs;
  assert.equal(def.uri, pathToFileURL(path.join(folder, '.vscode', 'hsconfig-base-station.json')).toString());
  assert.equal(def.range.start.line, 2);
});

test('references of a profile name and a user ID include closed files', async () => {
  const refs = await client.connection.sendRequest(ReferencesRequest.type, { textDocument: textDocument(), position: onProfile, context: { includeDeclaration: false } });
  assert.deepEqual(refs?.map((r) => path.basename(r.uri)).sort(), ['ipei_02c332b510.xml', 'ipei_02c332b511.xml']);
  const users = await client.connection.sendRequest(ReferencesRequest.type, { textDocument: textDocument(), position: { line: 7, character: 17 }, context: { includeDeclaration: true } });
  assert.equal(users?.length, 2);
});

test('rename a profile: prepareRename on the value, edits in both handset files and the base-station file', async () => {
  const prepared = await client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: textDocument(), position: onProfile });
  assert.deepEqual(prepared, { range: { start: { line: 6, character: 20 }, end: { line: 6, character: 26 } }, placeholder: 'Office' });
  assert.equal(await client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: textDocument(), position: { line: 3, character: 14 } }), null, 'not on a profile name');
  const edit = await client.connection.sendRequest(RenameRequest.type, { textDocument: textDocument(), position: onProfile, newName: 'Head office' });
  assert.deepEqual(Object.keys(edit?.changes ?? {}).map((u) => path.basename(u)).sort(), ['hsconfig-base-station.json', 'ipei_02c332b510.xml', 'ipei_02c332b511.xml']);
  await assert.rejects(client.connection.sendRequest(RenameRequest.type, { textDocument: textDocument(), position: onProfile, newName: 'x'.repeat(33) }), /at most 32 characters; this one has 33/);
});

test('workspace symbols find a closed handset by its decimal IPEI and its name', async () => {
  const byDecimal = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '1131501774253' })) as SymbolInformation[];
  assert.deepEqual(byDecimal.map((s) => s.containerName), ['Warehouse']);
  const byName = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'Wareh' })) as SymbolInformation[];
  assert.equal(path.basename(byName[0].location.uri), 'ipei_02c332b511.xml');
});

test('a handset named like a profile in the model JSON: definition lands on the profile, not the handset', async () => {
  const model = path.join(folder, '.vscode', 'hsconfig-base-station.json');
  const { readFileSync } = await import('node:fs');
  const before = readFileSync(model, 'utf8');
  // The model is read when asked (it is not open): the handset's "name" comes first in the text.
  writeFileSync(model, '{\n  "handsets": [ { "number": 1, "name": "Office" } ],\n  "profiles": [\n    { "index": 1, "name": "Office" }\n  ]\n}\n');
  try {
    const defs = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: textDocument(), position: onProfile })) as Location[];
    assert.deepEqual(defs.map((d) => d.range.start), [{ line: 3, character: 27 }]);
  } finally {
    writeFileSync(model, before);
  }
});
