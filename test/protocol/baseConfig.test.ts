// The server routes a base-station config file (language id hsconfig-base) to its own language: diagnostics,
// hover, completion and outline over LSP, while handset files keep theirs.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CodeActionRequest, CompletionRequest, DocumentFormattingRequest, DocumentSymbolRequest, HoverRequest, type CodeAction, type CompletionList, type DocumentSymbol, type MarkupContent } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TEMPLATE_SOURCE } from '../../server/src/baseConfig/catalogue';
import { BASE_CONFIG_STATUS_REQUEST, COMPARE_BASE_CONFIGS_REQUEST, CONVERT_BASE_CONFIG_REQUEST, type CompareBaseConfigsResponse, type ConvertBaseConfigResponse } from '../../shared/protocol/protocol';
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

test('a config server path written as a URL is reported over LSP, and its quick fix strips the scheme (issue 25)', async () => {
  const uri = 'file:///srv/base-scheme.txt';
  const clean = fixture('base-config/quirks-office.txt');
  const withScheme = clean.replace('P237=provisioning', 'P237=https://provisioning');
  const published = client.diagnostics(uri);
  await client.open(uri, withScheme, 1, 'hsconfig-base');
  const { diagnostics } = await published;
  assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.character, d.range.end.character]), [['server-path-scheme', 5, 13]]);
  assert.match(String(diagnostics[0].message), /set here 1 \(HTTP Upgrade\), not 2 \(HTTPS Upgrade\)/);
  const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } })) as CodeAction[];
  assert.deepEqual(actions.map((a) => [a.title, a.isPreferred]), [['Remove "https://"', true], ['Remove "https://" and set P212=2', undefined]]);
  const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'hsconfig-base', 1, withScheme), actions[0].edit?.changes?.[uri] ?? []);
  assert.equal(fixed, clean);
  const after = client.diagnostics(uri);
  await client.replace(uri, fixed, 2);
  assert.deepEqual((await after).diagnostics, []);
});

test('a handset file beside it keeps the handset language', async () => {
  const uri = 'file:///srv/ipei_02c332b510.xml';
  const published = client.diagnostics(uri);
  await client.open(uri, fixture('guide-example.xml'));
  assert.deepEqual((await published).diagnostics.map((d) => d.code), ['duplicate-element']);
});

test('formatting a config over LSP: text lines to Pnnn=value, an XML config indented', async () => {
  const cases: [string, string, string][] = [
    ['file:///srv/format.txt', '  P271 = 1\n# names   \nP27762 =Office\n', 'P271=1\n# names\nP27762=Office\n'],
    ['file:///srv/format.xml', '<gs_provision version="1">\n<config version="1">\n<P271>1</P271>\n</config>\n</gs_provision>\n', '<gs_provision version="1">\n    <config version="1">\n        <P271>1</P271>\n    </config>\n</gs_provision>\n'],
  ];
  for (const [uri, text, expected] of cases) {
    await client.open(uri, text, 1, 'hsconfig-base');
    const edits = await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
    assert.equal(TextDocument.applyEdits(TextDocument.create(uri, 'hsconfig-base', 1, text), edits ?? []), expected, uri);
  }
});

test('the editor\'s Convert and Compare requests: the other two shapes with what each leaves out; differences as the CLI prints them', async () => {
  const converted = (await client.connection.sendRequest(CONVERT_BASE_CONFIG_REQUEST, { text: 'P271=1\nP2333=proxy\n', name: 'a.txt' })) as ConvertBaseConfigResponse;
  assert.ok(!('problem' in converted));
  assert.equal(converted.from, 'text');
  assert.deepEqual(converted.conversions.map((c) => [c.label, c.written, c.leftOut.map((l) => l.key)]), [['XML v1', 2, []], ['XML v2', 1, ['P2333']]]);
  assert.deepEqual(await client.connection.sendRequest(CONVERT_BASE_CONFIG_REQUEST, { text: '<hs_config/>', name: 'h.xml' }), { problem: 'h.xml is not a base-station config (Pnnn=value lines, or XML with a <gs_provision> root).' });
  const compared = (await client.connection.sendRequest(COMPARE_BASE_CONFIGS_REQUEST, { a: { name: 'a.txt', text: 'P271=1\n' }, b: { name: 'b.txt', text: 'P271=0\n' } })) as CompareBaseConfigsResponse;
  assert.deepEqual(compared, { same: false, report: '--- a.txt\n+++ b.txt\n~ P271 Profile Active: 1 → 0', changed: 1, added: 0, removed: 0 });
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
