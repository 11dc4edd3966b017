// What other parts of the server may add to the handset language's features, registered when the service is made
// (LemMinX's participants, vscode-json-languageservice's contributions): the handset folder calls them without
// knowing who they are.

import type { XmlElement } from '../xml/parser';
import type { LanguageSettings } from './settings';

export interface ValueHoverContext {
  /** The document's URI (which site it belongs to). */
  readonly uri: string;
  /** The whole document's text. */
  readonly text: string;
  /** The element whose value is hovered. */
  readonly element: XmlElement;
  readonly settings: LanguageSettings;
}

export interface HoverParticipant {
  /** Markdown for a hovered value, or undefined to leave it to the catalogue (the first participant that answers wins). */
  valueHover(context: ValueHoverContext): string | undefined;
}

/** What a document's site says (its base station's facts, its project file's names and affixes), or nothing. */
export type SiteLookup = (uri: string) => Partial<Pick<LanguageSettings, 'profiles' | 'fileNamePrefix' | 'fileNamePostfix' | 'site'>>;

export interface HandsetParticipants {
  readonly hover?: readonly HoverParticipant[];
  /** Each document's site: its settings win over the configured ones for that document. */
  readonly site?: SiteLookup;
}
