// Profile-name links over LSP, from either language, through each mode's profileLinks contribution and the one
// source of profile names (profileNames.ts): definition from a handset's <profile_name> to every place of its site
// that defines the name; references of a name (its definitions when asked, and every handset line of the site that
// uses it); rename, which edits every definition and every use the same way from whichever side it starts, and
// nothing of another site. Handset files come from the workspace index, with the editor's text where one is open.

import { ErrorCodes, ResponseError, type TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TextEdit, type Location, type Position, type Range, type WorkspaceEdit } from 'vscode-languageserver-types';
import { HANDSET_LANGUAGE_ID } from '../../../shared/languageIds';
import type { Span } from '../../../shared/span';
import { newProfileNameProblem } from '../domain/profileName';
import { handsetProfileUses } from '../links/profileLinks';
import type { ProfileNameAt } from '../modes/languageMode';
import type { LanguageModes } from '../modes/languageModes';
import type { NavigationProvider } from './navigationProviders';
import type { ProfileNames } from './profileNames';
import type { SourceFile } from '../workspace/navigation';
import { escapeText } from '../xml/xmlText';

export interface ProfileNavigationContext {
  readonly documents: TextDocuments<TextDocument>;
  readonly modes: LanguageModes;
  readonly profiles: ProfileNames;
  /** The handset files of a file's site (indexed, with the editor's text where one is open) and the open documents. */
  readonly sources: (uri: string) => Promise<readonly SourceFile[]>;
  /** Which site a file belongs to (equal ids: the same base station). */
  readonly siteId: (uri: string) => string;
}

interface Under {
  readonly document: TextDocument;
  readonly at: ProfileNameAt;
}

export function profileNavigation(ctx: ProfileNavigationContext): NavigationProvider {
  const under = (p: { textDocument: { uri: string }; position: Position }): Under | undefined => {
    const document = ctx.documents.get(p.textDocument.uri);
    const at = document && ctx.modes.modeFor(document)?.profileLinks?.nameAt(document, document.offsetAt(p.position));
    return document && at && at.name !== '' ? { document, at } : undefined;
  };
  const definitionsOf = async (u: Under): Promise<Location[]> =>
    (await ctx.profiles.definitionsOf(u.document.uri, u.at.name)).map((d) => ({ uri: d.uri, range: rangeOf(d.document, d.span) }));

  return {
    definition: async (p) => {
      const u = under(p);
      return u?.at.role === 'use' ? definitionsOf(u) : null;
    },

    references: async (p) => {
      const u = under(p);
      if (!u) return null;
      const uses = (await handsetUses(ctx, u)).map((use) => ({ uri: use.document.uri, range: use.range }));
      return p.context.includeDeclaration ? [...(await definitionsOf(u)), ...uses] : uses;
    },

    prepareRename: (p) => {
      const u = under(p);
      return u ? { range: rangeOf(u.document, u.at.span), placeholder: u.at.name } : null;
    },

    rename: async (p): Promise<WorkspaceEdit | null> => {
      const u = under(p);
      if (!u) return null;
      // One rule from either side: trimmed, then what the base station takes, and not another profile's name.
      const to = p.newName.trim();
      const problem = to === u.at.name ? undefined : newProfileNameProblem(to, await otherNames(ctx, u));
      if (problem) throw new ResponseError(ErrorCodes.InvalidParams, problem);
      // A rename started in a config is among the definitions: that document is open, and its mode defines names.
      const changes: Record<string, TextEdit[]> = {};
      const edit = (uri: string, range: Range, text: string) => (changes[uri] ??= []).push(TextEdit.replace(range, text));
      for (const d of await ctx.profiles.definitionsOf(u.document.uri, u.at.name)) edit(d.uri, rangeOf(d.document, d.span), d.written(to));
      for (const use of await handsetUses(ctx, u)) edit(use.document.uri, use.range, escapeText(to));
      return { changes };
    },
  };
}

/** The names a renamed profile must not take: the other profiles of the config it is defined in, else the site's. */
async function otherNames(ctx: ProfileNavigationContext, u: Under): Promise<readonly string[]> {
  const links = ctx.modes.modeFor(u.document)?.profileLinks;
  if (u.at.role === 'definition' && links?.definitions) return links.definitions(u.document).filter((d) => d.profile !== u.at.profile).map((d) => d.name);
  return ctx.profiles.names(u.document.uri).filter((n) => n !== u.at.name);
}

interface Use {
  readonly document: TextDocument;
  readonly range: Range;
}

/** Every handset <profile_name> with the name under the cursor, in the handset files of its site, indexed or open. */
async function handsetUses(ctx: ProfileNavigationContext, from: Under): Promise<Use[]> {
  const uses: Use[] = [];
  const site = ctx.siteId(from.document.uri);
  for (const { uri, text } of await ctx.sources(from.document.uri)) {
    const matching = handsetProfileUses(text).filter((u) => u.name === from.at.name);
    if (matching.length > 0 && ctx.siteId(uri) !== site) continue;
    if (matching.length === 0) continue;
    const document = ctx.documents.get(uri) ?? TextDocument.create(uri, HANDSET_LANGUAGE_ID, 0, text);
    for (const u of matching) uses.push({ document, range: rangeOf(document, u.span) });
  }
  return uses;
}

function rangeOf(doc: TextDocument, span: Span): Range {
  return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
}
