// Wires the language service to an LSP connection. Nothing here decides anything about hs_config files.

import { TextDocuments, TextDocumentSyncKind, type Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from './languageService/languageService';
import { DEFAULT_SETTINGS, type LanguageSettings } from './languageService/settings';

const VALIDATION_DELAY_MS = 200;

export function startServer(connection: Connection): void {
  const service = getLanguageService();
  const documents = new TextDocuments(TextDocument);
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  let canPullConfiguration = false;

  connection.onInitialize((params) => {
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    return {
      capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental },
      serverInfo: { name: 'hsconfig-language-server' },
    };
  });

  connection.onInitialized(async () => {
    await refreshSettings();
    revalidateAll();
  });

  connection.onDidChangeConfiguration(async () => {
    await refreshSettings();
    revalidateAll();
  });

  documents.onDidOpen((e) => schedule(e.document, 0));
  documents.onDidChangeContent((e) => schedule(e.document, VALIDATION_DELAY_MS));
  documents.onDidClose((e) => {
    cancel(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  async function refreshSettings(): Promise<void> {
    if (!canPullConfiguration) return;
    const raw: unknown = await connection.workspace.getConfiguration('hsconfig');
    service.configure(sanitizeSettings(raw));
  }

  function revalidateAll(): void {
    for (const doc of documents.all()) schedule(doc, 0);
  }

  function schedule(document: TextDocument, delay: number): void {
    cancel(document.uri);
    pending.set(
      document.uri,
      setTimeout(() => {
        pending.delete(document.uri);
        validate(document.uri);
      }, delay),
    );
  }

  function cancel(uri: string): void {
    const timer = pending.get(uri);
    if (timer) clearTimeout(timer);
    pending.delete(uri);
  }

  function validate(uri: string): void {
    const document = documents.get(uri);
    if (!document) return;
    try {
      const diagnostics = service.doValidation(document);
      void connection.sendDiagnostics({ uri, version: document.version, diagnostics });
    } catch (err) {
      connection.console.error(`Checking ${uri} failed: ${err instanceof Error ? err.stack : String(err)}`);
    }
  }

  documents.listen(connection);
  connection.listen();
}

/** Takes what the client sent for `hsconfig.*`, keeping only well-typed values. */
export function sanitizeSettings(raw: unknown): LanguageSettings {
  const r = (raw ?? {}) as Record<string, unknown>;
  const profiles = Array.isArray(r.profiles)
    ? r.profiles.filter((p): p is string => typeof p === 'string' && p.length > 0)
    : [];
  const max = typeof r.maxDocumentSize === 'number' && r.maxDocumentSize > 0 ? r.maxDocumentSize : undefined;
  return {
    profiles: profiles.length > 0 ? profiles : DEFAULT_SETTINGS.profiles,
    maxDocumentSize: max ?? DEFAULT_SETTINGS.maxDocumentSize,
  };
}
