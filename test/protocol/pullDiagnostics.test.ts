// Pull diagnostics (LSP 3.17) over stdio: a client that can pull is sent nothing and asks (full and unchanged
// reports, the workspace's closed files with the folder's problems, a refresh when the base station changes); a
// client that cannot is sent diagnostics as before.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import {
  CancellationTokenSource,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  DocumentDiagnosticRequest,
  FileChangeType,
  LSPErrorCodes,
  WorkspaceDiagnosticRequest,
  type ClientCapabilities,
  type DocumentDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol';
import { handset } from '../unit/helpers';
import { LspClient } from './lspClient';

const PULL: ClientCapabilities = { textDocument: { diagnostic: { dynamicRegistration: true } }, workspace: { diagnostics: { refreshSupport: true } } };
const TOO_LONG = handset({ ipei: '02c332b511', name: '  <hs_name>A name that is much too long</hs_name>\n' });
const codes = (items: { code?: unknown }[]) => items.map((d) => String(d.code)).sort();

function full(report: DocumentDiagnosticReport) {
  assert.equal(report.kind, DocumentDiagnosticReportKind.Full, JSON.stringify(report));
  return report as Extract<DocumentDiagnosticReport, { kind: 'full' }>;
}

/** The registration of pull diagnostics the server made, once it has made one. */
function pullRegistration(client: LspClient, workspaceDiagnostics: boolean) {
  return client.until(`a textDocument/diagnostic registration with workspaceDiagnostics ${workspaceDiagnostics}`, () =>
    [...client.registrations.values()].find((r) => r.method === DocumentDiagnosticRequest.method && (r.registerOptions as { workspaceDiagnostics?: boolean }).workspaceDiagnostics === workspaceDiagnostics),
  );
}

describe('a client that pulls', () => {
  let client: LspClient;
  before(async () => {
    client = new LspClient();
    const init = await client.initialize(true, null, PULL);
    assert.equal(init.capabilities.diagnosticProvider, undefined, 'offered by registration once the settings are known');
  });
  after(() => client.dispose());

  test('is offered pull diagnostics for both languages (the config language under its text and XML ids), workspace pulls off by default, with inter-file dependencies', async () => {
    const registration = await pullRegistration(client, false);
    assert.deepEqual(registration.registerOptions, {
      documentSelector: [{ language: 'hsconfig' }, { language: 'hsconfig-base' }, { language: 'hsconfig-base-xml' }],
      identifier: 'hsconfig',
      interFileDependencies: true,
      workspaceDiagnostics: false,
    });
  });

  test('gets a full report, then unchanged for the same result, then full again after an edit; nothing is pushed', async () => {
    const uri = 'file:///pulled/ipei_02c332b511.xml';
    await client.open(uri, TOO_LONG);
    const first = full(await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }));
    assert.deepEqual(codes(first.items), ['value-too-long']);
    assert.ok(first.resultId);
    const again = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId: first.resultId });
    assert.deepEqual(again, { kind: DocumentDiagnosticReportKind.Unchanged, resultId: first.resultId });
    await client.replace(uri, handset({ ipei: '02c332b511' }), 2);
    const fixed = full(await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId: first.resultId }));
    assert.deepEqual(fixed.items, []);
    assert.notEqual(fixed.resultId, first.resultId);
    await client.close(uri);
    // A pushed check would have run right after the open and the change.
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepEqual(client.unconsumedPublished, []);
  });

  test('a slow document waits its check time before a pull is answered; a pull overtaken meanwhile is cancelled, not answered for the old version', async () => {
    const uri = 'file:///pulled/big.xml';
    const line = (i: number) => `    <line>\n      <profile_name>profile1</profile_name>\n      <user_id>${1000 + i}</user_id>\n      <display_name>Line ${i}</display_name>\n    </line>\n`;
    const big = handset({ sip: `  <sip>\n${Array.from({ length: 5000 }, (_, i) => line(i)).join('')}  </sip>\n` });
    await client.open(uri, big);
    // The first check is at once and records what a check of this document costs (well over the cheap limit).
    await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    // A change, a pull and a newer change, sent together: the pull waits the check time and finds itself overtaken.
    // On a loaded machine the pull can still come after its wait was over (then it is rightly answered for the
    // version it found), so a few rounds are allowed; one of them must end in a cancel.
    let version = 1;
    let outcome = 'answered';
    for (let round = 0; round < 5 && outcome === 'answered'; round++) {
      void client.replace(uri, big.replace('Line 1<', `Line 1${'x'.repeat(++version)}<`), version);
      const overtaken = client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
      void client.replace(uri, big.replace('Line 1<', `Line 1${'x'.repeat(++version)}<`), version);
      outcome = await overtaken.then(
        () => 'answered',
        (e: { code?: number; message?: string }) => (e.code === LSPErrorCodes.ServerCancelled ? 'cancelled' : `failed: ${e.message}`),
      );
    }
    assert.equal(outcome, 'cancelled');
    const current = full(await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }));
    assert.ok(current.resultId);
    await client.close(uri);
  });

  test('a changed setting makes the client pull again', async () => {
    const before = client.diagnosticRefreshes;
    await client.changeConfiguration({ profiles: ['Sales'] });
    await client.until('a workspace/diagnostic/refresh', () => (client.diagnosticRefreshes > before ? true : undefined));
  });
});

describe('a client that pulls, with workspace diagnostics on', () => {
  let folder: string;
  let client: LspClient;
  const uriOf = (name: string) => pathToFileURL(path.join(folder, name)).toString();
  const pullWorkspace = (previous: WorkspaceDocumentDiagnosticReport[] = [], token?: CancellationTokenSource) =>
    client.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: previous.map((r) => ({ uri: r.uri, value: r.resultId! })) }, token?.token);
  const byName = (items: WorkspaceDocumentDiagnosticReport[]) =>
    Object.fromEntries(items.map((r) => [path.relative(folder, new URL(r.uri).pathname), r.kind === 'full' ? codes(r.items) : r.kind]));

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'hsconfig-pull-'));
    mkdirSync(path.join(folder, 'desk'));
    writeFileSync(path.join(folder, 'ipei_02c332b510.xml'), handset());
    writeFileSync(path.join(folder, 'desk', 'front.xml'), handset());
    writeFileSync(path.join(folder, 'ipei_02c332b511.xml'), TOO_LONG);
    writeFileSync(path.join(folder, 'desk', 'back.xml'), handset({ ipei: '02c332b514' }));
    client = new LspClient();
    client.settings = { workspaceDiagnostics: { enable: true } };
    await client.initialize(true, [{ uri: pathToFileURL(folder).toString(), name: 'fleet' }], PULL);
    await pullRegistration(client, true);
  });
  after(async () => {
    await client.dispose();
    rmSync(folder, { recursive: true, force: true });
  });

  test('a workspace pull returns the closed files with problems, their own and the folder\'s, and nothing is pushed', async () => {
    const report = await pullWorkspace();
    assert.deepEqual(byName(report.items), {
      [path.join('desk', 'front.xml')]: ['folder-duplicate-ipei'],
      'ipei_02c332b510.xml': ['folder-duplicate-ipei'],
      'ipei_02c332b511.xml': ['value-too-long'],
    });
    assert.ok(report.items.every((r) => r.version === null && r.resultId));
    assert.deepEqual(client.unconsumedPublished, []);
  });

  test('with every result held, the pull waits for the folder to change and then reports only what changed', async () => {
    const held = (await pullWorkspace()).items;
    let answered = false;
    const waiting = pullWorkspace(held).then((r) => ((answered = true), r));
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(answered, false, 'nothing changed: the request is held');
    writeFileSync(path.join(folder, 'desk', 'front.xml'), handset({ ipei: '02c332b513' }));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf('desk/front.xml'), type: FileChangeType.Changed }] });
    assert.deepEqual(byName((await waiting).items), { [path.join('desk', 'front.xml')]: [], 'ipei_02c332b510.xml': [] }, 'both duplicates cleared, the third file not repeated');
  });

  test('a held workspace pull ends when the client cancels it', async () => {
    const held = (await pullWorkspace()).items;
    const token = new CancellationTokenSource();
    const waiting = pullWorkspace(held, token);
    token.cancel();
    const outcome = await waiting.then((r) => r.items, (e: Error) => e.message);
    assert.ok(Array.isArray(outcome) ? outcome.length === 0 : /cancel/i.test(outcome), JSON.stringify(outcome));
  });

  test('an open file is the document pull\'s; closing it hands it back to the workspace pull', async () => {
    const uri = uriOf('ipei_02c332b511.xml');
    await client.open(uri, handset({ ipei: '02c332b511' }));
    const open = full(await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }));
    assert.deepEqual(open.items, [], 'the editor\'s text, not the disk\'s');
    const token = new CancellationTokenSource();
    setTimeout(() => token.cancel(), 300);
    const whileOpen = await pullWorkspace([], token).then((r) => r.items, () => []);
    assert.ok(!whileOpen.some((r) => r.uri === uri), 'not in the workspace report while open');
    await client.close(uri);
    const after = await pullWorkspace();
    assert.deepEqual(byName(after.items)['ipei_02c332b511.xml'], ['value-too-long'], 'closed unsaved: the disk counts again');
  });

  test('a cross-file problem caused by an open document reaches the closed file, and the client is asked to pull again', async () => {
    const held = (await pullWorkspace()).items;
    const refreshes = client.diagnosticRefreshes;
    const uri = uriOf('desk/back.xml');
    await client.open(uri, handset({ ipei: '02c332b514' }));
    await client.replace(uri, handset({ ipei: '02c332b510' }), 2);
    const changed = await pullWorkspace(held);
    assert.deepEqual(byName(changed.items), { 'ipei_02c332b510.xml': ['folder-duplicate-ipei'] });
    await client.until('a refresh for the open document', () => (client.diagnosticRefreshes > refreshes ? true : undefined));
    const open = full(await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }));
    assert.deepEqual(codes(open.items), ['folder-duplicate-ipei']);
    await client.close(uri);
  });

  test('a change of the base-station file asks the client to pull again', async () => {
    const before = client.diagnosticRefreshes;
    mkdirSync(path.join(folder, '.vscode'), { recursive: true });
    const file = path.join(folder, '.vscode', 'hsconfig-base-station.json');
    writeFileSync(file, '{}');
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(file).toString(), type: FileChangeType.Created }] });
    await client.until('a workspace/diagnostic/refresh', () => (client.diagnosticRefreshes > before ? true : undefined));
  });

  test('turning workspace diagnostics off registers pulls without the workspace', async () => {
    await client.changeConfiguration({ workspaceDiagnostics: { enable: false } });
    await pullRegistration(client, false);
    assert.ok(![...client.registrations.values()].some((r) => (r.registerOptions as { workspaceDiagnostics?: boolean }).workspaceDiagnostics), 'the old registration is withdrawn');
  });

  test('a held workspace pull is answered when workspace diagnostics go off while a recompute is due (issue 27, item 15)', async () => {
    await client.changeConfiguration({ workspaceDiagnostics: { enable: true } });
    await pullRegistration(client, true);
    const held = (await pullWorkspace()).items;
    const waiting = pullWorkspace(held);
    const uri = uriOf('desk/back.xml');
    await client.open(uri, handset({ ipei: '02c332b514' }));
    await client.replace(uri, handset({ ipei: '02c332b515' }), 2); // a recompute is now due after the edit pause
    await client.changeConfiguration({ workspaceDiagnostics: { enable: false } });
    const outcome = await Promise.race([waiting.then(() => 'answered'), new Promise((resolve) => setTimeout(() => resolve('still pending after 5 s'), 5_000))]);
    assert.equal(outcome, 'answered');
    await client.close(uri);
  });
});

test('a client that pulls but cannot register dynamically is offered pulls at initialize', async () => {
  const client = new LspClient();
  try {
    const init = await client.initialize(true, null, { textDocument: { diagnostic: {} } });
    assert.deepEqual(init.capabilities.diagnosticProvider, { identifier: 'hsconfig', interFileDependencies: true, workspaceDiagnostics: true });
    const uri = 'file:///static/ipei_02c332b511.xml';
    await client.open(uri, TOO_LONG);
    assert.deepEqual(codes(full(await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })).items), ['value-too-long']);
  } finally {
    await client.dispose();
  }
});

test('a client that cannot pull is offered no pulls and is sent diagnostics', async () => {
  const client = new LspClient();
  try {
    const init = await client.initialize(true, null);
    assert.equal(init.capabilities.diagnosticProvider, undefined);
    const uri = 'file:///pushed/ipei_02c332b511.xml';
    await client.open(uri, TOO_LONG);
    assert.deepEqual(codes((await client.diagnostics(uri)).diagnostics), ['value-too-long']);
    assert.equal(client.registrations.size, 0);
  } finally {
    await client.dispose();
  }
});
