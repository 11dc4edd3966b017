// One spelling per document URI. Clients spell URIs their own way (`Office%20(Berlin)` or `Office%20%28Berlin%29`),
// while the workspace index writes them as vscode-uri does: documents are kept under that canonical spelling from the
// moment they open, so that an open file and its indexed copy are one file (rename made two edits for one file, and
// applying both garbled it). Real clients map a URI back to a file by decoding it, so answers in the canonical
// spelling reach the same buffer.

import { TextDocuments, type Connection, type Disposable } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';

export function canonicalUri(uri: string): string {
  try {
    return URI.parse(uri).toString();
  } catch {
    return uri; // not a URI vscode-uri can read: kept as sent
  }
}

const DOCUMENT_EVENTS = new Set(['onDidOpenTextDocument', 'onDidChangeTextDocument', 'onDidCloseTextDocument', 'onWillSaveTextDocument', 'onWillSaveTextDocumentWaitUntil', 'onDidSaveTextDocument']);

type Handler = (event: { textDocument: { uri: string } }, ...rest: unknown[]) => unknown;

/** The connection as TextDocuments sees it: every document event's URI in the canonical spelling. */
function withCanonicalUris(connection: Connection): Connection {
  return new Proxy(connection, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof property !== 'string' || !DOCUMENT_EVENTS.has(property) || typeof value !== 'function') return value;
      return (handler: Handler) =>
        (value as (h: Handler) => Disposable).call(target, (event, ...rest) => handler({ ...event, textDocument: { ...event.textDocument, uri: canonicalUri(event.textDocument.uri) } }, ...rest));
    },
  });
}

/** TextDocuments keyed by canonical URI, found under any spelling. */
export class CanonicalTextDocuments extends TextDocuments<TextDocument> {
  override get(uri: string): TextDocument | undefined {
    return super.get(canonicalUri(uri));
  }

  override listen(connection: Connection): Disposable {
    return super.listen(withCanonicalUris(connection));
  }
}
