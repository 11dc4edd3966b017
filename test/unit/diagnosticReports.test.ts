// Pull diagnostics reports: results named by content, unchanged when the client holds them, and a workspace pull
// that carries only what the client lacks (new, changed, or to clear).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { documentReport, EMPTY_RESULT_ID, resultIdOf, workspaceReports } from '../../server/src/lsp/diagnosticReports';

const problem = (message: string) => Diagnostic.create({ start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message, DiagnosticSeverity.Error, 'value-too-long', 'hsconfig');

test('equal lists have equal result ids, different lists different ones', () => {
  assert.equal(resultIdOf([problem('a')]), resultIdOf([problem('a')]));
  assert.notEqual(resultIdOf([problem('a')]), resultIdOf([problem('b')]));
  assert.notEqual(resultIdOf([problem('a')]), EMPTY_RESULT_ID);
});

test('a document report is full unless the client holds the same result', () => {
  const first = documentReport([problem('a')], undefined);
  assert.deepEqual(first, { kind: 'full', resultId: resultIdOf([problem('a')]), items: [problem('a')] });
  assert.deepEqual(documentReport([problem('a')], first.resultId), { kind: 'unchanged', resultId: first.resultId });
  assert.equal(documentReport([problem('b')], first.resultId).kind, 'full');
});

test('a workspace pull reports new and changed problems, clears fixed and vanished files, and skips what the client holds', () => {
  const held = new Map([
    ['file:///same.xml', resultIdOf([problem('same')])],
    ['file:///changed.xml', resultIdOf([problem('old')])],
    ['file:///fixed.xml', resultIdOf([problem('fixed')])],
    ['file:///deleted.xml', resultIdOf([problem('gone')])],
    ['file:///clean-deleted.xml', EMPTY_RESULT_ID],
  ]);
  const current = new Map([
    ['file:///same.xml', [problem('same')]],
    ['file:///changed.xml', [problem('new')]],
    ['file:///fixed.xml', []],
    ['file:///new.xml', [problem('new')]],
    ['file:///clean.xml', []],
  ]);
  const reports = workspaceReports(current, (uri) => held.get(uri), held.keys());
  assert.deepEqual(
    reports.map((r) => [r.uri, r.kind === 'full' ? r.items.map((d) => d.message) : r.kind, r.version]),
    [
      ['file:///changed.xml', ['new'], null],
      ['file:///fixed.xml', [], null],
      ['file:///new.xml', ['new'], null],
      ['file:///deleted.xml', [], null],
    ],
  );
  assert.ok(reports.every((r) => r.resultId === resultIdOf(r.kind === 'full' ? r.items : [])));
});

test('a problem that moved is a new result: its range, every part of it, names the result (issue 27, seeded bug)', () => {
  const at = (line: number, character: number, endCharacter: number, endLine = line) =>
    Diagnostic.create({ start: { line, character }, end: { line: endLine, character: endCharacter } }, 'a', DiagnosticSeverity.Error, 'value-too-long', 'hsconfig');
  const ids = [at(0, 0, 1), at(1, 0, 1), at(0, 1, 1), at(0, 0, 2), at(0, 0, 1, 1)].map((d) => resultIdOf([d]));
  assert.equal(new Set(ids).size, ids.length, 'each move gives its own result id');
  const first = documentReport([at(0, 0, 1)], undefined);
  assert.equal(documentReport([at(3, 0, 1)], first.resultId).kind, 'full', 'moved down by an inserted line: sent again');
});
