// Editing features as an LSP client sees them: formatting, tag editing, fix-all.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CodeActionRequest, CodeLensRequest, DocumentFormattingRequest, DocumentHighlightRequest, DocumentRangeFormattingRequest, LinkedEditingRangeRequest } from 'vscode-languageserver-protocol';
import { AUTO_CLOSE_TAG_REQUEST } from '../../shared/protocol/protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient } from './lspClient';

const URI = 'file:///srv/ipei_02c332b510.xml';
const messy = '<?xml version="1.0" encoding="UTF-8"?>\n<hs_config><ipei>02c332b510</ipei>\n<sip><line><profile_name>profile1</profile_name><user_id>5328</user_id></line></sip></hs_config>\n';
const textDocument = { uri: URI };
const options = { tabSize: 2, insertSpaces: true };

let client: LspClient;
before(async () => {
  client = new LspClient();
  const init = await client.initialize();
  const caps = init.capabilities;
  assert.deepEqual((caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix', 'source.fixAll.hsconfig']);
  assert.ok(caps.documentFormattingProvider && caps.documentRangeFormattingProvider && caps.linkedEditingRangeProvider && caps.documentHighlightProvider);
  await client.open(URI, messy);
  await client.diagnostics(URI);
});
after(() => client.dispose());

const apply = (edits: Parameters<typeof TextDocument.applyEdits>[1] | null) => TextDocument.applyEdits(TextDocument.create(URI, 'hsconfig', 1, messy), edits ?? []);

test('document formatting over LSP, and the hsconfig.format.enable setting turns it off', async () => {
  const edits = await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument, options });
  assert.equal(
    apply(edits),
    '<?xml version="1.0" encoding="UTF-8"?>\n<hs_config>\n  <ipei>02c332b510</ipei>\n  <sip>\n    <line>\n      <profile_name>profile1</profile_name>\n      <user_id>5328</user_id>\n    </line>\n  </sip>\n</hs_config>\n',
  );
  await client.changeConfiguration({ format: { enable: false } });
  await client.diagnostics(URI);
  assert.deepEqual(await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument, options }), []);
  await client.changeConfiguration({});
  await client.diagnostics(URI);
});

test('range formatting over LSP touches only the lines in the range', async () => {
  const range = { start: { line: 2, character: 0 }, end: { line: 2, character: messy.split('\n')[2].length } };
  const edits = await client.connection.sendRequest(DocumentRangeFormattingRequest.type, { textDocument, range, options });
  assert.equal(apply(edits).split('\n')[1], '<hs_config><ipei>02c332b510</ipei>');
  assert.deepEqual(apply(edits).split('\n').slice(2, 5), ['  <sip>', '    <line>', '      <profile_name>profile1</profile_name>']);
});

test('linked editing and matching-tag highlights over LSP', async () => {
  const position = { line: 2, character: 2 }; // in <sip>
  const linked = await client.connection.sendRequest(LinkedEditingRangeRequest.type, { textDocument, position });
  assert.deepEqual(linked?.ranges.map((r) => r.start), [{ line: 2, character: 1 }, { line: 2, character: 80 }]);
  const highlights = await client.connection.sendRequest(DocumentHighlightRequest.type, { textDocument, position });
  assert.equal(highlights?.length, 2);
});

test('closing a tag as it is typed over LSP', async () => {
  const uri = 'file:///srv/typing.xml';
  await client.open(uri, '<hs_config>\n  <hs_name>\n</hs_config>\n');
  await client.diagnostics(uri);
  assert.equal(await client.connection.sendRequest(AUTO_CLOSE_TAG_REQUEST, { textDocument: { uri }, position: { line: 1, character: 11 } }), '$0</hs_name>');
  assert.equal(await client.connection.sendRequest(AUTO_CLOSE_TAG_REQUEST, { textDocument: { uri }, position: { line: 0, character: 11 } }), null);
});

test('source.fixAll over LSP, as editor.codeActionsOnSave asks for it', async () => {
  const uri = 'file:///srv/fix-all.xml';
  const text = '<hs_config>\n  <ipei>02c332b510</ipei>\n  <sip>\n    <line>\n      <profile_name>PROFILE1</profile_name>\n      <user_id>1</user_id>\n    </line>\n  </sip>\n</hs_config>\n';
  await client.open(uri, text);
  const published = await client.diagnostics(uri);
  assert.deepEqual(published.diagnostics.map((d) => d.code), ['xml-declaration-missing', 'profile-unknown']);
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const actions = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics: [], only: ['source.fixAll'] } });
  assert.equal(actions?.length, 1);
  const action = actions![0] as { kind?: string; edit?: { changes?: Record<string, Parameters<typeof TextDocument.applyEdits>[1]> } };
  assert.equal(action.kind, 'source.fixAll.hsconfig');
  const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'hsconfig', 1, text), action.edit?.changes?.[uri] ?? []);
  assert.equal(fixed, '<?xml version="1.0" encoding="UTF-8"?>\n' + text.replace('PROFILE1', 'profile1'));
});

test('the code lens above <hs_config> over LSP, hidden by hsconfig.codeLens.enable', async () => {
  const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument });
  assert.deepEqual(lenses?.map((l) => [l.range.start.line, l.command?.title, l.command?.command]), [[1, 'HS1 · 1 line · 1 new account', 'hsconfig.preview']]);
  await client.changeConfiguration({ codeLens: { enable: false } });
  await client.diagnostics(URI);
  assert.deepEqual(await client.connection.sendRequest(CodeLensRequest.type, { textDocument }), []);
  await client.changeConfiguration({});
  await client.diagnostics(URI);
});
