// Reading the inputs of a generation run: the CSV's header and rows, and the template. Shared by the CLI and the
// language server (which the VS Code command asks), so both refuse the same inputs with the same words.

import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { LanguageService } from '../handset/languageService';
import { planColumns, type Column } from './columns';
import { CsvError, readCsv, type CsvRow } from './csvTable';
import type { HandsetConfig } from './handsetConfig';
import { readTemplate } from './readTemplate';
import { HANDSET_LANGUAGE_ID } from '../../../shared/languageIds';

export type HandsetList = { readonly columns: readonly Column[]; readonly rows: readonly CsvRow[] } | { readonly problem: string };

/** The CSV's columns and rows, or why its text or header cannot be used. */
export function readHandsetList(csvText: string): HandsetList {
  try {
    const table = readCsv(csvText);
    const plan = planColumns(table.header);
    if (plan.problems.length > 0) return { problem: `the header cannot be used:\n  ${plan.problems.join('\n  ')}` };
    return { columns: plan.columns, rows: table.rows };
  } catch (err) {
    if (err instanceof CsvError) return { problem: err.message };
    throw err;
  }
}

export interface TemplateReading {
  /** Absent when the template has errors that would spoil every file. */
  readonly config?: HandsetConfig;
  readonly diagnostics: readonly Diagnostic[];
}

export function readTemplateText(uri: string, text: string, service: LanguageService): TemplateReading {
  const template = readTemplate(TextDocument.create(uri, HANDSET_LANGUAGE_ID, 1, text), service);
  return { config: template.errors.length ? undefined : template.config, diagnostics: [...template.errors, ...template.warnings] };
}
