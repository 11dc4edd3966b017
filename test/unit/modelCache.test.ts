// The one bounded model cache (server/src/modes/modelCache.ts) and the language services that stand on it: one parse
// per document version, a changed text or language parsed again, the least recently used dropped when full, a
// closed document forgotten; and the CLI checking a folder no longer keeps every file it read.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getModelCache } from '../../server/src/modes/modelCache';
import { getLanguageService } from '../../server/src/handset/languageService';
import { getBaseConfigService } from '../../server/src/baseConfig/baseConfigService';

function counting() {
  const parsed: string[] = [];
  const cache = getModelCache((d: TextDocument) => {
    parsed.push(`${d.uri}@${d.version}`);
    return { text: d.getText() };
  }, 3);
  return { cache, parsed };
}

const doc = (uri: string, version: number, text: string, languageId = 'hsconfig') => TextDocument.create(uri, languageId, version, text);

test('one parse per document version, language and text', () => {
  const { cache, parsed } = counting();
  const a = doc('file:///a.xml', 1, '<hs_config/>');
  const first = cache.get(a);
  assert.equal(cache.get(a), first, 'the same model comes back');
  assert.equal(cache.get(doc('file:///a.xml', 1, '<hs_config/>')), first, 'an equal document is the same document');
  cache.get(doc('file:///a.xml', 2, '<hs_config/>'));
  cache.get(doc('file:///a.xml', 2, '<hs_config></hs_config>'));
  cache.get(doc('file:///a.xml', 2, '<hs_config></hs_config>', 'hsconfig-base'));
  assert.deepEqual(parsed, ['file:///a.xml@1', 'file:///a.xml@2', 'file:///a.xml@2', 'file:///a.xml@2']);
  assert.equal(cache.size, 1);
});

test('documents of closed files, all at version 0, are told apart by their text', () => {
  const { cache } = counting();
  assert.equal(cache.get(doc('file:///b.xml', 0, 'one')).text, 'one');
  assert.equal(cache.get(doc('file:///b.xml', 0, 'two')).text, 'two');
});

test('bounded: the least recently used model goes first', () => {
  const { cache, parsed } = counting();
  for (const name of ['a', 'b', 'c']) cache.get(doc(`file:///${name}`, 1, name));
  cache.get(doc('file:///a', 1, 'a')); // a is used again: b is now the oldest
  cache.get(doc('file:///d', 1, 'd'));
  assert.equal(cache.size, 3);
  parsed.length = 0;
  cache.get(doc('file:///a', 1, 'a'));
  cache.get(doc('file:///b', 1, 'b'));
  assert.deepEqual(parsed, ['file:///b@1'], 'a was kept, b was dropped');
});

test('a removed document is forgotten', () => {
  const { cache, parsed } = counting();
  cache.get(doc('file:///a', 1, 'a'));
  cache.onDocumentRemoved('file:///a');
  assert.equal(cache.size, 0);
  cache.get(doc('file:///a', 1, 'a'));
  assert.equal(parsed.length, 2);
});

test('both language services answer every feature of a version from one parse, and forget a closed document', () => {
  const handset = getLanguageService();
  const document = doc('file:///ipei_02c332b510.xml', 3, '<?xml version="1.0" encoding="UTF-8"?>\n<hs_config><ipei>02c332b510</ipei></hs_config>\n');
  const parsed = handset.parse(document);
  handset.doValidation(document);
  handset.findDocumentSymbols(document);
  assert.equal(handset.parse(document), parsed, 'features share the parse the code lens reads');
  handset.forget(document.uri);
  assert.notEqual(handset.parse(document), parsed, 'a forgotten document is parsed again');

  const base = getBaseConfigService();
  const config = doc('file:///cfg.txt', 1, 'P271=1\nP47=sip.example.com\n', 'hsconfig-base');
  const baseParsed = base.parse(config);
  base.doValidation(config);
  base.getStatus(config);
  assert.equal(base.parse(config), baseParsed);
  base.forget(config.uri);
  assert.notEqual(base.parse(config), baseParsed);
});
