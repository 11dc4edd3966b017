// The one answer, for every feature, to "what are the profile names, and where are they defined": the names the
// checks use (the base-station file's, else the hsconfig.profiles setting), and the places that define them (the
// workspace's base-station file, a model JSON or a config, and every open config document), with how each place
// writes a new name. Diagnostics, definition, references, rename and the status all read it; the sites issue
// narrows "the workspace" to one base station's folder.

import type { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { readRegularText } from '../../../shared/files/readRegularFile';
import type { Span } from '../../../shared/span';
import { modelProfileNames, writtenInJson } from '../links/modelProfileNames';
import type { LanguageModes } from '../modes/languageModes';

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
  /** The workspace's base-station file (`hsconfig.baseStation`), resolved; none without a folder. */
  readonly baseStationFile: () => string | undefined;
  /** The names the checks use: the base-station file's, else the setting's. */
  readonly names: () => readonly string[];
}

export class ProfileNames {
  constructor(private readonly ctx: ProfileNamesContext) {}

  /** The names every check and rename holds handset files to. */
  names(): readonly string[] {
    return this.ctx.names();
  }

  /** Every place that defines a profile name: the base-station file, then the open config documents. */
  async definitions(): Promise<ProfileDefinition[]> {
    const found: ProfileDefinition[] = [];
    const file = this.ctx.baseStationFile();
    const fileUri = file && URI.file(file).toString();
    if (file && fileUri && !this.ctx.documents.get(fileUri)) {
      const text = await readRegularText(file).catch(() => undefined);
      if (text !== undefined) found.push(...this.definedIn(fileUri, text));
    }
    for (const document of this.ctx.documents.all()) found.push(...this.definedBy(document));
    return found;
  }

  async definitionsOf(name: string): Promise<ProfileDefinition[]> {
    return (await this.definitions()).filter((d) => d.name === name);
  }

  /** A closed file: a config by its content, else a model JSON. */
  private definedIn(uri: string, text: string): ProfileDefinition[] {
    const mode = this.ctx.modes.modeForText(text);
    if (mode.profileLinks?.definitions) return this.definedBy(TextDocument.create(uri, mode.id, 0, text));
    const document = TextDocument.create(uri, 'json', 0, text);
    return modelProfileNames(text).map((d) => ({ ...d, uri, document, written: writtenInJson }));
  }

  private definedBy(document: TextDocument): ProfileDefinition[] {
    const links = this.ctx.modes.modeFor(document)?.profileLinks;
    if (!links?.definitions) return [];
    return links.definitions(document).map((d) => ({ name: d.name, profile: d.profile, span: d.span, uri: document.uri, document, written: (name) => links.written(document, name) }));
  }
}
