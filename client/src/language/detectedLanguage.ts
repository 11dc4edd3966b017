// Which of our languages a document opened under another language should get, from its language id and its first
// lines. Pure, so that plain-Node tests load it (languageDetection.ts applies it in VS Code).

import { fileNameOfUri, recognisedLanguage } from '../../../shared/detect/language';
import type { LanguageId } from '../../../shared/languageIds';

/** The languages VS Code gives the files we read: .xml, .txt, and .cfg/.conf (ini or properties, by extension). */
const CANDIDATE_LANGUAGES = new Set(['xml', 'plaintext', 'ini', 'properties']);

export function isCandidateLanguage(languageId: string): boolean {
  return CANDIDATE_LANGUAGES.has(languageId);
}

/** Our language for a document of `languageId` at `uri` that starts with `head`, or undefined to leave it as it is
 *  (the file's name counts: the vendor's extension-less `cfg<MAC>` is a config). */
export function detectedLanguage(languageId: string, head: string, uri: string): LanguageId | undefined {
  return isCandidateLanguage(languageId) ? recognisedLanguage(head, fileNameOfUri(uri)) : undefined;
}
