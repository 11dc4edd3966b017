// `hsconfig validate`: the language service's checks, for CI pipelines.

import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { readBaseStation, reportNotes } from './baseStationInput';
import { CliSites } from './cliSites';
import { siteSettings } from '../sites/siteSettings';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { Code, getLanguageService, type LanguageService } from '../handset/languageService';
import { SOURCE } from '../handset/validate';
import { getBaseConfigService } from '../baseConfig/baseConfigService';
import { getBaseConfigMode } from '../baseConfig/baseConfigMode';
import { getHandsetMode } from '../handset/handsetMode';
import { getLanguageModes } from '../modes/languageModes';
import type { Command } from './command';
import { collectFiles, readText, TextFileError, UsageError } from './files';
import { formatOption, maxWarningsOption, profilesOption } from './options';
import { formatGithub } from './githubAnnotations';
import { formatSarif } from './sarif';
import { describeFsError } from '../../../shared/files/fsErrors';

export const validateCommand: Command = {
  usage: [
    '  validate [--format text|json|github|sarif] [--max-warnings N] [--profiles a,b,... | --base FILE] <files or folders>',
    '      Check handset files and base-station config files (text Pnnn=value or XML <gs_provision>, told by their',
    '      content). Folders are searched for .xml files whose root is <hs_config> and for base-station config',
    "      files (.txt/.cfg of Pnnn=value lines, .xml rooted in <gs_provision>, the vendor's cfg<MAC>); other files",
    '      are skipped. A file named here that is neither gets one not-hsconfig-file error saying why.',
    '      Prints one line per problem (file:line:col severity code message); --format json (or --json) prints a',
    '      JSON report, --format github one GitHub Actions annotation per problem, --format sarif a SARIF 2.1.0',
    '      log (for code scanning: github/codeql-action/upload-sarif). Exit status 1 when a file has',
    '      errors, or more warnings than --max-warnings N (all files together; no limit without it).',
    '      Each handset file is checked against its site (see Sites); --base (a base-station model JSON or config',
    '      file) checks every one against that base station, --profiles gives the profile names of every one.',
  ].join('\n'),
  sites: true,
  async run(args) {
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: { json: { type: 'boolean' }, format: { type: 'string' }, 'max-warnings': { type: 'string' }, profiles: { type: 'string' }, base: { type: 'string' } },
    });
    if (positionals.length === 0) throw new UsageError('validate needs at least one file or folder.');
    const format = formatOption(values.format, values.json);
    const maxWarnings = maxWarningsOption(values['max-warnings']);
    const profiles = profilesOption(values.profiles);
    if (profiles && values.base !== undefined) throw new UsageError('Give either --profiles or --base, not both.');
    const reports = await validateFiles(positionals, await handsetService(values.base, profiles));
    if (format === 'json' || format === 'sarif') {
      console.log(format === 'json' ? formatJson(reports) : formatSarif(reports));
    } else {
      for (const line of format === 'github' ? formatGithub(reports) : formatText(reports)) console.log(line);
      console.error(summary(reports));
    }
    const warnings = countOf(reports, DiagnosticSeverity.Warning);
    const tooManyWarnings = maxWarnings !== undefined && warnings > maxWarnings;
    if (tooManyWarnings) console.error(`hsconfig: ${plural(warnings, 'warning')}, more than --max-warnings ${maxWarnings} allows.`);
    return hasErrors(reports) || tooManyWarnings ? 1 : 0;
  },
};

export interface FileReport {
  readonly file: string;
  readonly diagnostics: readonly Diagnostic[];
}

/** The handset checks: against `--base` for every file, else against each file's own site. */
async function handsetService(base: string | undefined, profiles: string[] | undefined): Promise<LanguageService> {
  if (base === undefined) return getLanguageService({}, { site: new CliSites({ profiles }).lookup() });
  const read = await readBaseStation(base);
  reportNotes(read);
  return getLanguageService(siteSettings(read.model));
}

/** Each file checked: handset files by `handsets` (which knows each file's site), base-station configs as such. */
export async function validateFiles(paths: readonly string[], handsets: LanguageService): Promise<FileReport[]> {
  const modes = getLanguageModes([getHandsetMode(handsets), getBaseConfigMode(getBaseConfigService())]);
  const reports: FileReport[] = [];
  const unreadable = (file: string, err: unknown) => reports.push({ file, diagnostics: [cannotRead(err)] });
  for (const file of await collectFiles(paths, { baseConfigs: true, onUnreadable: unreadable })) {
    let text: string;
    try {
      text = await readText(file);
    } catch (err) {
      if (err instanceof TextFileError) reports.push({ file, diagnostics: [notUtf8(err)] });
      else unreadable(file, err);
      continue;
    }
    const mode = modes.modeForText(text, path.basename(file));
    const document = TextDocument.create(pathToFileURL(file).toString(), mode.id, 1, text);
    reports.push({ file, diagnostics: mode.doValidation?.(document) ?? [] });
    modes.forget(document.uri);
  }
  return reports;
}

/** A file (or a walked subfolder) that cannot be read is a problem of its own; the run goes on with the others. */
function cannotRead(err: unknown): Diagnostic {
  const at = { line: 0, character: 0 };
  return Diagnostic.create({ start: at, end: at }, `Cannot be read: ${describeFsError(err)}.`, DiagnosticSeverity.Error, Code.FileUnreadable, SOURCE);
}

function notUtf8(err: TextFileError): Diagnostic {
  const at = { line: err.line - 1, character: err.column - 1 };
  return Diagnostic.create({ start: at, end: at }, err.problem, DiagnosticSeverity.Error, Code.NotUtf8, SOURCE);
}

const SEVERITY_NAMES: Record<DiagnosticSeverity, string> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

function severityName(d: Diagnostic): string {
  return SEVERITY_NAMES[d.severity ?? DiagnosticSeverity.Error];
}

// Control characters and line separators, which a value can carry into a message (`&#10;` in a file) or a file name
// can hold: written as \n or \u001b, so that every problem is one line and none can be forged for a problem matcher.
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function oneLine(text: string): string {
  return text.replace(UNPRINTABLE, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `file:line:col severity code message`, lines and columns counted from 1; one line per problem, always. */
export function formatText(reports: readonly FileReport[]): string[] {
  return reports.flatMap((r) =>
    r.diagnostics.map(
      (d) => `${oneLine(r.file)}:${d.range.start.line + 1}:${d.range.start.character + 1} ${severityName(d)} ${d.code} ${oneLine(String(d.message))}`,
    ),
  );
}

export function formatJson(reports: readonly FileReport[]): string {
  return JSON.stringify(
    reports.map((r) => ({
      file: r.file,
      diagnostics: r.diagnostics.map((d) => ({ range: d.range, severity: severityName(d), code: d.code, message: d.message })),
    })),
    null,
    2,
  );
}

export function hasErrors(reports: readonly FileReport[]): boolean {
  return reports.some((r) => r.diagnostics.some((d) => d.severity === DiagnosticSeverity.Error));
}

function countOf(reports: readonly FileReport[], severity: DiagnosticSeverity): number {
  return reports.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === severity).length, 0);
}

export function summary(reports: readonly FileReport[]): string {
  const count = (s: DiagnosticSeverity) => countOf(reports, s);
  return `${plural(reports.length, 'file')} checked: ${plural(count(DiagnosticSeverity.Error), 'error')}, ${plural(count(DiagnosticSeverity.Warning), 'warning')}, ${plural(count(DiagnosticSeverity.Information), 'note')}.`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
