// The modes the server and the CLI speak, found by a document's content and name (shared/detect): a handset file gets
// the handset language and a config the config language whatever id the editor gave it (other editors send `xml`,
// `text`, `conf` or ids of their own). What is surely neither gets no mode at all (a pom.xml in Neovim), unless it was
// opened as one of ours or named on the command line: then one diagnostic says what it is not.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DETECTION_LINES, detectLanguage, fileNameOfUri, type Detection } from '../../../shared/detect/language';
import { HANDSET_LANGUAGE_ID } from '../../../shared/languageIds';
import type { LanguageMode } from './languageMode';
import { getModelCache } from './modelCache';
import { getUnrecognisedMode } from './unrecognisedMode';

export interface LanguageModes {
  /** The mode of a document: by what it is; for a file neither language can tell, by its language id when it is ours. */
  modeFor(document: TextDocument): LanguageMode | undefined;
  /** The mode of a file named on the command line (`name` its file name): as if opened as ours. */
  modeForText(text: string, name?: string): LanguageMode;
  forget(uri: string): void;
}

export function getLanguageModes(all: readonly LanguageMode[]): LanguageModes {
  // A Map, not an object: a client may send any language id, `__proto__` and `constructor` included.
  const modes = new Map<string, LanguageMode>(all.flatMap((m) => [m.id, ...(m.otherIds ?? [])].map((id) => [id, m])));
  const handset = modes.get(HANDSET_LANGUAGE_ID);
  if (!handset) throw new Error('getLanguageModes: the handset mode is missing');
  // Told once per document version, from the same lines the VS Code client reads.
  const detected = getModelCache<Detection>((d) => detectLanguage(d.getText({ start: { line: 0, character: 0 }, end: { line: DETECTION_LINES, character: 0 } }), fileNameOfUri(d.uri)));
  const unrecognised = getUnrecognisedMode((d) => detected.get(d).why);
  /** `claimed`: the mode the file was opened as, if it is one of ours (the CLI claims the handset language). */
  const pick = (found: Detection, claimed: LanguageMode | undefined) => {
    if (found.language) return modes.get(found.language);
    if (!claimed) return undefined;
    return found.why === undefined ? claimed : unrecognised;
  };
  return {
    modeFor: (document) => pick(detected.get(document), modes.get(document.languageId)),
    modeForText: (text, name) => pick(detectLanguage(text, name), handset) ?? handset,
    forget: (uri) => {
      detected.onDocumentRemoved(uri);
      modes.forEach((m) => m.forget?.(uri));
    },
  };
}
