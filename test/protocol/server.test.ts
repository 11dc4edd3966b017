import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TextDocumentSyncKind } from 'vscode-languageserver-protocol';
import { handset } from '../unit/helpers';
import { LspClient } from './lspClient';

const codesOf = (p: { diagnostics: { code?: unknown }[] }) => p.diagnostics.map((d) => String(d.code));

describe('language server over stdio', () => {
  let client: LspClient;
  before(async () => {
    client = new LspClient();
    const init = await client.initialize();
    assert.equal(init.capabilities.textDocumentSync, TextDocumentSyncKind.Incremental);
  });
  after(() => client.dispose());

  test('publishes diagnostics for a broken file and clears them once it is fixed', async () => {
    const uri = 'file:///work/ipei_02c332b510.xml';
    const broken = handset({ name: '  <hs_name>This name is far too long</hs_name>\n' });
    await client.open(uri, broken);
    const first = await client.diagnostics(uri);
    assert.deepEqual(codesOf(first), ['value-too-long']);
    assert.equal(first.version, 1);
    assert.deepEqual(first.diagnostics[0].range, { start: { line: 3, character: 11 }, end: { line: 3, character: 36 } });
    assert.equal(first.diagnostics[0].source, 'hsconfig');

    await client.replace(uri, handset(), 2);
    const fixed = await client.diagnostics(uri, (p) => p.version === 2);
    assert.deepEqual(fixed.diagnostics, []);
  });

  test('quick edits: diagnostics follow each version in order, never an older one after a newer, and end at the last', async () => {
    const uri = 'file:///work/typing.xml';
    await client.open(uri, handset());
    await client.diagnostics(uri);
    for (let v = 2; v <= 6; v++) await client.replace(uri, handset({ ipei: '02c332b51'.slice(0, v) }), v);
    const versions: number[] = [];
    let last;
    do {
      last = await client.diagnostics(uri);
      versions.push(last.version ?? 0);
    } while (last.version !== 6);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `published out of order: ${versions.join(', ')}`);
    assert.equal(new Set(versions).size, versions.length);
    assert.deepEqual(codesOf(last), ['ipei-invalid']);
  });

  test('clears diagnostics when a document closes', async () => {
    const uri = 'file:///work/closing.xml';
    await client.open(uri, '<hs_config>');
    assert.deepEqual(codesOf(await client.diagnostics(uri)), ['xml-not-well-formed']);
    await client.close(uri);
    assert.deepEqual((await client.diagnostics(uri)).diagnostics, []);
  });

  test('reads profile names from the client settings and rechecks when they change', async () => {
    const uri = 'file:///work/profiles.xml';
    const text = handset({ sip: '  <sip>\n    <line>\n      <profile_name>Office</profile_name>\n      <user_id>1</user_id>\n    </line>\n  </sip>\n' });
    await client.open(uri, text);
    assert.deepEqual(codesOf(await client.diagnostics(uri)), ['profile-unknown']);
    await client.changeConfiguration({ profiles: ['Office', 'Trunk'] });
    assert.deepEqual((await client.diagnostics(uri)).diagnostics, []);
    await client.changeConfiguration({});
    assert.deepEqual(codesOf(await client.diagnostics(uri)), ['profile-unknown']);
  });

  test('a 5 MB document is checked without stalling the server', async () => {
    const uri = 'file:///work/huge.xml';
    const lines = '    <line>\n      <profile_name>profile1</profile_name>\n      <user_id>1</user_id>\n    </line>\n'.repeat(60_000);
    const huge = handset({ sip: `  <sip>\n${lines}  </sip>\n` });
    assert.ok(huge.length > 5_000_000);
    await client.open(uri, huge);
    const small = 'file:///work/small-after-huge.xml';
    await client.open(small, handset());
    const published = await client.diagnostics(uri, () => true, 30_000);
    assert.ok(published.diagnostics.some((d) => d.code === 'too-many-elements'));
    assert.deepEqual((await client.diagnostics(small, () => true, 30_000)).diagnostics, []);
  });
});

describe('language server with a client that has no configuration support', () => {
  test('uses the factory profile names', async () => {
    const client = new LspClient();
    try {
      await client.initialize(false);
      const uri = 'file:///work/defaults.xml';
      await client.open(uri, handset());
      assert.deepEqual((await client.diagnostics(uri)).diagnostics, []);
    } finally {
      await client.dispose();
    }
  });
});
