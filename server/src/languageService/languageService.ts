// The pure language service: no `vscode` import, no connection. It takes TextDocuments and returns LSP objects.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DEFAULT_SETTINGS, type LanguageSettings } from './settings';
import { validate } from './validate';

export interface LanguageService {
  configure(settings: Partial<LanguageSettings>): void;
  doValidation(document: TextDocument): Diagnostic[];
}

export function getLanguageService(initial: Partial<LanguageSettings> = {}): LanguageService {
  let settings: LanguageSettings = { ...DEFAULT_SETTINGS, ...initial };
  return {
    configure(update) {
      settings = { ...settings, ...update };
    },
    doValidation(document) {
      return validate(document, settings);
    },
  };
}

export type { LanguageSettings } from './settings';
export { Code, type DiagnosticCode } from './codes';
