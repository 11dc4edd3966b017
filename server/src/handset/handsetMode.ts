// The handset language (hsconfig) as a mode: the pure language service's features, and what other parts of the server
// contribute at construction (the folder's problems and fixes, the base station's code lens).

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CodeLens, Diagnostic } from 'vscode-languageserver-types';
import { HANDSET_LANGUAGE_ID } from '../../../shared/languageIds';
import type { LanguageMode, ProfileLinks } from '../modes/languageMode';
import type { LanguageService } from './languageService';

/** What the workspace and the base station add to a handset document; each is optional (the CLI gives none). */
export interface HandsetContributions {
  /** Problems the document has because of other files of its folder (two files for one handset, …). */
  folderDiagnostics?(uri: string): Diagnostic[];
  /** Fix-all actions that reach the folder's other files. */
  folderCodeActions?(document: TextDocument, diagnostics: readonly Diagnostic[], only?: readonly string[]): CodeAction[];
  /** Quick fixes that edit the file's site's base-station config (a profile it does not have). */
  siteFixes?(document: TextDocument, diagnostics: readonly Diagnostic[], only?: readonly string[]): CodeAction[];
  /** Lenses that say what the base station makes of the file. */
  codeLenses?(document: TextDocument): CodeLens[];
  /** Its part in the profile-name links (links/profileLinks.ts). */
  readonly profileLinks?: ProfileLinks;
}

export function getHandsetMode(service: LanguageService, contributions: HandsetContributions = {}): LanguageMode {
  const { folderDiagnostics, folderCodeActions, siteFixes, codeLenses } = contributions;
  return {
    id: HANDSET_LANGUAGE_ID,
    doValidation: (document) => [...service.doValidation(document), ...(folderDiagnostics?.(document.uri) ?? [])],
    doHover: service.doHover,
    doComplete: service.doComplete,
    doCodeActions: (document, range, diagnostics, only) => [
      ...service.doCodeActions(document, range, diagnostics, only),
      ...(siteFixes?.(document, diagnostics, only) ?? []),
      ...(folderCodeActions?.(document, diagnostics, only) ?? []),
    ],
    findDocumentSymbols: service.findDocumentSymbols,
    getFoldingRanges: service.getFoldingRanges,
    getSelectionRanges: service.getSelectionRanges,
    getInlayHints: service.getInlayHints,
    format: service.format,
    getLinkedEditingRanges: service.getLinkedEditingRanges,
    findDocumentHighlights: service.findDocumentHighlights,
    getCodeLenses: codeLenses,
    profileLinks: contributions.profileLinks,
    forget: service.forget,
  };
}
