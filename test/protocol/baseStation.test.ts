// A workspace with a base-station file: the server reads it from the workspace folder, its profile names decide
// <profile_name>, and a change to the file (reported as a watched-file change) is picked up.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { CodeActionRequest, CompletionRequest, DidChangeWatchedFilesNotification, FileChangeType, ShowMessageNotification, type CodeAction, type CompletionList } from 'vscode-languageserver-protocol';
import { NEW_HANDSET_FILE_REQUEST, type NewHandsetFileResponse } from '../../shared/protocol/protocol';
import { handset } from '../unit/helpers';
import { LspClient } from './lspClient';
import { BASE_STATION_CHANGED_NOTIFICATION, PROFILE_SOURCE_REQUEST, type ProfileSource } from '../../shared/protocol/protocol';

async function waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the server');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const codesOf = (p: { diagnostics: { code?: unknown }[] }) => p.diagnostics.map((d) => String(d.code));

describe('language server with a base-station file in the workspace', () => {
  let client: LspClient;
  let folder: string;
  let file: string;
  const shown: string[] = [];
  const announced: ProfileSource[] = [];
  const write = (profiles: string[]) => writeFileSync(file, JSON.stringify({ profiles: profiles.map((name, i) => ({ index: i + 1, name })) }));

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'hsconfig-ws-'));
    mkdirSync(path.join(folder, '.vscode'));
    file = path.join(folder, '.vscode', 'hsconfig-base-station.json');
    write(['Office PBX']);
    client = new LspClient();
    client.connection.onNotification(ShowMessageNotification.type, (p) => void shown.push(p.message));
    client.connection.onNotification(BASE_STATION_CHANGED_NOTIFICATION, (p: ProfileSource) => void announced.push(p));
    await client.initialize(true, [{ uri: pathToFileURL(folder).toString(), name: 'ws' }]);
  });
  after(async () => {
    await client.dispose();
    rmSync(folder, { recursive: true, force: true });
  });

  test('the file\'s profile names decide <profile_name>, and a change to it is picked up', async () => {
    const uri = pathToFileURL(path.join(folder, 'ipei_02c332b510.xml')).toString();
    const office = handset({ sip: '  <sip>\n    <line>\n      <profile_name>Office PBX</profile_name>\n      <user_id>1</user_id>\n    </line>\n  </sip>\n' });
    await client.open(uri, office);
    assert.deepEqual((await client.diagnostics(uri)).diagnostics, [], 'with the settings alone, Office PBX would be unknown');

    assert.deepEqual(await client.connection.sendRequest(PROFILE_SOURCE_REQUEST), { profiles: ['Office PBX', 'profile2', 'profile3', 'profile4'], from: 'baseStation', file, configServerPath: 'fm.grandstream.com/gs', configProtocol: 'HTTP' });

    announced.length = 0;
    write(['Head office']);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(file).toString(), type: FileChangeType.Changed }] });
    const changed = await client.diagnostics(uri);
    await waitFor(() => announced.length > 0);
    assert.deepEqual(announced[0], { profiles: ['Head office', 'profile2', 'profile3', 'profile4'], from: 'baseStation', file, configServerPath: 'fm.grandstream.com/gs', configProtocol: 'HTTP' }, 'views that follow the base station are told');
    // Completion and quick fixes follow the file too.
    const at = office.indexOf('Office PBX');
    const position = { line: office.slice(0, at).split('\n').length - 1, character: at - office.lastIndexOf('\n', at) - 1 };
    const completion = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position })) as CompletionList;
    assert.ok(completion.items.some((i) => i.label === 'Head office'), JSON.stringify(completion.items.map((i) => i.label)));
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: changed.diagnostics[0].range,
      context: { diagnostics: changed.diagnostics },
    })) as CodeAction[];
    assert.ok(actions.some((a) => /Head office/.test(a.title)), JSON.stringify(actions.map((a) => a.title)));
    assert.deepEqual(codesOf(changed), ['profile-unknown']);
    assert.match(String(changed.diagnostics[0].message), /the profiles are 'Head office', 'profile2', 'profile3', 'profile4'/);

    rmSync(file);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(file).toString(), type: FileChangeType.Deleted }] });
    await client.changeConfiguration({ profiles: ['Office PBX'] });
    const settingsOnly = await client.diagnostics(uri, (p) => p.diagnostics.length === 0);
    assert.deepEqual(settingsOnly.diagnostics, [], 'without the file the hsconfig.profiles setting applies again');
    // A site with no base-station file names none (the file the setting looked for is gone).
    assert.deepEqual(await client.connection.sendRequest(PROFILE_SOURCE_REQUEST), { profiles: ['Office PBX'], from: 'setting' });
  });

  test('the hsconfig.baseStation setting points elsewhere; an invalid file falls back to the settings', async () => {
    writeFileSync(path.join(folder, 'base.json'), JSON.stringify({ profiles: [{ index: 1, name: 'Trunk' }] }));
    const uri = pathToFileURL(path.join(folder, 'other.xml')).toString();
    await client.open(uri, handset({ sip: '  <sip>\n    <line>\n      <profile_name>Trunk</profile_name>\n      <user_id>1</user_id>\n    </line>\n  </sip>\n' }));
    assert.deepEqual(codesOf(await client.diagnostics(uri)), ['profile-unknown']);
    await client.changeConfiguration({ profiles: ['Office PBX'], baseStation: 'base.json' });
    assert.deepEqual((await client.diagnostics(uri)).diagnostics, []);
    writeFileSync(path.join(folder, 'base.json'), JSON.stringify({ profiles: [{ index: 9, name: 'Trunk' }] }));
    await client.changeConfiguration({ profiles: ['Office PBX'], baseStation: 'base.json' });
    assert.deepEqual(codesOf(await client.diagnostics(uri)), ['profile-unknown']);
    assert.ok(
      shown.some((m) => /base\.json: not a valid base-station file: profiles\[0\]\.index: must be a whole number from 1 to 4, not 9\. The hsconfig\.profiles setting applies meanwhile\.$/.test(m)),
      JSON.stringify(shown),
    );
  });
});

describe('language server whose workspace base-station file has keys named like Object properties (issue 15)', () => {
  let client: LspClient;
  let folder: string;
  const shown: string[] = [];

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'hsconfig-ws-'));
    mkdirSync(path.join(folder, '.vscode'));
    writeFileSync(path.join(folder, '.vscode', 'hsconfig-base-station.json'), '{"constructor": 1, "profiles": [{"index": 1, "name": "Trunk", "__proto__": {"x": 1}}]}');
    client = new LspClient();
    client.connection.onNotification(ShowMessageNotification.type, (p) => void shown.push(p.message));
    await client.initialize(true, [{ uri: pathToFileURL(folder).toString(), name: 'ws' }]);
  });
  after(async () => {
    await client.dispose();
    rmSync(folder, { recursive: true, force: true });
  });

  test('the server starts, says what is wrong with the file, and checks with the settings meanwhile', async () => {
    const uri = pathToFileURL(path.join(folder, 'ipei_02c332b510.xml')).toString();
    await client.open(uri, handset());
    assert.deepEqual((await client.diagnostics(uri)).diagnostics, []);
    assert.ok(shown.some((m) => /hsconfig-base-station\.json: not a valid base-station file: .*constructor: is not a known property/.test(m)), JSON.stringify(shown));
    assert.ok(shown.some((m) => /profiles\[0\]\.__proto__: is not a known property/.test(m)), JSON.stringify(shown));
  });
});

describe('New Handset File names files as the described base station requests them', () => {
  let client: LspClient;
  let folder: string;
  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'hsconfig-new-'));
    mkdirSync(path.join(folder, '.vscode'));
    const base = { provisioning: { handsetProvisioning: true, protocol: 'HTTP', serverPath: 'p.example.com', filePrefix: 'dect/hs_', filePostfix: '.enc' } };
    writeFileSync(path.join(folder, '.vscode', 'hsconfig-base-station.json'), JSON.stringify(base));
    client = new LspClient();
    await client.initialize(true, [{ uri: pathToFileURL(folder).toString(), name: 'ws' }]);
  });
  after(async () => {
    await client.dispose();
    rmSync(folder, { recursive: true, force: true });
  });

  test("the base-station file's prefix and postfix, not the settings'; without it, the settings'", async () => {
    const opened = pathToFileURL(path.join(folder, 'x.xml')).toString();
    await client.open(opened, handset());
    await client.diagnostics(opened); // the server has read its settings and the base-station file by now
    const params = { ipei: '02C332B510', prefix: 'ipei_', postfix: '' };
    const named = (await client.connection.sendRequest(NEW_HANDSET_FILE_REQUEST, params)) as NewHandsetFileResponse;
    assert.ok(!('problem' in named));
    assert.deepEqual([named.folder, named.name], ['dect', 'hs_02c332b510.xml.enc']);
    assert.match(named.namedBy, /the base station in .*hsconfig-base-station\.json/);
    assert.match(named.text, /<ipei>02c332b510<\/ipei>/);
    const file = path.join(folder, '.vscode', 'hsconfig-base-station.json');
    rmSync(file);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(file).toString(), type: FileChangeType.Deleted }] });
    const bySettings = (await client.connection.sendRequest(NEW_HANDSET_FILE_REQUEST, params)) as NewHandsetFileResponse;
    assert.ok(!('problem' in bySettings));
    assert.deepEqual([bySettings.folder, bySettings.name], ['', 'ipei_02c332b510.xml']);
    assert.match(bySettings.namedBy, /hsconfig\.handsetFilePrefix/);
    const bad = (await client.connection.sendRequest(NEW_HANDSET_FILE_REQUEST, { ...params, prefix: '../x' })) as NewHandsetFileResponse;
    assert.ok('problem' in bad && /leads out of the folder.*settings/.test(bad.problem), JSON.stringify(bad));
  });
});
