// "Fix all … in the folder" over LSP: with workspace diagnostics on, a quick fix on one file's problem fixes the same
// kind in the folder's closed files too, as one workspace edit whose other files ask for confirmation.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { CodeActionRequest, type CodeAction, type TextDocumentEdit, type TextEdit } from 'vscode-languageserver-protocol';
import { handset } from '../unit/helpers';
import { LspClient } from './lspClient';

const sip = (profile: string) => `  <sip>\n    <line>\n      <profile_name>${profile}</profile_name>\n      <user_id>5328</user_id>\n    </line>\n  </sip>\n`;
let folder: string;
let client: LspClient;
const uriOf = (name: string) => pathToFileURL(path.join(folder, name)).toString();

before(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'hsconfig-folderfix-'));
  writeFileSync(path.join(folder, 'ipei_02c332b510.xml'), handset({ ipei: '02c332b510', sip: sip('PROFILE1') }));
  writeFileSync(path.join(folder, 'ipei_02c332b511.xml'), handset({ ipei: '02c332b511', sip: sip('Profile1') }));
  writeFileSync(path.join(folder, 'ipei_02c332b512.xml'), handset({ ipei: '02c332b512', sip: sip('PROFILE1') }));
  client = new LspClient();
  client.settings = { workspaceDiagnostics: { enable: true } };
  await client.initialize(true, [{ uri: pathToFileURL(folder).toString(), name: 'fleet' }], { workspace: { workspaceEdit: { documentChanges: true, changeAnnotationSupport: { groupsOnLabel: true } } } });
  await client.diagnostics(uriOf('ipei_02c332b512.xml'), (p) => p.diagnostics.length > 0);
});
after(async () => {
  await client.dispose();
  rmSync(folder, { recursive: true, force: true });
});

test('a quick fix on an open file\'s problem fixes the kind in the closed files too, the other files in the same edit', async () => {
  const uri = uriOf('ipei_02c332b510.xml');
  await client.open(uri, handset({ ipei: '02c332b510', sip: sip('PROFILE1') }), 4);
  const [problem] = (await client.diagnostics(uri, (p) => p.diagnostics.length > 0)).diagnostics;
  assert.equal(problem.code, 'profile-unknown');
  const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: problem.range, context: { diagnostics: [problem] } })) as CodeAction[];
  const folderFix = actions.find((a) => /in the folder/.test(a.title));
  assert.ok(folderFix, JSON.stringify(actions.map((a) => a.title)));
  assert.equal(folderFix.title, "Fix all 3 profile names written in the wrong case in the folder's 3 files (profile-unknown)");
  const changes = folderFix.edit?.documentChanges as TextDocumentEdit[];
  assert.deepEqual(
    changes.map((c) => [path.basename(new URL(c.textDocument.uri).pathname), c.textDocument.version, c.edits.map((e) => (e as TextEdit).newText)]),
    [
      ['ipei_02c332b510.xml', 4, ['profile1']],
      ['ipei_02c332b511.xml', null, ['profile1']],
      ['ipei_02c332b512.xml', null, ['profile1']],
    ],
  );
  assert.equal(Object.values(folderFix.edit?.changeAnnotations ?? {})[0]?.needsConfirmation, false, 'the title names the folder: choosing it is the consent');
});

test('with workspace diagnostics off, only the file\'s own fixes are offered', async () => {
  await client.changeConfiguration({ workspaceDiagnostics: { enable: false } });
  const uri = uriOf('ipei_02c332b510.xml');
  const [problem] = (await client.diagnostics(uri, (p) => p.diagnostics.length > 0)).diagnostics;
  const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: problem.range, context: { diagnostics: [problem] } })) as CodeAction[];
  assert.ok(actions.length > 0 && actions.every((a) => !/in the folder/.test(a.title)), JSON.stringify(actions.map((a) => a.title)));
});
