// What the client said it can do (LSP initialize), read once into one record, and the capabilities the server
// offers in return. Pure, so a test can hold a client's capabilities against the server's answer.

import { CodeActionKind, TextDocumentSyncKind, type InitializeParams, type ServerCapabilities } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { FIX_ALL_KIND } from '../handset/fixAll';
import { diagnosticOptions } from './pullDiagnostics';

export interface ClientSupport {
  /** It answers workspace/configuration (else the settings stay the defaults). */
  readonly configuration: boolean;
  /** It registers file watchers on request (else the server checks files' stamps itself). */
  readonly watchFiles: boolean;
  readonly refreshLenses: boolean;
  readonly refreshDiagnostics: boolean;
  readonly edits: { readonly documentChanges: boolean; readonly changeAnnotations: boolean };
  /** It asks for diagnostics (LSP pull) instead of being sent them. */
  readonly pull: boolean;
  /** It takes the pull registration later, once the settings say whether workspace diagnostics are on. */
  readonly dynamicPull: boolean;
  /** The workspace folders on disk. */
  readonly folders: readonly string[];
}

export const NO_CLIENT_SUPPORT: ClientSupport = {
  configuration: false,
  watchFiles: false,
  refreshLenses: false,
  refreshDiagnostics: false,
  edits: { documentChanges: false, changeAnnotations: false },
  pull: false,
  dynamicPull: false,
  folders: [],
};

export function readClientSupport(params: InitializeParams): ClientSupport {
  const { workspace, textDocument } = params.capabilities;
  const pull = textDocument?.diagnostic !== undefined;
  const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  return {
    configuration: workspace?.configuration === true,
    watchFiles: workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    refreshLenses: workspace?.codeLens?.refreshSupport === true,
    refreshDiagnostics: workspace?.diagnostics?.refreshSupport === true,
    edits: { documentChanges: workspace?.workspaceEdit?.documentChanges === true, changeAnnotations: workspace?.workspaceEdit?.changeAnnotationSupport !== undefined },
    pull,
    dynamicPull: pull && textDocument?.diagnostic?.dynamicRegistration === true,
    folders: uris.filter((u) => u.startsWith('file:')).map((u) => URI.parse(u).fsPath),
  };
}

export function serverCapabilities(support: ClientSupport): ServerCapabilities {
  return {
    textDocumentSync: TextDocumentSyncKind.Incremental,
    hoverProvider: true,
    completionProvider: { triggerCharacters: ['<', '/'] },
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
    documentSymbolProvider: true,
    foldingRangeProvider: true,
    selectionRangeProvider: true,
    inlayHintProvider: true,
    documentFormattingProvider: true,
    documentRangeFormattingProvider: true,
    linkedEditingRangeProvider: true,
    documentHighlightProvider: true,
    codeLensProvider: { resolveProvider: false },
    definitionProvider: true,
    referencesProvider: true,
    renameProvider: { prepareProvider: true },
    workspaceSymbolProvider: true,
    ...(support.pull && !support.dynamicPull ? { diagnosticProvider: diagnosticOptions(true) } : {}),
  };
}
