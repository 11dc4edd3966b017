// The mode of a file opened as one of our languages (or named on the command line) that is surely neither a handset
// file nor a base-station config: one diagnostic saying so and why, instead of the XML or P-value errors of a
// language the file is not written in. No other feature.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { UNRECOGNISED_ID, type LanguageMode } from './languageMode';

/** Stable diagnostic code (never rename it). */
export const NOT_OURS_CODE = 'not-hsconfig-file';

/** `why(document)` says what the document is instead (detection's reason). */
export function getUnrecognisedMode(why: (document: TextDocument) => string | undefined): LanguageMode {
  return {
    id: UNRECOGNISED_ID,
    doValidation(document) {
      const at = { line: 0, character: 0 };
      const end = document.positionAt(document.getText({ start: at, end: { line: 1, character: 0 } }).replace(/\r?\n$/, '').length);
      const message =
        `Not a handset file or a base-station config: ${why(document) ?? 'neither'}. hsconfig checks <hs_config> XML ` +
        'handset files and base-station configs (Pnnn=value text, or XML rooted in <gs_provision>), and does not check this file.';
      return [Diagnostic.create({ start: at, end }, message, DiagnosticSeverity.Error, NOT_OURS_CODE, 'hsconfig')];
    },
  };
}
