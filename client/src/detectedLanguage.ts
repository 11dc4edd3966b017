// Which of our languages a document opened under another language should get, from its language id and its first
// lines. Pure, so that plain-Node tests load it (languageDetection.ts applies it in VS Code).

import { isHandsetText } from '../../server/src/handset/handsetFiles';
import { isBaseConfigText } from '../../server/src/baseConfig/detect';

export const LANGUAGE_ID = 'hsconfig';
export const BASE_LANGUAGE_ID = 'hsconfig-base';

/** The languages VS Code gives the files we read: .xml, .txt, and .cfg/.conf (ini or properties, by extension). */
const CANDIDATE_LANGUAGES = new Set(['xml', 'plaintext', 'ini', 'properties']);

export function isCandidateLanguage(languageId: string): boolean {
  return CANDIDATE_LANGUAGES.has(languageId);
}

/** Our language for a document of `languageId` that starts with `head`, or undefined to leave it as it is. */
export function detectedLanguage(languageId: string, head: string): typeof LANGUAGE_ID | typeof BASE_LANGUAGE_ID | undefined {
  if (!isCandidateLanguage(languageId)) return undefined;
  return isHandsetText(head) ? LANGUAGE_ID : isBaseConfigText(head) ? BASE_LANGUAGE_ID : undefined;
}
