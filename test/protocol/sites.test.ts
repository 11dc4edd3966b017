// Sites over LSP, on a copy of the fixture repository of several sites (test/fixtures/sites) with no settings: each
// handset file is held to its own site's base station, an unsaved config edit re-checks that site's open files and
// no other's, and definition, references and rename stay inside one site from either side.

import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { DefinitionRequest, RenameRequest, type Location, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import {
  GENERATE_REQUEST,
  HANDSET_IPEI_REQUEST,
  NEW_HANDSET_FILE_REQUEST,
  PREVIEW_REQUEST,
  PROFILE_SOURCE_REQUEST,
  SIMULATE_FOLDER_REQUEST,
  type FleetResponse,
  type GenerateResponse,
  type IpeiForName,
  type NewHandsetFileResponse,
  type PreviewResponse,
  type ProfileSource,
} from '../../shared/protocol/protocol';
import { LspClient } from './lspClient';

const FIXTURE = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'sites');
const dir = mkdtempSync(path.join(tmpdir(), 'hsconfig-sites-'));
const file = (...parts: string[]) => path.join(dir, ...parts);
const uri = (...parts: string[]) => URI.file(file(...parts)).toString();
const text = (...parts: string[]) => readFileSync(file(...parts), 'utf8');

const ACME_HANDSET = ['acme', 'handsets', 'ipei_02c332b510.xml'];
const GLOBEX_HANDSET = ['globex', 'handsets', 'hs_02c332b531.xml'];
const ACME_CONFIG = ['acme', 'dp750.txt'];

let client: LspClient;
before(async () => {
  cpSync(FIXTURE, dir, { recursive: true });
  client = new LspClient();
  await client.initialize(true, [{ uri: URI.file(dir).toString(), name: 'sites' }]);
});
after(async () => {
  await client.dispose();
  rmSync(dir, { recursive: true, force: true });
});

async function openClean(parts: string[], languageId = 'hsconfig'): Promise<void> {
  const checked = client.diagnostics(uri(...parts));
  await client.open(uri(...parts), text(...parts), 1, languageId);
  assert.deepEqual((await checked).diagnostics, [], `${parts.join('/')} is clean against its own site`);
}

test("with no settings, every site's handset files are clean against their own base station", async () => {
  for (const parts of [ACME_HANDSET, GLOBEX_HANDSET, ['acme', 'annex', 'handsets', 'ipei_02c332b520.xml'], ['initech', 'handsets', 'ipei_02c332b542.xml'], ['project-only', 'handsets', 'ipei_02c332b560.xml'], ['unconfigured', 'handsets', 'ipei_02c332b550.xml']]) {
    await openClean(parts);
  }
  const source = (await client.connection.sendRequest(PROFILE_SOURCE_REQUEST, { uri: uri(...GLOBEX_HANDSET) })) as ProfileSource;
  assert.deepEqual({ profiles: source.profiles, from: source.from, file: source.file, root: source.siteRoot }, { profiles: ['GlobexVoIP', 'Office', 'profile3', 'profile4'], from: 'baseStation', file: file('globex', 'dp750.xml'), root: file('globex') });
  const project = (await client.connection.sendRequest(PROFILE_SOURCE_REQUEST, { uri: uri('project-only', 'handsets', 'ipei_02c332b560.xml') })) as ProfileSource;
  assert.deepEqual({ profiles: project.profiles, from: project.from, projectFile: project.projectFile }, { profiles: ['Hosted1', 'Hosted2'], from: 'project', projectFile: file('project-only', 'hsconfig.json') });
});

test("an unsaved edit of a site's config re-checks that site's open handset files at once, and no other site's", async () => {
  await openClean(ACME_CONFIG, 'hsconfig-base');
  const configText = text(...ACME_CONFIG);
  const flagged = client.diagnostics(uri(...ACME_HANDSET), (p) => p.diagnostics.length > 0);
  await client.replace(uri(...ACME_CONFIG), configText.replace('P27762=AcmePBX', 'P27762=AcmeMain'), 2);
  const acme = await flagged;
  assert.deepEqual(acme.diagnostics.map((d) => d.code), ['profile-unknown']);
  assert.match(String(acme.diagnostics[0].message), /AcmePBX/);
  assert.ok(!client.unconsumedPublished.some((p) => p.uri === uri(...GLOBEX_HANDSET) && p.diagnostics.length > 0), 'the globex handset is not flagged');
  const preview = (await client.connection.sendRequest(PREVIEW_REQUEST, { textDocument: { uri: uri(...ACME_HANDSET) } })) as PreviewResponse;
  assert.equal(preview.source, file(...ACME_CONFIG), 'the preview runs on the edited site');
  const cleanAgain = client.diagnostics(uri(...ACME_HANDSET), (p) => p.diagnostics.length === 0);
  await client.close(uri(...ACME_CONFIG));
  await cleanAgain; // closed unsaved: the text on disk is the truth again
});

test("definition of a shared profile name goes to its own site's config only", async () => {
  const handsetText = text(...GLOBEX_HANDSET);
  const line = handsetText.split('\n').findIndex((l) => l.includes('<profile_name>Office<'));
  assert.ok(line >= 0, 'the globex handset uses Office');
  const character = handsetText.split('\n')[line].indexOf('Office') + 1;
  const found = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: uri(...GLOBEX_HANDSET) }, position: { line, character } })) as Location[];
  assert.deepEqual(found.map((l) => l.uri), [uri('globex', 'dp750.xml')]);
});

test("rename from a handset edits its site's config and handset files, and nothing of another site sharing the name", async () => {
  const handsetText = text(...GLOBEX_HANDSET);
  const line = handsetText.split('\n').findIndex((l) => l.includes('<profile_name>Office<'));
  const character = handsetText.split('\n')[line].indexOf('Office') + 1;
  const edit = (await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: uri(...GLOBEX_HANDSET) }, position: { line, character }, newName: 'Head Office' })) as WorkspaceEdit;
  const touched = Object.keys(edit.changes ?? {}).map((u) => path.relative(dir, URI.parse(u).fsPath)).sort();
  assert.ok(touched.includes(path.join('globex', 'dp750.xml')), touched.join());
  assert.ok(touched.every((t) => t.startsWith('globex' + path.sep)), `only globex files: ${touched.join()}`);
  const configEdit = (edit.changes?.[uri('globex', 'dp750.xml')] ?? []) as TextEdit[];
  assert.deepEqual(configEdit.map((e) => e.newText), ['Head Office']);
  const globexUsers = ['hs_02c332b530.xml', 'hs_02c332b531.xml', 'hs_02c332b532.xml', 'hs_02c332b533.xml', 'hs_02c332b534.xml'].filter((n) => text('globex', 'handsets', n).includes('<profile_name>Office<'));
  assert.deepEqual(touched.filter((t) => t.endsWith('.xml') && t.includes('handsets')), globexUsers.map((n) => path.join('globex', 'handsets', n)).sort());
});

test('rename refuses a name the base station would not take, from either side', async () => {
  const handsetText = text(...ACME_HANDSET);
  const line = handsetText.split('\n').findIndex((l) => l.includes('<profile_name>AcmePBX<'));
  const position = { line, character: handsetText.split('\n')[line].indexOf('AcmePBX') + 1 };
  const ask = (newName: string) => client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: uri(...ACME_HANDSET) }, position, newName });
  await assert.rejects(ask('x'.repeat(38)), /at most 32 characters/);
  await assert.rejects(ask('AcmeTrunk'), /already named 'AcmeTrunk'/);
  await assert.rejects(ask('  '), /cannot be empty/);
});

test('a site described only by hsconfig.json previews on a base station with its profile names', async () => {
  const parts = ['project-only', 'handsets', 'ipei_02c332b560.xml'];
  const preview = (await client.connection.sendRequest(PREVIEW_REQUEST, { textDocument: { uri: uri(...parts) } })) as PreviewResponse;
  assert.match(preview.source, /with settings from .*hsconfig\.json/);
  assert.equal(preview.result?.outcome, 'applied', JSON.stringify(preview.result?.steps.filter((s) => s.status === 'fail')));
});

test("a new, generated or encrypted file is named by its folder's site (globex: P27015=hs_)", async () => {
  const made = (await client.connection.sendRequest(NEW_HANDSET_FILE_REQUEST, { ipei: '02c332b5ee', folder: uri('globex', 'handsets'), prefix: 'ipei_', postfix: '' })) as NewHandsetFileResponse;
  assert.ok('name' in made, JSON.stringify(made));
  assert.equal(made.name, 'hs_02c332b5ee.xml');
  assert.equal(made.namedBy, `the base station in ${file('globex', 'dp750.xml')}`);
  const project = (await client.connection.sendRequest(NEW_HANDSET_FILE_REQUEST, { ipei: '02c332b5ee', folder: uri('unconfigured'), prefix: 'ipei_', postfix: '' })) as NewHandsetFileResponse;
  assert.ok('name' in project && project.name === 'ipei_02c332b5ee.xml' && /settings/.test(project.namedBy), JSON.stringify(project));
  const named = (await client.connection.sendRequest(HANDSET_IPEI_REQUEST, { text: text(...GLOBEX_HANDSET), uri: uri(...GLOBEX_HANDSET) })) as IpeiForName;
  assert.deepEqual(named, { ipei: '02c332b531', prefix: 'hs_', postfix: '' });
  const generated = (await client.connection.sendRequest(GENERATE_REQUEST, { csv: 'ipei;line1.profile_name;line1.user_id\n02c332b5ef;Office;77\n', folder: uri('globex', 'handsets'), prefix: 'ipei_', postfix: '' })) as GenerateResponse;
  assert.deepEqual(generated.result?.files.map((f) => f.name), ['hs_02c332b5ef.xml']);
  assert.deepEqual(generated.result?.skipped, [], 'Office is a globex profile');
});

test('simulating a folder of several sites runs each site on its own base station', async () => {
  const files = [ACME_HANDSET, GLOBEX_HANDSET].map((parts) => ({ name: parts.join('/'), text: text(...parts), uri: uri(...parts) }));
  const response = (await client.connection.sendRequest(SIMULATE_FOLDER_REQUEST, { files, folder: URI.file(dir).toString() })) as FleetResponse;
  assert.deepEqual(response.sites?.map((s) => s.source), [file(...ACME_CONFIG), file('globex', 'dp750.xml')]);
  assert.deepEqual(response.sites?.map((s) => s.result.runs.length), [1, 1]);
});

test('a rename reaches a handset file added to the site after indexing, with no file event (a folder copied in at once)', async () => {
  const added = file('initech', 'handsets', 'ipei_02c332b5dd.xml');
  writeFileSync(added, text('initech', 'handsets', 'ipei_02c332b540.xml').replace(/02c332b540/g, '02c332b5dd'));
  const configText = text('initech', 'config.xml');
  await client.open(uri('initech', 'config.xml'), configText, 1, 'hsconfig-base');
  const line = configText.split('\n').findIndex((l) => l.includes('>Office<'));
  const character = configText.split('\n')[line].indexOf('>Office<') + 2;
  const edit = (await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: uri('initech', 'config.xml') }, position: { line, character }, newName: 'Initech HQ' })) as WorkspaceEdit;
  const touched = Object.keys(edit.changes ?? {}).map((u) => path.relative(dir, URI.parse(u).fsPath));
  assert.ok(touched.includes(path.join('initech', 'handsets', 'ipei_02c332b5dd.xml')), touched.join());
  assert.ok(touched.every((t) => t.startsWith('initech' + path.sep)), touched.join());
});
