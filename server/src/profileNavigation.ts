// Cross-file navigation between handset files and the base station's config: go to definition from a handset's
// <profile_name> to the base config's profile-name P-value, find the handset files that use a profile name, and
// rename a profile everywhere. Wiring only: the places come from baseConfig/profileLinks.ts; this module finds the
// files (open documents first, then the workspace folders on disk).

import { readdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { Connection, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TextEdit, type Location, type Range, type WorkspaceEdit } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import { BASE_LANGUAGE_ID, type BaseConfigService } from './baseConfig/baseConfigService';
import { isBaseConfigText } from './baseConfig/detect';
import { escapeXmlText, handsetProfileUseAt, handsetProfileUses, profileNameAt, profileNames } from './baseConfig/profileLinks';
import { isHandsetText, mayBeHandsetFile, SKIPPED_FOLDERS } from './languageService/handsetFiles';
import type { NavigationProvider } from './navigationProviders';

export interface NavigationContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly base: BaseConfigService;
  /** The workspace folders' paths. */
  readonly folders: () => readonly string[];
  /** The workspace's base-station file (`hsconfig.baseStation`), which may be a config file. */
  readonly baseStationFile: () => string | undefined;
}

const MAX_FILES = 5000;

export function profileNavigation(ctx: NavigationContext): NavigationProvider {
  const { documents } = ctx;
  return {
  definition: async ({ textDocument, position }) => {
    const doc = documents.get(textDocument.uri);
    if (!doc || doc.languageId === BASE_LANGUAGE_ID) return null;
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
    if (!doc || doc.languageId !== BASE_LANGUAGE_ID) return null;
    const setting = profileNameAt(ctx.base.parse(doc), doc.offsetAt(position));
    if (!setting || setting.name === '') return null;
    const uses = await handsetUses(ctx, setting.name);
    const own = context.includeDeclaration ? [{ uri: doc.uri, range: rangeOf(doc, setting.span) }] : [];
    return [...own, ...uses.map((u) => ({ uri: u.document.uri, range: u.range }))];
  },

  prepareRename: ({ textDocument, position }) => {
    const doc = documents.get(textDocument.uri);
    if (!doc || doc.languageId !== BASE_LANGUAGE_ID) return null;
    const setting = profileNameAt(ctx.base.parse(doc), doc.offsetAt(position));
    return setting && setting.name !== '' ? { range: rangeOf(doc, setting.span), placeholder: setting.name } : null;
  },

  rename: async ({ textDocument, position, newName }): Promise<WorkspaceEdit | null> => {
    const doc = documents.get(textDocument.uri);
    if (!doc || doc.languageId !== BASE_LANGUAGE_ID) return null;
    const setting = profileNameAt(ctx.base.parse(doc), doc.offsetAt(position));
    if (!setting || setting.name === '') return null;
    const changes: Record<string, TextEdit[]> = { [doc.uri]: [TextEdit.replace(rangeOf(doc, setting.span), escapeIfXml(doc, newName))] };
    for (const use of await handsetUses(ctx, setting.name)) (changes[use.document.uri] ??= []).push(TextEdit.replace(use.range, escapeXmlText(newName)));
    return { changes };
  },
  };
}

function escapeIfXml(doc: TextDocument, value: string): string {
  return doc.getText().trimStart().startsWith('<') ? escapeXmlText(value) : value;
}

function rangeOf(doc: TextDocument, span: { start: number; end: number }): Range {
  return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
}

/** Open base-station configs, then the workspace's base-station file when it is a config file. */
async function baseConfigs(ctx: NavigationContext): Promise<TextDocument[]> {
  const open = ctx.documents.all().filter((d) => d.languageId === BASE_LANGUAGE_ID);
  const file = ctx.baseStationFile();
  if (!file) return open;
  const uri = URI.file(file).toString();
  if (open.some((d) => d.uri === uri)) return open;
  const text = await readFile(file, 'utf8').catch(() => undefined);
  return text !== undefined && isBaseConfigText(text) ? [...open, TextDocument.create(uri, BASE_LANGUAGE_ID, 0, text)] : open;
}

interface Use {
  readonly document: TextDocument;
  readonly range: Range;
}

/** Every handset <profile_name> with this name: open handset documents, then handset files in the workspace. */
async function handsetUses(ctx: NavigationContext, name: string): Promise<Use[]> {
  const byUri = new Map<string, TextDocument>();
  for (const d of ctx.documents.all()) if (d.languageId !== BASE_LANGUAGE_ID && isHandsetText(d.getText())) byUri.set(d.uri, d);
  for (const folder of ctx.folders()) {
    for (const file of await handsetFilesIn(folder)) {
      const uri = URI.file(file).toString();
      if (byUri.has(uri)) continue;
      const text = await readFile(file, 'utf8').catch(() => undefined);
      if (text !== undefined && isHandsetText(text)) byUri.set(uri, TextDocument.create(uri, 'hsconfig', 0, text));
    }
  }
  return [...byUri.values()].flatMap((document) => handsetProfileUses(document.getText()).filter((u) => u.name === name).map((u) => ({ document, range: rangeOf(document, u.span) })));
}

async function handsetFilesIn(folder: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string) => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      if (found.length >= MAX_FILES) return;
      const full = path.join(dir, e.name);
      if (e.isDirectory() && !SKIPPED_FOLDERS.has(e.name) && !e.name.startsWith('.')) await walk(full);
      else if (e.isFile() && mayBeHandsetFile(e.name)) found.push(full);
    }
  };
  await walk(folder);
  return found.sort();
}
