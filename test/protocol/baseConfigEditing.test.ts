// Editing a base-station config over LSP (issue 25): the completion the editor applies replaces the whole key it
// stands in, nothing is offered inside a comment, and the quick fixes an editor is offered apply as they should.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionRequest, CompletionRequest, type CodeAction, type CompletionItem, type CompletionList, type TextEdit } from 'vscode-languageserver-protocol';
import { handset } from '../unit/helpers';
import { LspClient } from './lspClient';

let client: LspClient;
before(async () => {
  client = new LspClient();
  await client.initialize();
});
after(() => client.dispose());

let opened = 0;
/** Opens the text (a `|` marks the cursor) as a new config and asks for completion there. */
async function completeAt(textWithBar: string): Promise<{ document: TextDocument; items: CompletionItem[] }> {
  const offset = textWithBar.indexOf('|');
  const uri = `file:///srv/edit-${++opened}.cfg`;
  const document = TextDocument.create(uri, 'hsconfig-base', 1, textWithBar.replace('|', ''));
  await client.open(uri, document.getText(), 1, 'hsconfig-base');
  const list = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: document.positionAt(offset) })) as CompletionList;
  return { document, items: list.items };
}

test('the completion an editor applies inside a key replaces the whole key, in text and in XML v1', async () => {
  const text = await completeAt('P27|762=profile1\n');
  const item = text.items.find((i) => i.label === 'P27762');
  assert.equal(TextDocument.applyEdits(text.document, [item?.textEdit as TextEdit]), 'P27762=profile1\n');
  const v1 = await completeAt('<gs_provision version="1"><config version="1">\n<P27|762>profile1</P27762>\n</config></gs_provision>\n');
  const element = v1.items.find((i) => i.label === 'P27763');
  const edits = [element?.textEdit as TextEdit, ...(element?.additionalTextEdits ?? [])];
  assert.equal(TextDocument.applyEdits(v1.document, edits), '<gs_provision version="1"><config version="1">\n<P27763>profile1</P27763>\n</config></gs_provision>\n');
});

test('nothing is offered inside an XML comment or a # comment', async () => {
  assert.deepEqual((await completeAt('<gs_provision version="1"><config version="2">\n<!-- <| -->\n</config></gs_provision>\n')).items, []);
  assert.deepEqual((await completeAt('# P27|\nP1=2\n')).items, []);
});

/** Opens the config, waits for its diagnostics, and applies the preferred fix of the one with `code`, as an editor does. */
async function applyFix(text: string, code: string): Promise<{ title: string; text: string }> {
  const uri = `file:///srv/edit-${++opened}.xml`;
  const published = client.diagnostics(uri);
  await client.open(uri, text, 1, 'hsconfig-base');
  const diagnostic = (await published).diagnostics.find((d) => d.code === code);
  assert.ok(diagnostic, `a ${code} diagnostic`);
  const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
  const preferred = actions.find((a) => a.isPreferred);
  assert.ok(preferred, `a preferred fix among ${JSON.stringify(actions.map((a) => a.title))}`);
  return { title: preferred.title, text: TextDocument.applyEdits(TextDocument.create(uri, 'hsconfig-base', 1, text), preferred.edit?.changes?.[uri] ?? []) };
}

test('a version 1 config of v2 items gets one warning, and its fix sets version="2"', async () => {
  const items = '<item name="profile.1.name">office</item><item name="profile.2.name">branch</item>';
  const fixed = await applyFix(`<gs_provision version="1"><config version="1">${items}</config></gs_provision>\n`, 'config-version');
  assert.deepEqual(fixed, { title: 'Set version="2"', text: `<gs_provision version="1"><config version="2">${items}</config></gs_provision>\n` });
});

test('a bare & in a v2 value is reported at the &, and its fix writes &amp;, in a config and a handset file alike', async () => {
  const config = '<gs_provision version="1"><config version="2"><item name="profile.1.name">R&D</item></config></gs_provision>\n';
  assert.deepEqual(await applyFix(config, 'xml-not-well-formed'), { title: 'Write it as &amp;', text: config.replace('R&D', 'R&amp;D') });
  const uri = 'file:///srv/ipei_02c332b510.xml';
  const text = handset({ name: '  <hs_name>R&D</hs_name>\n' });
  const published = client.diagnostics(uri);
  await client.open(uri, text);
  const slip = (await published).diagnostics.find((d) => d.code === 'xml-not-well-formed');
  assert.deepEqual(slip?.range.start, { line: 3, character: '  <hs_name>R'.length });
  const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: slip.range, context: { diagnostics: [slip] } })) as CodeAction[];
  assert.deepEqual(actions.map((a) => [a.title, a.isPreferred]), [['Write it as &amp;', true]]);
});

test('a config sent under the XML id (hsconfig-base-xml, which VS Code gives an XML config) gets the config checks', async () => {
  const uri = 'file:///srv/config-xml-id.xml';
  const published = client.diagnostics(uri);
  await client.open(uri, '<gs_provision version="1"><config version="1"><P27762>office</P27762><P271>7</P271></config></gs_provision>\n', 1, 'hsconfig-base-xml');
  assert.deepEqual((await published).diagnostics.map((d) => d.code), ['value-not-in-set']);
});
