// What the editor gets of a document's problems (issue 25): at most 1,000, the most severe first, as VS Code shows
// them, and one more saying how many were left out.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { limitDiagnostics, MORE_PROBLEMS_CODE } from '../../server/src/lsp/diagnosticLimit';

test('at most 1,000 diagnostics go to the editor: errors, then warnings, then the rest, and one saying how many more', () => {
  const at = (line: number, severity: DiagnosticSeverity) => Diagnostic.create({ start: { line, character: 0 }, end: { line, character: 1 } }, `d${line}`, severity);
  const few = [at(0, DiagnosticSeverity.Information), at(1, DiagnosticSeverity.Error)];
  assert.equal(limitDiagnostics(few), few, 'a list within the limit is passed as it is');
  const many = Array.from({ length: 1500 }, (_, i) => at(i, i % 3 === 0 ? DiagnosticSeverity.Error : i % 3 === 1 ? DiagnosticSeverity.Information : DiagnosticSeverity.Warning));
  const limited = limitDiagnostics(many);
  assert.equal(limited.length, 1001);
  assert.deepEqual(limited.slice(0, 500).map((d) => d.severity), Array(500).fill(DiagnosticSeverity.Error));
  assert.deepEqual(limited.slice(500, 1000).map((d) => d.severity), Array(500).fill(DiagnosticSeverity.Warning));
  assert.deepEqual(limited.slice(0, 3).map((d) => d.message), ['d0', 'd3', 'd6'], 'in their order within a severity');
  const more = limited[1000];
  assert.equal(more.code, MORE_PROBLEMS_CODE);
  assert.equal(more.severity, DiagnosticSeverity.Information);
  assert.match(String(more.message), /^500 more problems of this file are not shown .*hsconfig validate lists them all\.$/);
  assert.deepEqual(more.range, limited[999].range);
  assert.equal(limitDiagnostics(many, 1000).length, 1001);
  assert.equal(limitDiagnostics(many.slice(0, 1000)).length, 1000);
});
