// Pull diagnostics (LSP 3.17) as reports: a result is named by its content, so a client that asks again holding the
// same result gets `unchanged` instead of the list again, and a workspace pull carries only what the client lacks.
// Pure: server/src/lsp/pullDiagnostics.ts wires it to the connection.

import { createHash } from 'node:crypto';
import {
  DocumentDiagnosticReportKind,
  type Diagnostic,
  type FullDocumentDiagnosticReport,
  type UnchangedDocumentDiagnosticReport,
  type WorkspaceFullDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol';

/** The result id of a list of diagnostics: equal lists, equal ids. */
export function resultIdOf(items: readonly Diagnostic[]): string {
  return createHash('sha1').update(JSON.stringify(items)).digest('base64url').slice(0, 20);
}

export const EMPTY_RESULT_ID = resultIdOf([]);

/** A document's report: `unchanged` when the client already holds this result. */
export function documentReport(items: Diagnostic[], previousResultId: string | undefined): FullDocumentDiagnosticReport | UnchangedDocumentDiagnosticReport {
  const resultId = resultIdOf(items);
  return previousResultId === resultId ? { kind: DocumentDiagnosticReportKind.Unchanged, resultId } : { kind: DocumentDiagnosticReportKind.Full, resultId, items };
}

/**
 * A workspace pull's reports for closed files: `current` holds each file's diagnostics now; `held(uri)` the result
 * the client shows for a file (its previous result id, else the last one sent). A file is reported when what it shows
 * differs: new problems, changed ones, or problems to clear (a file fixed, or gone from the folder). `heldUris` are
 * the closed files the client may show problems for (open ones are the document pulls' business).
 */
export function workspaceReports(current: ReadonlyMap<string, Diagnostic[]>, held: (uri: string) => string | undefined, heldUris: Iterable<string>): WorkspaceFullDocumentDiagnosticReport[] {
  const reports: WorkspaceFullDocumentDiagnosticReport[] = [];
  for (const [uri, items] of current) {
    const resultId = resultIdOf(items);
    const before = held(uri);
    if (before === resultId || (before === undefined && items.length === 0)) continue;
    reports.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, resultId, items });
  }
  for (const uri of new Set(heldUris)) {
    if (current.has(uri)) continue;
    const before = held(uri);
    if (before !== undefined && before !== EMPTY_RESULT_ID) reports.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, resultId: EMPTY_RESULT_ID, items: [] });
  }
  return reports;
}
