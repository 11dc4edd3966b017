// What the language status item shows for a base-station config file: its shape, how many P-values it sets, which
// firmware's template the checks know, and how many problems the checks found.

import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { TEMPLATE_SOURCE } from './catalogue';
import type { BaseConfigDocument } from './parser';
import type { BaseConfigStatus } from '../../../shared/protocol/status';

export function getBaseConfigStatus(parsed: BaseConfigDocument, diagnostics: readonly Diagnostic[]): BaseConfigStatus {
  const count = (severity: DiagnosticSeverity) => diagnostics.filter((d) => (d.severity ?? DiagnosticSeverity.Error) === severity).length;
  return {
    shape: parsed.shape,
    settings: parsed.settings.length,
    unknown: parsed.settings.filter((s) => !s.entry).length,
    firmware: TEMPLATE_SOURCE.firmware,
    errors: count(DiagnosticSeverity.Error),
    warnings: count(DiagnosticSeverity.Warning),
    notes: count(DiagnosticSeverity.Information) + count(DiagnosticSeverity.Hint),
  };
}
