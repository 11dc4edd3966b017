// The authoring features as an LSP client sees them.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  CodeActionRequest,
  CompletionRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  InlayHintRequest,
  SelectionRangeRequest,
  type CompletionList,
  type MarkupContent,
} from 'vscode-languageserver-protocol';
import { DOCUMENT_STATUS_REQUEST, PREVIEW_REQUEST, SIMULATE_FOLDER_REQUEST, type FleetResponse, type PreviewResponse } from '../../shared/protocol/protocol';
import { fixture } from '../unit/helpers';
import { LspClient } from './lspClient';

const URI = 'file:///srv/ipei_02c332b510.xml';
const text = fixture('guide-example.xml');
const textDocument = { uri: URI };
const lines = text.split('\n');
const at = (needle: string, delta = 0) => {
  const line = lines.findIndex((l) => l.includes(needle));
  return { line, character: lines[line].indexOf(needle) + delta };
};

let client: LspClient;
before(async () => {
  client = new LspClient();
  const init = await client.initialize();
  const caps = init.capabilities;
  assert.ok(caps.hoverProvider && caps.completionProvider && caps.codeActionProvider && caps.documentSymbolProvider && caps.inlayHintProvider);
  await client.open(URI, text);
  await client.diagnostics(URI);
});
after(() => client.dispose());

test('hover over LSP', async () => {
  const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument, position: at('<key_up_idle_function>4', 22) });
  assert.match((hover?.contents as MarkupContent).value, /Outgoing Calls/);
});

test('completion over LSP', async () => {
  const result = (await client.connection.sendRequest(CompletionRequest.type, { textDocument, position: at('>4<', 1) })) as CompletionList;
  assert.equal(result.items.length, 21);
});

test('code actions over LSP, keyed on the published diagnostic', async () => {
  const diagnostic = {
    range: { start: at('<cradle_answer>', 1), end: at('<cradle_answer>', 14) },
    message: 'repeat',
    code: 'duplicate-element',
    source: 'hsconfig',
    severity: 2 as const,
  };
  diagnostic.range.start.line += 1; // the second cradle_answer
  diagnostic.range.end.line += 1;
  const actions = await client.connection.sendRequest(CodeActionRequest.type, { textDocument, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
  assert.deepEqual(actions?.map((a) => a.title), ['Remove this repeated <cradle_answer>']);
});

test('outline, folding, selection ranges, inlay hints and status over LSP', async () => {
  const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument });
  assert.equal(symbols?.[0].name, 'Handset 02c332b510');
  const folds = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument });
  assert.ok((folds?.length ?? 0) >= 5);
  const sel = await client.connection.sendRequest(SelectionRangeRequest.type, { textDocument, positions: [at('5328')] });
  assert.ok(sel?.[0].parent);
  const hints = await client.connection.sendRequest(InlayHintRequest.type, { textDocument, range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } } });
  assert.equal(hints?.length, 14);
  const status = await client.connection.sendRequest(DOCUMENT_STATUS_REQUEST, { textDocument });
  assert.deepEqual(status, { ipei: '02c332b510', handsetName: 'HS 1FEDE', lines: 1 });
});

test('preview over LSP: the simulation of the open file against the base station', async () => {
  const preview = (await client.connection.sendRequest(PREVIEW_REQUEST, { textDocument })) as PreviewResponse;
  assert.match(preview.source, /factory default/);
  assert.equal(preview.result?.outcome, 'applied');
  assert.equal(preview.result?.url, 'http://fm.grandstream.com/gs/ipei_02c332b510.xml');
  assert.equal(preview.result?.handset, 1);
  assert.deepEqual(preview.result?.lines.map((l) => [l.userId, l.how, l.account]), [['5328', 'new', 1]]);
  const other = 'file:///srv/ipei_02c332b511.xml';
  await client.open(other, text);
  const stopped = (await client.connection.sendRequest(PREVIEW_REQUEST, { textDocument: { uri: other } })) as PreviewResponse;
  assert.equal(stopped.result?.outcome, 'stopped', 'the handset named in the file name rejects a file for another IPEI');
});

test('folder simulation over LSP', async () => {
  const fleet = (await client.connection.sendRequest(SIMULATE_FOLDER_REQUEST, {
    files: [
      { name: 'ipei_02c332b510.xml', text },
      { name: 'ipei_02c332b511.xml', text: text.replace('02c332b510', '02c332b511') },
    ],
  })) as FleetResponse;
  assert.deepEqual(fleet.result.runs.map((r) => r.result?.outcome), ['applied', 'applied']);
  assert.equal(fleet.result.conflicts.length, 1, 'both handsets claim account 1 with DID');
});
