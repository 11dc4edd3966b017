// Cross-file navigation between handset files and the base station's config: go to definition from a handset's
// <profile_name> to the base config's profile-name P-value, find the handset files that use a profile name, and
// rename a profile everywhere. Wiring only: the places come from baseConfig/profileLinks.ts; the handset files come
// from the workspace index (workspaceDiagnostics.ts), the one source of handset files navigation shares.

import { ErrorCodes, ResponseError, type Connection, type TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TextEdit, type Location, type Range, type WorkspaceEdit } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import type { BaseConfigService } from '../baseConfig/baseConfigService';
import { BASE_CONFIG_LANGUAGE_ID, HANDSET_LANGUAGE_ID } from '../../../shared/languageIds';
import { isBaseConfigText } from '../../../shared/detect/baseConfigText';
import { handsetProfileUseAt, handsetProfileUses, profileNameAt, profileNames } from '../links/profileLinks';
import { escapeText } from '../xml/xmlText';
import type { NavigationProvider } from './navigationProviders';
import type { SourceFile } from '../workspace/navigation';
import { readRegularText } from '../../../shared/files/readRegularFile';
import { newProfileNameProblem } from '../domain/profileName';

export interface NavigationContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly base: BaseConfigService;
  /** The workspace's handset files (indexed, with the editor's text where one is open) and the open documents. */
  readonly sources: () => Promise<readonly SourceFile[]>;
  /** The workspace's base-station file (`hsconfig.baseStation`), which may be a config file. */
  readonly baseStationFile: () => string | undefined;
}

export function profileNavigation(ctx: NavigationContext): NavigationProvider {
  const { documents } = ctx;
  return {
  definition: async ({ textDocument, position }) => {
    const doc = documents.get(textDocument.uri);
    if (!doc || doc.languageId === BASE_CONFIG_LANGUAGE_ID) return null;
    const use = handsetProfileUseAt(doc.getText(), doc.offsetAt(position));
    if (!use) return null;
    const locations: Location[] = [];
    for (const config of await baseConfigs(ctx)) {
      for (const p of profileNames(ctx.base.parse(config))) if (p.name === use.name) locations.push({ uri: config.uri, range: rangeOf(config, p.span) });
    }
    return locations;
  },

  references: async ({ textDocument, position, context }) => {
    const doc = documents.get(textDocument.uri);
    if (!doc || doc.languageId !== BASE_CONFIG_LANGUAGE_ID) return null;
    const setting = profileNameAt(ctx.base.parse(doc), doc.offsetAt(position));
    if (!setting || setting.name === '') return null;
    const uses = await handsetUses(ctx, setting.name);
    const own = context.includeDeclaration ? [{ uri: doc.uri, range: rangeOf(doc, setting.span) }] : [];
    return [...own, ...uses.map((u) => ({ uri: u.document.uri, range: u.range }))];
  },

  prepareRename: ({ textDocument, position }) => {
    const doc = documents.get(textDocument.uri);
    if (!doc || doc.languageId !== BASE_CONFIG_LANGUAGE_ID) return null;
    const setting = profileNameAt(ctx.base.parse(doc), doc.offsetAt(position));
    return setting && setting.name !== '' ? { range: rangeOf(doc, setting.span), placeholder: setting.name } : null;
  },

  rename: async ({ textDocument, position, newName }): Promise<WorkspaceEdit | null> => {
    const doc = documents.get(textDocument.uri);
    if (!doc || doc.languageId !== BASE_CONFIG_LANGUAGE_ID) return null;
    const parsed = ctx.base.parse(doc);
    const setting = profileNameAt(parsed, doc.offsetAt(position));
    if (!setting || setting.name === '') return null;
    // The same rule as a rename from a handset file: trimmed, then what the base station takes, and not another's.
    const to = newName.trim();
    const others = profileNames(parsed).filter((p) => p.profile !== setting.profile).map((p) => p.name);
    const problem = newProfileNameProblem(to, others);
    if (problem) throw new ResponseError(ErrorCodes.InvalidParams, problem);
    const changes: Record<string, TextEdit[]> = { [doc.uri]: [TextEdit.replace(rangeOf(doc, setting.span), escapeIfXml(doc, to))] };
    for (const use of await handsetUses(ctx, setting.name)) (changes[use.document.uri] ??= []).push(TextEdit.replace(use.range, escapeText(to)));
    return { changes };
  },
  };
}

function escapeIfXml(doc: TextDocument, value: string): string {
  return doc.getText().trimStart().startsWith('<') ? escapeText(value) : value;
}

function rangeOf(doc: TextDocument, span: { start: number; end: number }): Range {
  return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
}

/** Open base-station configs, then the workspace's base-station file when it is a config file. */
async function baseConfigs(ctx: NavigationContext): Promise<TextDocument[]> {
  const open = ctx.documents.all().filter((d) => d.languageId === BASE_CONFIG_LANGUAGE_ID);
  const file = ctx.baseStationFile();
  if (!file) return open;
  const uri = URI.file(file).toString();
  if (open.some((d) => d.uri === uri)) return open;
  const text = await readRegularText(file).catch(() => undefined);
  return text !== undefined && isBaseConfigText(text) ? [...open, TextDocument.create(uri, BASE_CONFIG_LANGUAGE_ID, 0, text)] : open;
}

interface Use {
  readonly document: TextDocument;
  readonly range: Range;
}

/** Every handset <profile_name> with this name, in the workspace's handset files and the open ones. */
async function handsetUses(ctx: NavigationContext, name: string): Promise<Use[]> {
  const uses: Use[] = [];
  for (const { uri, text } of await ctx.sources()) {
    const matching = handsetProfileUses(text).filter((u) => u.name === name);
    if (matching.length === 0) continue;
    const document = ctx.documents.get(uri) ?? TextDocument.create(uri, HANDSET_LANGUAGE_ID, 0, text);
    for (const u of matching) uses.push({ document, range: rangeOf(document, u.span) });
  }
  return uses;
}
