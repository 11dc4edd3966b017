// One set of navigation handlers on the connection for several providers: the handset files' navigation across the
// workspace (navigationRequests.ts) and the links between handset files and the base station's config
// (profileNavigation.ts). The connection keeps one handler per request, so they must be combined here: definitions
// are gathered from every provider; references and renames come from the first provider that claims the position.

import type { Connection, DefinitionParams, PrepareRenameParams, ReferenceParams, RenameParams } from 'vscode-languageserver';
import type { Location, Range, WorkspaceEdit } from 'vscode-languageserver-types';

type Awaitable<T> = T | Promise<T>;

export interface NavigationProvider {
  definition(p: DefinitionParams): Awaitable<Location | Location[] | null | undefined>;
  references(p: ReferenceParams): Awaitable<Location[] | null | undefined>;
  prepareRename(p: PrepareRenameParams): Awaitable<{ range: Range; placeholder: string } | null | undefined>;
  rename(p: RenameParams): Awaitable<WorkspaceEdit | null | undefined>;
}

export function registerNavigationProviders(connection: Connection, providers: readonly NavigationProvider[]): void {
  connection.onDefinition(async (p) => {
    const found: Location[] = [];
    for (const provider of providers) {
      const r = await provider.definition(p);
      if (r) found.push(...(Array.isArray(r) ? r : [r]));
    }
    return found.length > 0 ? found : null;
  });
  connection.onReferences(async (p) => firstOf(providers, (provider) => provider.references(p)));
  connection.onPrepareRename(async (p) => firstOf(providers, (provider) => provider.prepareRename(p)));
  connection.onRenameRequest(async (p) => firstOf(providers, (provider) => provider.rename(p)));
}

async function firstOf<T>(providers: readonly NavigationProvider[], ask: (p: NavigationProvider) => Awaitable<T | null | undefined>): Promise<T | null> {
  for (const provider of providers) {
    const r = await ask(provider);
    if (r !== null && r !== undefined) return r;
  }
  return null;
}
