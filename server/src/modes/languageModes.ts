// The modes the server and the CLI speak, found by a document's language id when it is one of ours, else by its
// content: other editors send `xml`, `text`, `conf` or ids of their own, and a handset file or a config must still get
// its language, and a pom.xml none at all.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DETECTION_LINES, languageOfText, recognisedLanguage } from '../../../shared/detect/language';
import { HANDSET_LANGUAGE_ID, type LanguageId } from '../../../shared/languageIds';
import type { LanguageMode } from './languageMode';
import { getModelCache } from './modelCache';

export interface LanguageModes {
  /** The mode of a document: by its language id when it is ours, else by its first lines; none for anything else. */
  modeFor(document: TextDocument): LanguageMode | undefined;
  /** The mode of a file named on the command line: a config by its content, else the handset language's. */
  modeForText(text: string): LanguageMode;
  forget(uri: string): void;
}

export function getLanguageModes(all: readonly LanguageMode[]): LanguageModes {
  // A Map, not an object: a client may send any language id, `__proto__` and `constructor` included.
  const modes = new Map<string, LanguageMode>(all.flatMap((m) => [m.id, ...(m.otherIds ?? [])].map((id) => [id, m])));
  const handset = modes.get(HANDSET_LANGUAGE_ID);
  if (!handset) throw new Error('getLanguageModes: the handset mode is missing');
  // Told once per document version, from the same lines the VS Code client reads.
  const detected = getModelCache<LanguageId | undefined>((d) => recognisedLanguage(d.getText({ start: { line: 0, character: 0 }, end: { line: DETECTION_LINES, character: 0 } })));
  const byContent = (document: TextDocument) => {
    const id = detected.get(document);
    return id && modes.get(id);
  };
  return {
    modeFor: (document) => modes.get(document.languageId) ?? byContent(document),
    modeForText: (text) => modes.get(languageOfText(text)) ?? handset,
    forget: (uri) => {
      detected.onDocumentRemoved(uri);
      modes.forEach((m) => m.forget?.(uri));
    },
  };
}
