// `hsconfig validate --format sarif`: the report as SARIF 2.1.0, which GitHub code scanning, GitLab and Azure DevOps
// read (upload it with github/codeql-action/upload-sarif). One result per problem, its rule the diagnostic's code;
// file paths as given on the command line, relative to where the command ran; columns in UTF-16 code units, as LSP
// counts them and as SARIF counts by default.

import type { Log, Result } from 'sarif';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { cliVersion } from './version';

const LEVEL: Record<DiagnosticSeverity, 'error' | 'warning' | 'note'> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'note',
  [DiagnosticSeverity.Hint]: 'note',
};

interface Report {
  readonly file: string;
  readonly diagnostics: readonly Diagnostic[];
}

export function formatSarif(reports: readonly Report[]): string {
  const rules = [...new Set(reports.flatMap((r) => r.diagnostics.map((d) => String(d.code))))].sort();
  const results = reports.flatMap((r) => r.diagnostics.map((d) => result(r.file, d, rules)));
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'hsconfig', version: cliVersion(), informationUri: 'https://www.npmjs.com/package/hsconfig', rules: rules.map((id) => ({ id })) } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}

function result(file: string, d: Diagnostic, rules: readonly string[]): Result {
  const { start, end } = d.range;
  return {
    ruleId: String(d.code),
    ruleIndex: rules.indexOf(String(d.code)),
    level: LEVEL[d.severity ?? DiagnosticSeverity.Error],
    message: { text: String(d.message) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: artifactUri(file) },
          region: { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 },
        },
      },
    ],
  };
}

/** A relative path as a relative URI reference (`sites/acme/x.xml`, spaces escaped); an absolute one as a file URI. */
function artifactUri(file: string): string {
  const slashed = file.replace(/\\/g, '/');
  if (/^([a-z]:)?\//i.test(slashed)) return new URL(`file://${slashed.startsWith('/') ? '' : '/'}${slashed}`).href;
  return slashed.split('/').map(encodeURIComponent).join('/');
}
