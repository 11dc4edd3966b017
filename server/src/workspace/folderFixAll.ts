// "Fix all … in the folder": the problems of one kind with a sure fix (handset/fixAll.ts says which kinds,
// and why none of the folder's own folder-* kinds is one), fixed in every handset file of the folder in one edit,
// closed files included. The edit is made against the text the server knows (the editor's for an open file, the
// disk's for a closed one) and the edits in other files ask for confirmation, so VS Code shows the refactor preview.
// Pure: the server hands in the files and their problems.

import { fixAllTitle } from '../handset/fixAll';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { AnnotatedTextEdit, CodeActionKind, type CodeAction, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-types';
import { sureFixKinds } from '../handset/fixAll';
import type { LanguageService } from '../handset/languageService';

export interface FolderFile {
  readonly document: TextDocument;
  /** Open in the editor: its version is checked when the edit applies. A closed file's edit is made on its disk text. */
  readonly open: boolean;
  /** Its problems as the Problems panel shows them. */
  readonly diagnostics: readonly Diagnostic[];
}

/** What the client can take in a workspace edit (LSP `workspace.workspaceEdit` capabilities). */
export interface EditSupport {
  readonly documentChanges: boolean;
  readonly changeAnnotations: boolean;
}

export const OTHER_FILES_ANNOTATION = 'hsconfig.otherFiles';

/**
 * For each kind among `requested` with a sure fix that occurs in more than one file of the folder: one quick fix
 * that fixes all of them. `current` is the document the request is for (its edits need no confirmation).
 */
export function folderFixAllActions(
  service: Pick<LanguageService, 'fixAllOfKind'>,
  current: TextDocument,
  requested: readonly Diagnostic[],
  files: readonly FolderFile[],
  support: EditSupport,
): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const code of sureFixKinds(requested)) {
    const withKind = files.filter((f) => f.diagnostics.some((d) => d.code === code));
    if (withKind.length < 2) continue;
    const fixes = withKind.map((f) => ({ file: f, ...service.fixAllOfKind(f.document, code) })).filter((x) => x.edits.length > 0);
    if (fixes.length < 2) continue;
    const count = fixes.reduce((n, x) => n + x.fixed.length, 0);
    const edit = workspaceEdit(fixes, current.uri, support);
    const here = fixes.find((x) => x.file.document.uri === current.uri)?.fixed ?? [];
    actions.push({ title: fixAllTitle(code, count, `in the folder's ${fixes.length} files`), kind: CodeActionKind.QuickFix, diagnostics: here, edit });
  }
  return actions;
}

function workspaceEdit(fixes: readonly { file: FolderFile; edits: TextEdit[] }[], currentUri: string, support: EditSupport): WorkspaceEdit {
  if (!support.documentChanges) return { changes: Object.fromEntries(fixes.map((x) => [x.file.document.uri, x.edits])) };
  const annotate = support.changeAnnotations;
  const documentChanges = fixes.map(({ file, edits }) => ({
    textDocument: { uri: file.document.uri, version: file.open ? file.document.version : null },
    edits: annotate && file.document.uri !== currentUri ? edits.map((e) => AnnotatedTextEdit.replace(e.range, e.newText, OTHER_FILES_ANNOTATION)) : edits,
  }));
  if (!annotate) return { documentChanges };
  const others = fixes.filter((x) => x.file.document.uri !== currentUri).length;
  return {
    documentChanges,
    changeAnnotations: {
      [OTHER_FILES_ANNOTATION]: { label: `Fix in ${others} other file${others === 1 ? '' : 's'} of the folder`, needsConfirmation: false, description: 'hsconfig: the same sure fix in each file' },
    },
  };
}
