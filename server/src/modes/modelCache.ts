// One bounded cache of parsed documents for every language (the shape of json-language-features'
// languageModelCache): a model is kept per URI and reused while the document's version, language and text are the
// same; the least recently used goes when the cache is full, and a closed document's model goes at once.

import type { TextDocument } from 'vscode-languageserver-textdocument';

export interface ModelCache<T> {
  /** The document's model: the cached one when nothing about the document changed, else a fresh parse. */
  get(document: TextDocument): T;
  /** Forgets a document (closed, or checked once by the CLI). */
  onDocumentRemoved(uri: string): void;
  /** How many models are kept (for tests and the benchmark). */
  readonly size: number;
}

interface Entry<T> {
  readonly version: number;
  readonly languageId: string;
  readonly text: string;
  readonly model: T;
}

/** Enough for every editor a person has open; a folder's files are checked through it one at a time. */
export const DEFAULT_MAX_ENTRIES = 32;

export function getModelCache<T>(parse: (document: TextDocument) => T, maxEntries = DEFAULT_MAX_ENTRIES): ModelCache<T> {
  // A Map keeps insertion order: re-inserting on every hit makes its first key the least recently used.
  const entries = new Map<string, Entry<T>>();
  return {
    get(document) {
      const text = document.getText();
      const hit = entries.get(document.uri);
      // The text is compared too: documents made for closed files all carry version 0. Comparing the same string
      // object costs nothing.
      if (hit && hit.version === document.version && hit.languageId === document.languageId && hit.text === text) {
        entries.delete(document.uri);
        entries.set(document.uri, hit);
        return hit.model;
      }
      const model = parse(document);
      entries.delete(document.uri);
      entries.set(document.uri, { version: document.version, languageId: document.languageId, text, model });
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
      return model;
    },
    onDocumentRemoved: (uri) => void entries.delete(uri),
    get size() {
      return entries.size;
    },
  };
}
