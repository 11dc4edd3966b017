// Wires "Fix all … in the folder" (workspace/folderFixAll.ts) to code-action requests: offered with workspace
// diagnostics on, when the Problems panel shows the folder's files, for the problems the request is about.

import type { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import { sureFixKinds, wants } from '../handset/fixAll';
import type { LanguageService } from '../handset/languageService';
import { folderFixAllActions, type EditSupport, type FolderFile } from '../workspace/folderFixAll';
import type { WorkspaceDiagnostics } from './workspaceDiagnostics';
import { HANDSET_LANGUAGE_ID } from '../../../shared/languageIds';

export interface FolderActionsContext {
  readonly service: LanguageService;
  readonly documents: TextDocuments<TextDocument>;
  readonly workspace: WorkspaceDiagnostics;
  readonly support: () => EditSupport;
}

export function folderCodeActions(ctx: FolderActionsContext) {
  return (document: TextDocument, requested: readonly Diagnostic[], only: readonly string[] | undefined): CodeAction[] => {
    if (!ctx.workspace.on || !wants(only, CodeActionKind.QuickFix) || sureFixKinds(requested).size === 0) return [];
    const files = new Map<string, FolderFile>();
    const closed: string[] = [];
    for (const file of ctx.workspace.index.all()) {
      const open = ctx.documents.get(file.uri);
      if (open) {
        files.set(file.uri, { document: open, open: true, diagnostics: ctx.service.doValidation(open) });
        continue;
      }
      const diagnostics = ctx.workspace.closedFileDiagnostics(file.uri) ?? [];
      files.set(file.uri, { document: TextDocument.create(file.uri, HANDSET_LANGUAGE_ID, 0, file.text), open: false, diagnostics });
      closed.push(file.uri);
    }
    if (!files.has(document.uri)) files.set(document.uri, { document, open: true, diagnostics: ctx.service.doValidation(document) });
    try {
      return folderFixAllActions(ctx.service, document, requested, [...files.values()], ctx.support());
    } finally {
      for (const uri of closed) ctx.service.forget(uri);
    }
  };
}
