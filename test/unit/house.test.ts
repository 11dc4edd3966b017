// The house (issue 23): no import cycle, no two folders importing each other, the client standing on shared/ alone,
// shared/ importing neither side, and the XML floor importing neither language. Type-only imports count.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cycles, importGraph, roomOf, roomsBothWays } from './importGraph';

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
