// At most 1,000 diagnostics of a document go to the editor, the most severe first, and one more that says how many
// were left out: VS Code shows no more than that per file (its extension host keeps the first 1,000 by severity and
// says "Not showing N further errors and warnings"), and turning 50,000 set-twice notes of a 3 MB config into JSON
// and back took longer than finding them. The CLI still reports every problem.

import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';

/** VS Code's own limit per file. */
export const MAX_DIAGNOSTICS_PER_DOCUMENT = 1000;

/** Stable code of the diagnostic that says how many were left out (never rename it). */
export const MORE_PROBLEMS_CODE = 'more-problems-not-shown';

const ORDER = [DiagnosticSeverity.Error, DiagnosticSeverity.Warning, DiagnosticSeverity.Information, DiagnosticSeverity.Hint];

/** `diagnostics` as they are when there are at most `max`; else the first `max` by severity (in their order within a
 *  severity, a missing severity counting as an error), and one more saying how many are not shown. */
export function limitDiagnostics(diagnostics: Diagnostic[], max = MAX_DIAGNOSTICS_PER_DOCUMENT): Diagnostic[] {
  if (diagnostics.length <= max) return diagnostics;
  const kept: Diagnostic[] = [];
  for (const severity of ORDER) {
    for (const d of diagnostics) {
      if ((d.severity ?? DiagnosticSeverity.Error) !== severity) continue;
      if (kept.push(d) === max) return [...kept, moreNotShown(kept[kept.length - 1], diagnostics.length - max)];
    }
  }
  return kept;
}

function moreNotShown(last: Diagnostic, count: number): Diagnostic {
  const message = `${count.toLocaleString('en-US')} more problems of this file are not shown (an editor shows at most ${MAX_DIAGNOSTICS_PER_DOCUMENT.toLocaleString('en-US')} per file, the most severe first); hsconfig validate lists them all.`;
  return Diagnostic.create(last.range, message, DiagnosticSeverity.Information, MORE_PROBLEMS_CODE, 'hsconfig');
}
