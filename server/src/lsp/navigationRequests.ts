// Wires navigation across the workspace (workspace/navigation.ts) to the connection: definition of a profile in the
// base-station file, references of a user ID or profile name, renaming a profile, workspace symbols.

import { ErrorCodes, ResponseError, type Connection, type Position, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { findProfileDefinition, findValueReferences, findWorkspaceSymbols, renameProfile, valueAt, type SourceFile } from '../workspace/navigation';
import type { NavigationProvider } from './navigationProviders';
import type { WorkspaceDiagnostics } from './workspaceDiagnostics';
import { readRegularText } from '../../../shared/files/readRegularFile';
import { newProfileNameProblem } from '../domain/profileName';

export interface NavigationContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly workspace: WorkspaceDiagnostics;
  /** The base-station file's path, when there is a folder to find it in. */
  readonly baseStationFile: () => string | undefined;
  /** The profile names handset files are checked against. */
  readonly profiles: () => readonly string[];
}

export function workspaceNavigation(ctx: NavigationContext): NavigationProvider {
  const { connection, documents, workspace } = ctx;
  const valueUnder = (p: { textDocument: { uri: string }; position: Position }) => {
    const doc = documents.get(p.textDocument.uri);
    return doc ? valueAt({ uri: doc.uri, text: doc.getText() }, doc.offsetAt(p.position)) : undefined;
  };
  const baseStation = async (): Promise<SourceFile | undefined> => {
    const file = ctx.baseStationFile();
    const text = file && (await readRegularText(file).catch(() => undefined));
    return file && text !== undefined ? { uri: URI.file(file).toString(), text } : undefined;
  };

  connection.onWorkspaceSymbol(async (p) => findWorkspaceSymbols(await workspace.sources(), p.query));

  return {
  definition: async (p) => {
    const v = valueUnder(p);
    const base = v?.element === 'profile_name' ? await baseStation() : undefined;
    return (v && base && findProfileDefinition(base, v.value)) ?? null;
  },

  references: async (p) => {
    const v = valueUnder(p);
    if (!v) return null;
    const found = findValueReferences(await workspace.sources(), v.element, v.value);
    const base = p.context.includeDeclaration && v.element === 'profile_name' ? await baseStation() : undefined;
    const definition = base && findProfileDefinition(base, v.value);
    return definition ? [definition, ...found] : found;
  },

  prepareRename: (p) => {
    const v = valueUnder(p);
    const doc = documents.get(p.textDocument.uri);
    if (!v || !doc || v.element !== 'profile_name') return null;
    return { range: { start: doc.positionAt(v.span.start), end: doc.positionAt(v.span.end) }, placeholder: v.value };
  },

  rename: async (p) => {
    const v = valueUnder(p);
    if (!v || v.element !== 'profile_name') return null;
    const to = p.newName.trim();
    const problem = to === v.value ? undefined : newProfileNameProblem(to, ctx.profiles());
    if (problem) throw new ResponseError(ErrorCodes.InvalidParams, problem);
    return renameProfile(await workspace.sources(), await baseStation(), v.value, to);
  },
  };
}
