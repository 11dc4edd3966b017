// Which of the two languages a file is written in, from its content and its name: the one detection the client (the
// language id of an opened file), the server (a document's mode) and the CLI (which files a folder holds) share.

import { BASE_CONFIG_LANGUAGE_ID, BASE_CONFIG_LANGUAGE_IDS, BASE_CONFIG_XML_LANGUAGE_ID, HANDSET_LANGUAGE_ID, type LanguageId } from '../languageIds';
import { isVendorConfigName, isXmlConfigText, textConfigVerdict } from './baseConfigText';
import { HANDSET_ROOT } from './handsetText';
import { rootElementName } from './rootElement';

/**
 * What a file is: one of our languages (`language`), surely neither (`why` says what it is instead), or nothing yet
 * (neither set: a blank file, or XML whose root is not written yet), which the language it was opened as decides.
 */
export interface Detection {
  readonly language?: LanguageId;
  readonly why?: string;
}

/** How much of a document tells its language: the client and the server both read this many lines. */
export const DETECTION_LINES = 400;

/** The language of a text, its file's name (not its path) helping: the root element first, then the vendor's name
 *  for a config, then the lines of a text config. */
export function detectLanguage(text: string, name?: string): Detection {
  const body = text.replace(/^\uFEFF/, '');
  const root = rootElementName(body);
  if (root === HANDSET_ROOT) return { language: HANDSET_LANGUAGE_ID };
  // A config in XML goes by an id of its own (its comments are `<!-- -->`, a text config's `#`).
  if (root === 'gs_provision' || (name !== undefined && isVendorConfigName(name))) return { language: isXmlConfigText(body) ? BASE_CONFIG_XML_LANGUAGE_ID : BASE_CONFIG_LANGUAGE_ID };
  const start = body.trimStart();
  if (start === '') return {};
  if (start.startsWith('<')) return root === undefined ? {} : { why: `its root element is <${root}>, not <${HANDSET_ROOT}> or <gs_provision>` };
  const verdict = textConfigVerdict(body);
  return verdict.config ? { language: BASE_CONFIG_LANGUAGE_ID } : { why: verdict.why };
}

/** A base-station config by its content and, when given, its file name. */
export function isBaseConfigText(text: string, name?: string): boolean {
  const language = detectLanguage(text, name).language;
  return language !== undefined && BASE_CONFIG_LANGUAGE_IDS.includes(language);
}

/** Our language for a text, or undefined when it is not surely one (an editor then leaves the file as it is). */
export function recognisedLanguage(text: string, name?: string): LanguageId | undefined {
  return detectLanguage(text, name).language;
}

/** The last segment of a URI's path, decoded: the name detection goes by. */
export function fileNameOfUri(uri: string): string {
  const cut = uri.search(/[?#]/);
  const path = cut < 0 ? uri : uri.slice(0, cut);
  const last = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
