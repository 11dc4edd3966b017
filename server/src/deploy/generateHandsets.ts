// The core of mass deployment, with no I/O: CSV rows (and an optional template) in; handset files, skipped rows
// and warnings out. Every file it returns has passed validation under the name it will be written as.

import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import { encryptedFileName, type FileNameAffixes } from '../../../shared/domain/encryptedFileName';
import { getLanguageService, type LanguageService } from '../handset/languageService';
import type { Column } from './columns';
import { isBlankRow, type CsvRow } from './csvTable';
import { findDidConflicts, type AccountClaim } from './didConflicts';
import { buildHandsetXml } from './buildHandsetXml';
import { EMPTY_CONFIG, mergeOnTemplate, type HandsetConfig } from './handsetConfig';
import { ipeiReadingProblem, readIpei } from '../../../shared/domain/ipeiInput';
import { HANDSET_LANGUAGE_ID } from '../../../shared/languageIds';
import type { DeployWarning, GeneratedFile, GenerateResult, ProgressHooks, SkippedRow } from '../../../shared/deploy/generated';

export interface GenerateInput {
  /** From planColumns(header); its problems must have been dealt with. */
  readonly columns: readonly Column[];
  readonly rows: readonly CsvRow[];
  readonly template?: HandsetConfig;
  readonly fileName?: FileNameAffixes;
  /** The base station's profile names (default: the factory names). */
  readonly profiles?: readonly string[];
}

/** Rows between two pauses that let a caller's event loop draw progress and take a cancel request. */
const ROWS_PER_PAUSE = 200;

export async function generateHandsets(input: GenerateInput, hooks: ProgressHooks = {}): Promise<GenerateResult> {
  const generator = new RowGenerator(input);
  const total = input.rows.length;
  for (let i = 0; i < total; i++) {
    if (hooks.isCancelled?.()) return generator.result(true);
    generator.add(input.rows[i]);
    hooks.onProgress?.(i + 1, total);
    if ((i + 1) % ROWS_PER_PAUSE === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  return generator.result(false);
}

class RowGenerator {
  private readonly files: GeneratedFile[] = [];
  private readonly skipped: SkippedRow[] = [];
  private readonly warnings: DeployWarning[] = [];
  private readonly claims: AccountClaim[] = [];
  private readonly rowOfIpei = new Map<string, number>();
  private readonly service: LanguageService;

  constructor(private readonly input: GenerateInput) {
    this.service = getLanguageService(input.profiles ? { profiles: input.profiles } : {});
  }

  add({ row, cells }: CsvRow): void {
    if (isBlankRow(cells)) return;
    if (cells.length !== this.input.columns.length) {
      this.skip(row, `It has ${cells.length} cell${cells.length === 1 ? '' : 's'} but the header has ${this.input.columns.length} columns.`);
      return;
    }
    const config = mergeOnTemplate(this.input.template ?? EMPTY_CONFIG, rowConfig(this.input.columns, cells));
    const ipei = this.ipeiOf(row, config.values.ipei);
    if (ipei === undefined) return;
    const name = encryptedFileName(ipei, this.input.fileName);
    const xml = buildHandsetXml({ ...config, values: { ...config.values, ipei } });
    if (!this.passesValidation(row, name, xml)) return;
    this.claims.push(...config.lines.map((l) => ({ row, profile: l.profile_name, userId: l.user_id, ringType: l.ring_type })));
    this.files.push({ row, ipei, name, xml });
  }

  /** The row's IPEI in hex, or undefined when the row was skipped for it. */
  private ipeiOf(row: number, value: string | undefined): string | undefined {
    if (value === undefined) return this.skip(row, 'Its ipei cell is empty.');
    const reading = readIpei(value);
    if ('problem' in reading) return this.skip(row, reading.problem);
    const problem = ipeiReadingProblem(reading);
    if (problem) return this.skip(row, problem);
    const earlier = this.rowOfIpei.get(reading.hex);
    if (earlier !== undefined) return this.skip(row, `IPEI ${reading.hex} is already on row ${earlier}; a handset gets one file.`);
    // Claimed even if this row fails validation later: two rows for one handset is a mistake either way.
    this.rowOfIpei.set(reading.hex, row);
    return reading.hex;
  }

  private passesValidation(row: number, name: string, xml: string): boolean {
    const uri = URI.file(`/${name}`).toString();
    const diagnostics = this.service.doValidation(TextDocument.create(uri, HANDSET_LANGUAGE_ID, 1, xml));
    this.service.forget(uri);
    const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error);
    if (errors.length > 0) {
      this.skip(row, ...errors.map(messageText));
      return false;
    }
    for (const d of diagnostics) this.warnings.push({ rows: [row], message: messageText(d) });
    return true;
  }

  private skip(row: number, ...reasons: string[]): undefined {
    this.skipped.push({ row, reasons });
    return undefined;
  }

  result(cancelled: boolean): GenerateResult {
    // Every claim is a line of a file that passed validation, so it has a profile and a user ID.
    const conflicts = findDidConflicts(this.claims);
    return { files: this.files, skipped: this.skipped, warnings: [...groupByMessage(this.warnings), ...conflicts], cancelled };
  }
}

/** One warning per message, with every row it applies to (a template's note would otherwise repeat per row). */
function groupByMessage(warnings: readonly DeployWarning[]): DeployWarning[] {
  const rows = new Map<string, number[]>();
  for (const w of warnings) rows.set(w.message, [...(rows.get(w.message) ?? []), ...w.rows]);
  return [...rows].map(([message, r]) => ({ rows: r, message }));
}

function messageText(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

/** What the row's non-empty cells say; an empty cell sets nothing, so a template value shows through. */
function rowConfig(columns: readonly Column[], cells: readonly string[]): HandsetConfig {
  const values: Record<string, string> = {};
  const lines: Record<string, string>[] = [];
  columns.forEach((column, i) => {
    const cell = cells[i].trim();
    if (!cell || column.kind === 'unnamed') return;
    if (column.kind === 'value') values[column.element] = cell;
    else (lines[column.line] ??= {})[column.element] = cell;
  });
  // A line whose cells are all empty is no line: the lines that are set keep their order and close ranks.
  return { values, lines: lines.filter((l) => l !== undefined) };
}
