// The server routes a base-station config file (language id hsconfig-base) to its own language: diagnostics,
// hover, completion and outline over LSP, while handset files keep theirs.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CompletionRequest, DocumentSymbolRequest, HoverRequest, type CompletionList, type DocumentSymbol, type MarkupContent } from 'vscode-languageserver-protocol';
import { TEMPLATE_SOURCE } from '../../server/src/baseConfig/catalogue';
import { BASE_CONFIG_STATUS_REQUEST } from '../../shared/protocol/protocol';
import { fixture } from '../unit/helpers';
import { LspClient } from './lspClient';

const URI = 'file:///srv/base.txt';
const text = fixture('base-config/quirks-office.txt').replace('P271=1', 'P271=7');

let client: LspClient;
before(async () => {
  client = new LspClient();
  await client.initialize();
});
after(() => client.dispose());

test('a base-station config gets its own diagnostics, hover, completion and outline over LSP', async () => {
  const published = client.diagnostics(URI);
  await client.open(URI, text, 1, 'hsconfig-base');
  const { diagnostics } = await published;
  assert.deepEqual(diagnostics.map((d) => d.code), ['value-not-in-set']);
  const line = text.split('\n').findIndex((l) => l.startsWith('P27014'));
  const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: { line, character: 2 } });
  assert.match((hover?.contents as MarkupContent).value, /P27014 — Enable Handset Config Upgrade/);
  const completion = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: URI }, position: { line, character: 7 } })) as CompletionList;
  assert.deepEqual(completion.items.map((i) => i.label), ['0', '1']);
  const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: URI } })) as DocumentSymbol[];
  assert.deepEqual(symbols.map((s) => s.name), ['Profile 1/General Settings', 'DECT/SIP Account Settings', 'Maintenance/Provisioning']);
});

test('the language status request says what the config file is and what the checks found', async () => {
  const settings = text.split('\n').filter((l) => /^P\d+/.test(l)).length;
  const status = await client.connection.sendRequest(BASE_CONFIG_STATUS_REQUEST, { textDocument: { uri: URI } });
  assert.deepEqual(status, { shape: 'text', settings, unknown: 0, firmware: TEMPLATE_SOURCE.firmware, errors: 1, warnings: 0, notes: 0 });
  const v2 = 'file:///srv/base-v2.xml';
  await client.open(v2, '<gs_provision version="1"><config version="2"><item name="profile.1.name">HQ</item><item name="profile.1.nmae">x</item><item name="profile.1.name">HQ</item></config></gs_provision>', 1, 'hsconfig-base');
  const v2Status = await client.connection.sendRequest(BASE_CONFIG_STATUS_REQUEST, { textDocument: { uri: v2 } });
  assert.deepEqual(v2Status, { shape: 'xml-v2', settings: 3, unknown: 1, firmware: TEMPLATE_SOURCE.firmware, errors: 0, warnings: 1, notes: 1 });
  assert.equal(await client.connection.sendRequest(BASE_CONFIG_STATUS_REQUEST, { textDocument: { uri: 'file:///srv/not-open.txt' } }), null);
});

test('a handset file beside it keeps the handset language', async () => {
  const uri = 'file:///srv/ipei_02c332b510.xml';
  const published = client.diagnostics(uri);
  await client.open(uri, fixture('guide-example.xml'));
  assert.deepEqual((await published).diagnostics.map((d) => d.code), ['duplicate-element']);
});

test('a config with more problems than an editor shows gets the 1,000 most severe and one saying how many more', async () => {
  const uri = 'file:///srv/many/base.txt';
  // 1,201 settings of one P-value: 1,200 set-twice notes, and one error among them.
  const lines = Array.from({ length: 1201 }, (_, i) => (i === 600 ? 'P271=7' : 'P271=1'));
  const published = client.diagnostics(uri);
  await client.open(uri, `${lines.join('\n')}\n`, 1, 'hsconfig-base');
  const { diagnostics } = await published;
  assert.equal(diagnostics.length, 1001);
  assert.deepEqual(diagnostics.slice(0, 2).map((d) => [d.code, d.range.start.line]), [['value-not-in-set', 600], ['set-twice-differently', 600]]);
  assert.equal(diagnostics[1000].code, 'more-problems-not-shown');
  assert.match(String(diagnostics[1000].message), /^201 more problems of this file are not shown/);
});
