// The one answer, for every feature, to "what are the profile names of this file's site, and where are they
// defined": the names the checks use (the site's base station's, else its project file's, else the hsconfig.profiles
// setting), and the places that define them (the site's config and its state JSON, open or read from disk, and the
// document asked about when it is itself a config), with how each place writes a new name. Diagnostics, definition,
// references, rename and the status all read it; no other site's files ever answer.

import type { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { readRegularText } from '../../../shared/files/readRegularFile';
import type { Span } from '../../../shared/span';
import { modelProfileNames, writtenInJson } from '../links/modelProfileNames';
import type { LanguageModes } from '../modes/languageModes';
import { fileNameOfUri } from '../../../shared/detect/language';
import type { Site } from '../sites/sites';

export interface ProfileDefinition {
  readonly name: string;
  readonly profile?: number;
  readonly uri: string;
  /** The defining text, open or read from disk, for positions. */
  readonly document: TextDocument;
  readonly span: Span;
  /** The text that writes a new name into this place. */
  written(name: string): string;
}

export interface ProfileNamesContext {
  readonly documents: TextDocuments<TextDocument>;
  readonly modes: LanguageModes;
  /** A document's site. */
  readonly site: (uri: string) => Site;
  /** The names the checks of a document use (its site's). */
  readonly names: (uri: string) => readonly string[];
}

export class ProfileNames {
  constructor(private readonly ctx: ProfileNamesContext) {}

  /** The names every check and rename holds this document's site to. */
  names(uri: string): readonly string[] {
    return this.ctx.names(uri);
  }

  /** Every place that defines a profile name for the site of `uri`. */
  async definitions(uri: string): Promise<ProfileDefinition[]> {
    const site = this.ctx.site(uri);
    const files = [site.configFile, site.stateFile].filter((f): f is string => f !== undefined).map((f) => URI.file(f).toString());
    const found: ProfileDefinition[] = [];
    for (const fileUri of files.includes(uri) || !this.ctx.documents.get(uri) ? files : [...files, uri]) {
      const open = this.ctx.documents.get(fileUri);
      if (open) {
        found.push(...this.definedBy(open));
        continue;
      }
      const text = await readRegularText(URI.parse(fileUri).fsPath).catch(() => undefined);
      if (text !== undefined) found.push(...this.definedIn(fileUri, text));
    }
    return found;
  }

  async definitionsOf(uri: string, name: string): Promise<ProfileDefinition[]> {
    return (await this.definitions(uri)).filter((d) => d.name === name);
  }

  /** A closed file: a config by its content, else a model JSON. */
  private definedIn(uri: string, text: string): ProfileDefinition[] {
    const mode = this.ctx.modes.modeForText(text, fileNameOfUri(uri));
    if (mode.profileLinks?.definitions) return this.definedBy(TextDocument.create(uri, mode.id, 0, text));
    const document = TextDocument.create(uri, 'json', 0, text);
    return modelProfileNames(text).map((d) => ({ ...d, uri, document, written: writtenInJson }));
  }

  /** An open document: a config through its mode, a model JSON by its text. */
  private definedBy(document: TextDocument): ProfileDefinition[] {
    const links = this.ctx.modes.modeFor(document)?.profileLinks;
    if (links?.definitions) return links.definitions(document).map((d) => ({ name: d.name, profile: d.profile, span: d.span, uri: document.uri, document, written: (name) => links.written(document, name) }));
    if (!document.uri.endsWith('.json')) return [];
    return modelProfileNames(document.getText()).map((d) => ({ ...d, uri: document.uri, document, written: writtenInJson }));
  }
}
