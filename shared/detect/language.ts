// Which of our languages a text is written in, from its content alone (the CLI has no language id to go by).

import { BASE_CONFIG_LANGUAGE_ID, BASE_CONFIG_XML_LANGUAGE_ID, HANDSET_LANGUAGE_ID, type LanguageId } from '../languageIds';
import { isBaseConfigText, isXmlConfigText } from './baseConfigText';
import { isHandsetText } from './handsetText';

/** The base-station config language for a config file, the handset language for anything else: a file named on the
 *  command line is checked, and what is not a config is checked as the handset file it is meant to be. */
export function languageOfText(text: string): LanguageId {
  return isBaseConfigText(text) ? BASE_CONFIG_LANGUAGE_ID : HANDSET_LANGUAGE_ID;
}

/** How much of a document tells its language: the client and the server both read this many lines. */
export const DETECTION_LINES = 400;

/** Our language for a text, or undefined when it looks like neither (an editor then leaves the file as it is). */
export function recognisedLanguage(text: string): LanguageId | undefined {
  if (isHandsetText(text)) return HANDSET_LANGUAGE_ID;
  if (!isBaseConfigText(text)) return undefined;
  return isXmlConfigText(text) ? BASE_CONFIG_XML_LANGUAGE_ID : BASE_CONFIG_LANGUAGE_ID;
}
