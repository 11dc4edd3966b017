// What a document gets by what it is (issue 25): the server asks the document's mode, which the shared detection
// chooses from its content and name. A file opened as one of ours that is neither language gets one diagnostic saying
// so; a config with a stray line gets the config checks; the vendor's cfg<MAC> file is a config in any editor.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { HoverRequest } from 'vscode-languageserver-protocol';
import { LspClient } from './lspClient';

let client: LspClient;
before(async () => {
  client = new LspClient();
  await client.initialize(false);
});
after(() => client.dispose());

const codes = (p: { diagnostics: { code?: unknown }[] }) => p.diagnostics.map((d) => d.code);

test('a short config with one stray line, opened as either of our languages, gets the config checks, not XML errors', async () => {
  for (const [i, languageId] of ['hsconfig', 'hsconfig-base'].entries()) {
    for (const [j, text] of ['P27762=Office\nP27014 1\n', 'P27762=Office\nOffice phones\n'].entries()) {
      const uri = `file:///srv/site/short-${i}-${j}.txt`;
      const published = client.diagnostics(uri);
      await client.open(uri, text, 1, languageId);
      assert.deepEqual(codes(await published), ['malformed-line'], `${languageId}: ${JSON.stringify(text)}`);
    }
  }
});

test('a file opened as ours that is neither language gets exactly one diagnostic that says why, and no hover', async () => {
  const cases = [
    ['changelog.txt', '#####\n## DP7xx Change Log\n#####\n#P26006=1\nNumber: 0, 1\n', 'hsconfig-base', /no Pnnn=value setting/],
    ['changelog2.txt', 'Changes in 1.0.13\n- fixed the tone\n', 'hsconfig', /no Pnnn=value setting/],
    ['pom.xml', '<?xml version="1.0"?>\n<project><modelVersion>4.0.0</modelVersion></project>\n', 'hsconfig', /root element is <project>/],
    ['notes.txt', 'Notes\nP1=2\nthat is all\n', 'hsconfig-base', /2 of its 3 lines/],
  ] as const;
  for (const [name, text, languageId, why] of cases) {
    const uri = `file:///srv/site/${name}`;
    const published = client.diagnostics(uri);
    await client.open(uri, text, 1, languageId);
    const { diagnostics } = await published;
    assert.deepEqual(codes({ diagnostics }), ['not-hsconfig-file'], name);
    assert.match(String(diagnostics[0].message), /^Not a handset file or a base-station config: /, name);
    assert.match(String(diagnostics[0].message), why, name);
    assert.equal(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 3 } }), null, name);
  }
});

test('a file opened as ours with nothing to tell yet keeps the language it was opened as', async () => {
  const uri = 'file:///srv/site/new.xml';
  const published = client.diagnostics(uri);
  await client.open(uri, '<?xml version="1.0"?>\n', 1, 'hsconfig');
  assert.ok(!codes(await published).includes('not-hsconfig-file'));
});

test("the vendor's cfg<MAC> file opened as plain text or xml (Neovim, another editor) gets the config checks", async () => {
  for (const [uri, languageId] of [['file:///srv/site/cfg000b82123456', 'text'], ['file:///srv/site/cfg000b82123457.cfg', 'conf']] as const) {
    const published = client.diagnostics(uri);
    await client.open(uri, 'Office base\nSee the wiki\nP27014 1\n', 1, languageId);
    assert.deepEqual(codes(await published), ['malformed-line', 'malformed-line', 'malformed-line'], uri);
  }
  const foreign = 'file:///srv/site/changelog';
  const silent = client.diagnostics(foreign);
  await client.open(foreign, 'Office base\nSee the wiki\nP27014 1\n', 1, 'text');
  assert.deepEqual((await silent).diagnostics, [], 'the same text under another name is not ours');
});
