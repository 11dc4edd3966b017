// The house (issue 23): no import cycle, no two folders importing each other, the client standing on shared/ alone,
// shared/ importing neither side, and the XML floor importing neither language. Type-only imports count.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { LANGUAGE_IDS } from '../../shared/languageIds';
import { cycles, importGraph, productFiles, ROOT, roomOf, roomsBothWays } from './importGraph';

const graph = importGraph();
const importsOf = (prefix: string) => [...graph].filter(([file]) => file.startsWith(prefix)).flatMap(([file, targets]) => targets.map((t) => `${file} -> ${t}`));

test('the graph is read: the server imports its modes, the client the protocol', () => {
  assert.ok(graph.get('server/src/lsp/server.ts')?.includes('server/src/modes/languageModes.ts'));
  assert.ok(graph.get('client/src/autoCloseTag.ts')?.includes('shared/protocol/protocol.ts'));
});

test('no import cycle', () => {
  assert.deepEqual(cycles(graph), []);
});

test('no two folders import each other', () => {
  assert.deepEqual(roomsBothWays(graph), []);
});

test('the client imports only shared/ and itself', () => {
  assert.deepEqual(
    importsOf('client/').filter((edge) => !/ -> (shared|client)\//.test(edge)),
    [],
  );
});

test('shared/ imports neither the server nor the client', () => {
  assert.deepEqual(
    importsOf('shared/').filter((edge) => !/ -> shared\//.test(edge)),
    [],
  );
});

test('the XML floor imports neither language', () => {
  assert.deepEqual(
    importsOf('server/src/xml/').filter((edge) => !/ -> (shared|server\/src\/xml)\//.test(edge)),
    [],
  );
});

test('the checker finds what it is for: a circle of three and two rooms both ways', () => {
  const made = new Map([
    ['a/x.ts', ['b/y.ts']],
    ['b/y.ts', ['a/z.ts']],
    ['a/z.ts', ['a/x.ts']],
  ]);
  assert.deepEqual(cycles(made), [['a/x.ts', 'a/z.ts', 'b/y.ts']]);
  assert.equal(roomsBothWays(made).length, 1);
  assert.equal(roomOf('server/src/xml/parser.ts'), 'server/src/xml');
});

test('the language ids are declared once: the manifest declares exactly those of shared/languageIds.ts', () => {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  assert.deepEqual(manifest.contributes.languages.map((l: { id: string }) => l.id).sort(), [...LANGUAGE_IDS].sort());
  for (const id of LANGUAGE_IDS) assert.ok(manifest.activationEvents.includes(`onLanguage:${id}`), `onLanguage:${id}`);
});

/** `doc.languageId === …`, `mode.id !== HANDSET_LANGUAGE_ID`, a language id written out. */
const COMPARES_A_LANGUAGE = /languageId\s*[!=]==|[!=]==\s*[\w.]*languageId|[!=]==\s*(HANDSET|BASE_CONFIG)_LANGUAGE_ID|(HANDSET|BASE_CONFIG)_LANGUAGE_ID\s*[!=]==|'hsconfig-base'/;

test('nothing on the server compares a language id: every feature asks the document\'s mode', () => {
  const comparing = productFiles()
    .filter((f) => f.startsWith('server/src/') && !f.startsWith('server/src/modes/'))
    .filter((f) => COMPARES_A_LANGUAGE.test(readFileSync(path.join(ROOT, f), 'utf8')));
  assert.deepEqual(comparing, []);
  for (const old of ["mode(doc).id === HANDSET_LANGUAGE_ID ? handler(doc, params) : fallback", "if (!doc || doc.languageId !== BASE_LANGUAGE_ID) return null;"]) {
    assert.ok(COMPARES_A_LANGUAGE.test(old), `the check sees what the wiring used to do: ${old}`);
  }
});
