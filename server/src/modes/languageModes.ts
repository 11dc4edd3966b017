// The modes the server and the CLI speak, found by a document's language id or, where there is none (a file named on
// the command line), by its content.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { languageOfText } from '../../../shared/detect/language';
import { HANDSET_LANGUAGE_ID } from '../../../shared/languageIds';
import type { LanguageMode } from './languageMode';

export interface LanguageModes {
  /** The mode of a document's language; the handset language's for an id no mode has. */
  modeFor(document: TextDocument): LanguageMode;
  /** The mode a text is written in, told by its content. */
  modeForText(text: string): LanguageMode;
  forget(uri: string): void;
}

export function getLanguageModes(all: readonly LanguageMode[]): LanguageModes {
  // A Map, not an object: a client may send any language id, `__proto__` and `constructor` included.
  const modes = new Map(all.map((m) => [m.id as string, m]));
  const fallback = modes.get(HANDSET_LANGUAGE_ID);
  if (!fallback) throw new Error('getLanguageModes: the handset mode is missing');
  return {
    modeFor: (document) => modes.get(document.languageId) ?? fallback,
    modeForText: (text) => modes.get(languageOfText(text)) ?? fallback,
    forget: (uri) => modes.forEach((m) => m.forget?.(uri)),
  };
}
