// Workspace diagnostics over LSP: the folder's handset files checked without being open, with the problems only
// the folder as a whole shows, kept current through file events and open documents.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol';
import { handset } from '../unit/helpers';
import { LspClient } from './lspClient';

const codesOf = (p: { diagnostics: { code?: unknown }[] }) => p.diagnostics.map((d) => String(d.code)).sort();

let folder: string;
let client: LspClient;
const uriOf = (name: string) => pathToFileURL(path.join(folder, name)).toString();

before(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'hsconfig-workspace-'));
  mkdirSync(path.join(folder, 'desk'));
  writeFileSync(path.join(folder, 'ipei_02c332b510.xml'), handset());
  writeFileSync(path.join(folder, 'desk', 'front.xml'), handset());
  writeFileSync(path.join(folder, 'ipei_02c332b511.xml'), handset({ ipei: '02c332b511', name: '  <hs_name>A name that is much too long</hs_name>\n' }));
  writeFileSync(path.join(folder, 'pom.xml'), '<project/>');
  client = new LspClient();
  client.settings = { workspaceDiagnostics: { enable: true } };
  await client.initialize(true, [{ uri: pathToFileURL(folder).toString(), name: 'fleet' }]);
});
after(async () => {
  await client.dispose();
  rmSync(folder, { recursive: true, force: true });
});

test('closed files get their own problems and the folder\'s: two files for one IPEI', async () => {
  // Published in the order of the files' names (waiting for one consumes what came before it).
  assert.deepEqual(codesOf(await client.diagnostics(uriOf('desk/front.xml'))), ['folder-duplicate-ipei']);
  const duplicate = await client.diagnostics(uriOf('ipei_02c332b510.xml'));
  assert.deepEqual(codesOf(duplicate), ['folder-duplicate-ipei']);
  assert.match(String(duplicate.diagnostics[0].message), /this one and desk\/front\.xml/);
  assert.deepEqual(codesOf(await client.diagnostics(uriOf('ipei_02c332b511.xml'))), ['value-too-long']);
});

test('a file event keeps the index current: fixing one file on disk clears both', async () => {
  writeFileSync(path.join(folder, 'desk', 'front.xml'), handset({ ipei: '02c332b512' }));
  await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf('desk/front.xml'), type: FileChangeType.Changed }] });
  assert.deepEqual(codesOf(await client.diagnostics(uriOf('desk/front.xml'), (p) => p.diagnostics.length === 0)), []);
  assert.deepEqual(codesOf(await client.diagnostics(uriOf('ipei_02c332b510.xml'), (p) => p.diagnostics.length === 0)), []);
});

test('an open document\'s edits count for the folder before they are saved', async () => {
  const uri = uriOf('desk/front.xml');
  await client.open(uri, handset({ ipei: '02c332b512' }));
  await client.diagnostics(uri);
  await client.replace(uri, handset({ ipei: '02c332b511' }), 2);
  assert.deepEqual(codesOf(await client.diagnostics(uriOf('ipei_02c332b511.xml'), (p) => p.diagnostics.length === 2)), ['folder-duplicate-ipei', 'value-too-long']);
  const open = await client.diagnostics(uri, (p) => p.diagnostics.length > 0);
  assert.deepEqual(codesOf(open), ['folder-duplicate-ipei']);
  await client.close(uri);
  assert.deepEqual(codesOf(await client.diagnostics(uriOf('ipei_02c332b511.xml'), (p) => p.diagnostics.length === 1)), ['value-too-long'], 'closed unsaved: the disk counts again');
});

test('a deleted file leaves the Problems panel', async () => {
  rmSync(path.join(folder, 'ipei_02c332b511.xml'));
  await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf('ipei_02c332b511.xml'), type: FileChangeType.Deleted }] });
  assert.deepEqual((await client.diagnostics(uriOf('ipei_02c332b511.xml'), (p) => p.diagnostics.length === 0)).diagnostics, []);
});
