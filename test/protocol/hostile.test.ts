// Hostile documents over LSP (issue 15): a document nested 10,000 levels deep and one with a character reference
// above U+10FFFF get diagnostics, and every request gets an answer the connection can carry.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  CompletionRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  InlayHintRequest,
  SelectionRangeRequest,
  type DocumentSymbol,
  type SelectionRange,
} from 'vscode-languageserver-protocol';
import { DOCUMENT_STATUS_REQUEST, PREVIEW_REQUEST, SIMULATE_FOLDER_REQUEST } from '../../shared/protocol/protocol';
import { handset } from '../unit/helpers';
import { LspClient } from './lspClient';

const LEVELS = 10_000;
const DEEP = `<?xml version="1.0" encoding="UTF-8"?>\n<hs_config>\n<ipei>02c332b510</ipei>\n${'<a>\n'.repeat(LEVELS)}x${'</a>\n'.repeat(LEVELS)}</hs_config>\n`;
const REF = handset({ ipei: '&#x110000;' });

let client: LspClient;
before(async () => {
  client = new LspClient();
  await client.initialize();
});
after(() => client.dispose());

async function everyRequest(uri: string, line: number, character: number): Promise<void> {
  const textDocument = { uri };
  const position = { line, character };
  const range = { start: { line: 0, character: 0 }, end: { line: LEVELS * 2 + 5, character: 0 } };
  await client.connection.sendRequest(HoverRequest.type, { textDocument, position });
  await client.connection.sendRequest(CompletionRequest.type, { textDocument, position });
  await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument });
  await client.connection.sendRequest(InlayHintRequest.type, { textDocument, range });
  await client.connection.sendRequest(DOCUMENT_STATUS_REQUEST, { textDocument });
  await client.connection.sendRequest(PREVIEW_REQUEST, { textDocument });
}

test('a document nested 10,000 levels deep: diagnostics are published and every request is answered', async () => {
  const uri = 'file:///srv/deep/ipei_02c332b510.xml';
  await client.open(uri, DEEP);
  const published = await client.diagnostics(uri, undefined, 30_000);
  assert.ok(published.diagnostics.some((d) => d.code === 'unknown-element'));
  const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
  assert.equal(symbols[0].name, 'Handset 02c332b510');
  const [selection] = (await client.connection.sendRequest(SelectionRangeRequest.type, { textDocument: { uri }, positions: [{ line: LEVELS + 3, character: 0 }] })) as SelectionRange[];
  let steps = 0;
  for (let s: SelectionRange | undefined = selection; s; s = s.parent) steps++;
  assert.ok(steps > 10, 'the selection grows outward');
  await everyRequest(uri, LEVELS + 3, 0);
  await client.connection.sendRequest(SIMULATE_FOLDER_REQUEST, { files: [{ name: 'ipei_02c332b510.xml', text: DEEP }] });
});

test('a character reference above U+10FFFF: a well-formedness error, and every request is answered', async () => {
  const uri = 'file:///srv/ref/ipei_02c332b510.xml';
  await client.open(uri, REF);
  const published = await client.diagnostics(uri);
  assert.deepEqual(published.diagnostics.map((d) => d.code), ['xml-not-well-formed']);
  await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
  await client.connection.sendRequest(SelectionRangeRequest.type, { textDocument: { uri }, positions: [{ line: 2, character: 10 }] });
  await everyRequest(uri, 2, 10);
  await client.connection.sendRequest(SIMULATE_FOLDER_REQUEST, { files: [{ name: 'ipei_02c332b510.xml', text: REF }] });
});

test('a document whose language id names a property of every object is checked as the handset language', async () => {
  for (const [i, languageId] of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'].entries()) {
    const uri = `file:///srv/odd-language-${i}.xml`;
    const published = client.diagnostics(uri);
    await client.open(uri, REF, 1, languageId);
    assert.ok((await published).diagnostics.length > 0, languageId);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 3, character: 3 } });
    assert.ok(hover, `no hover for language id ${languageId}`);
    await everyRequest(uri, 3, 3);
  }
});
