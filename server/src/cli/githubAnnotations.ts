// `hsconfig validate --format github`: one GitHub Actions workflow command per problem (`::error file=…,line=…,col=…,
// title=code::message`), which the job log shows and the pull request puts on the line. Values are escaped as the
// runner reads them (`%`, line breaks, and in properties `:` and `,`), so no message can end its line or forge another.

import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';

const LEVEL: Record<DiagnosticSeverity, string> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'notice',
  [DiagnosticSeverity.Hint]: 'notice',
};

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function annotation(file: string, d: Diagnostic): string {
  const props = [`file=${escapeProperty(file)}`, `line=${d.range.start.line + 1}`, `col=${d.range.start.character + 1}`, `endLine=${d.range.end.line + 1}`, `endColumn=${d.range.end.character + 1}`, `title=${escapeProperty(String(d.code))}`];
  return `::${LEVEL[d.severity ?? DiagnosticSeverity.Error]} ${props.join(',')}::${escapeData(String(d.message))}`;
}

/** One file's problems, as validate reports them. */
interface Report {
  readonly file: string;
  readonly diagnostics: readonly Diagnostic[];
}

export function formatGithub(reports: readonly Report[]): string[] {
  return reports.flatMap((r) => r.diagnostics.map((d) => annotation(r.file, d)));
}
