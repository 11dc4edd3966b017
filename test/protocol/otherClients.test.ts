// What another editor's LSP client sends (issue 26): language ids of its own (`xml`, `text`, `conf`, `properties`,
// ids no one knows). The server decides by content, with the detection the VS Code client uses: a handset file gets
// the handset language, a base-station config the config language, and anything else nothing at all.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CompletionRequest, HoverRequest, type CompletionList } from 'vscode-languageserver-protocol';
import { handset } from '../unit/helpers';
import { LspClient } from './lspClient';

const CONFIG = '# DP750\nP271=1\nP27762=Office\nP27080=105\n';
const POM = '<?xml version="1.0"?>\n<project xmlns="http://maven.apache.org/POM/4.0.0">\n  <modelVersion>4.0.0</modelVersion>\n</project>\n';

let client: LspClient;
before(async () => {
  client = new LspClient();
  await client.initialize(false);
});
after(() => client.dispose());

const codes = (p: { diagnostics: { code?: unknown }[] }) => p.diagnostics.map((d) => d.code);

test('a handset file opened as xml, or under an id no one knows, gets the handset checks and hover', async () => {
  for (const [i, languageId] of ['xml', 'XML', 'my-editor-xml'].entries()) {
    const uri = `file:///srv/site/ipei_02c332b51${i}.xml`;
    const published = client.diagnostics(uri);
    await client.open(uri, handset({ ipei: `02c332b51${i}`, name: '  <hs_name>Front desk</hs_name>\n  <bogus/>\n' }), 1, languageId);
    assert.ok(codes(await published).includes('unknown-element'), languageId);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 3, character: 4 } });
    assert.match(JSON.stringify(hover), /hs_name/, `hover on <hs_name> opened as ${languageId}`);
  }
});

test('a base-station config opened as text, conf or properties gets the config checks', async () => {
  for (const languageId of ['text', 'plaintext', 'conf', 'properties', 'ini']) {
    const uri = `file:///srv/site/dp750-${languageId}.txt`;
    const published = client.diagnostics(uri);
    await client.open(uri, CONFIG, 1, languageId);
    assert.deepEqual(codes(await published), ['value-out-of-range'], languageId);
  }
});

test('a foreign XML file and a plain text file stay silent: no diagnostics, no hover, no completion', async () => {
  for (const [name, text, languageId] of [['pom.xml', POM, 'xml'], ['notes.txt', 'Call the PBX vendor on Monday.\n', 'text'], ['empty.xml', '', 'xml']]) {
    const uri = `file:///srv/other/${name}`;
    const published = client.diagnostics(uri);
    await client.open(uri, text, 1, languageId);
    assert.deepEqual((await published).diagnostics, [], name);
    assert.equal(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 3 } }), null, name);
    const completion = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } })) as CompletionList | null;
    assert.ok(!completion || completion.items.length === 0, name);
  }
});

test('an empty xml file becomes a handset file once its root is typed', async () => {
  const uri = 'file:///srv/site/new.xml';
  const silent = client.diagnostics(uri);
  await client.open(uri, '', 1, 'xml');
  assert.deepEqual((await silent).diagnostics, []);
  const checked = client.diagnostics(uri, (p) => p.diagnostics.length > 0);
  await client.replace(uri, '<?xml version="1.0" encoding="UTF-8"?>\n<hs_config>\n</hs_config>\n', 2);
  assert.ok(codes(await checked).includes('missing-element'));
});

test('a client that cannot be asked for settings pushes them, and they apply (as nvim-lspconfig does)', async () => {
  const pushing = new LspClient();
  try {
    await pushing.initialize(false);
    const uri = 'file:///srv/site/ipei_02c332b519.xml';
    const office = handset({ ipei: '02c332b519', sip: '  <sip>\n    <line>\n      <profile_name>Office PBX</profile_name>\n      <user_id>5328</user_id>\n    </line>\n  </sip>\n' });
    const factory = pushing.diagnostics(uri);
    await pushing.open(uri, office, 1, 'xml');
    assert.deepEqual(codes(await factory), ['profile-unknown'], 'the factory names until settings come');
    const pushed = pushing.diagnostics(uri, (p) => p.diagnostics.length === 0);
    await pushing.changeConfiguration({ profiles: ['Office PBX', 'Trunk'] });
    assert.deepEqual((await pushed).diagnostics, []);
  } finally {
    await pushing.dispose();
  }
});
