// Custom LSP messages shared by the client and the server. No imports: the client bundles this file.

/** Request `{ textDocument: { uri } }` → `DocumentStatus | null`: what the language status item shows. */
export const DOCUMENT_STATUS_REQUEST = 'hsconfig/documentStatus';

/** Request `{ uri, text }` → `Diagnostic[]`: checks text that is not open in an editor (before encrypting it). */
export const VALIDATE_TEXT_REQUEST = 'hsconfig/validateText';
