// Wires navigation across the workspace's handset files (workspace/navigation.ts) to the connection: references of a
// user ID across the handset files, and workspace symbols. Profile names have their own links (profileNavigation.ts).

import type { Connection, Position, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { findValueReferences, findWorkspaceSymbols, valueAt } from '../workspace/navigation';
import type { NavigationProvider } from './navigationProviders';
import type { WorkspaceDiagnostics } from './workspaceDiagnostics';

export interface WorkspaceNavigationContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly workspace: WorkspaceDiagnostics;
}

export function workspaceNavigation(ctx: WorkspaceNavigationContext): NavigationProvider {
  const { connection, documents, workspace } = ctx;
  const userIdUnder = (p: { textDocument: { uri: string }; position: Position }) => {
    const doc = documents.get(p.textDocument.uri);
    const v = doc && valueAt({ uri: doc.uri, text: doc.getText() }, doc.offsetAt(p.position));
    return v?.element === 'user_id' ? v : undefined;
  };

  connection.onWorkspaceSymbol(async (p) => findWorkspaceSymbols(await workspace.sources(), p.query));

  return {
    definition: () => null,
    references: async (p) => {
      const v = userIdUnder(p);
      return v ? findValueReferences(await workspace.sources(), v.element, v.value) : null;
    },
    prepareRename: () => null,
    rename: () => null,
  };
}
