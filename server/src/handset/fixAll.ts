// Fix-all: every problem whose quick fix is unambiguous, fixed in one edit: all of one kind in the file (a quick fix
// beside the single one), or all kinds at once (`source.fixAll.hsconfig`, what `editor.codeActionsOnSave` runs).
// Only kinds with one sure repair take part: a choice among values, a cut that loses text, a guessed profile or a
// file rename is left to the user. The same kinds are fixed across the folder's files (workspace/folderFixAll.ts).
// None of the folder's own kinds (folder-*) has one sure repair, so none is fixed in one go:
// - folder-duplicate-ipei: which of the files is the handset's is the admin's call, and the repair deletes or
//   renames a file;
// - folder-did-conflict: which handset the account should ring only, and what the others ring instead, is a choice;
// - folder-account-slots: which lines to drop to fit the slots is a choice, and dropping loses text;
// - folder-handset-number: needs fewer handsets or a base station with free numbers, not an edit of the files.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import { Code } from './codes';
import { SOURCE } from './validate';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.hsconfig`;

/** The codes whose preferred quick fix is the one right repair. */
const UNAMBIGUOUS = new Set<string>([
  Code.DeclarationMissing,
  Code.EncodingNotUtf8,
  Code.ValueCase,
  Code.ProfileUnknown, // only when the name differs from a profile's in case: then the fix is preferred
  Code.IpeiDecimal,
  Code.EmptyValue, // only an empty <ipei> in a file whose name holds the IPEI: then the fix is preferred
  Code.UnknownElement, // only with a close known name
  Code.MisplacedElement,
  Code.DuplicateElement,
  Code.UnexpectedAttribute,
  Code.UserSettingsIgnored,
]);

/** What a fix-all repairs, in words for its title (the code alone meant nothing to a reader). */
const PROBLEM_WORDS: Readonly<Record<string, string>> = {
  [Code.DeclarationMissing]: 'missing XML declarations',
  [Code.EncodingNotUtf8]: 'encodings other than UTF-8',
  [Code.ValueCase]: 'values written in the wrong case',
  [Code.ProfileUnknown]: 'profile names written in the wrong case',
  [Code.IpeiDecimal]: 'IPEIs written in decimal',
  [Code.EmptyValue]: 'empty <ipei> values',
  [Code.UnknownElement]: 'misspelt element names',
  [Code.MisplacedElement]: 'misplaced elements',
  [Code.DuplicateElement]: 'repeated elements',
  [Code.UnexpectedAttribute]: 'attributes the base station ignores',
  [Code.UserSettingsIgnored]: 'user settings the base station ignores',
};

/** `Fix all 3 values written in the wrong case`, the code after it for those who filter by it. */
export function fixAllTitle(code: string, count: number, where: string): string {
  return `Fix all ${count} ${PROBLEM_WORDS[code] ?? 'problems'} ${where} (${code})`;
}

type FixesFor = (diagnostics: readonly Diagnostic[]) => CodeAction[];

/** Whether problems of `code` have one sure fix (when their quick fix is preferred). */
export function hasSureFix(code: string): boolean {
  return UNAMBIGUOUS.has(code);
}

/** The kinds among a request's problems that have one sure fix: ours only (another tool may use the same code). */
export function sureFixKinds(requested: readonly Diagnostic[]): Set<string> {
  return new Set(requested.filter((d) => d.source === SOURCE).map((d) => String(d.code)).filter(hasSureFix));
}

/** Every sure fix of one kind in the document, as one list of edits, with the problems it fixes. */
export function fixesOfKind(document: TextDocument, code: string, all: readonly Diagnostic[], fixesFor: FixesFor): { edits: TextEdit[]; fixed: Diagnostic[] } {
  const sure = sureFixes(all.filter((d) => d.code === code), fixesFor);
  const combined = combine(document, sure);
  return { edits: combined.edit.changes[document.uri], fixed: combined.fixed };
}

/** Whether a request's `only` asks for actions of `kind`. Without `only`, quick fixes are wanted, source actions not. */
export function wants(only: readonly string[] | undefined, kind: string): boolean {
  if (!only) return kind === CodeActionKind.QuickFix;
  return only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/**
 * The fix-all actions for a code-action request: per kind for the kinds among `requested` with two or more fixes in
 * `all` that can be made together; and the fix-all of every kind when `only` asks for source.fixAll.
 */
export function fixAllActions(document: TextDocument, requested: readonly Diagnostic[], all: readonly Diagnostic[], fixesFor: FixesFor, only: readonly string[] | undefined): CodeAction[] {
  const actions: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    for (const code of sureFixKinds(requested)) {
      // Counted after clashes are set aside: two fixes of which only one can be made are no "fix all".
      const { edits, fixed } = fixesOfKind(document, code, all, fixesFor);
      if (fixed.length < 2) continue;
      actions.push({ title: fixAllTitle(code, fixed.length, 'in this file'), kind: CodeActionKind.QuickFix, diagnostics: fixed, edit: { changes: { [document.uri]: edits } } });
    }
  }
  if (wants(only, FIX_ALL_KIND)) {
    const sure = sureFixes(all, fixesFor);
    if (sure.length) {
      const combined = combine(document, sure);
      actions.push({ title: 'Fix all problems with a sure fix (hsconfig)', kind: FIX_ALL_KIND, diagnostics: combined.fixed, edit: combined.edit });
    }
  }
  return actions;
}

interface SureFix {
  readonly diagnostic: Diagnostic;
  readonly edits: readonly TextEdit[];
}

function sureFixes(diagnostics: readonly Diagnostic[], fixesFor: FixesFor): SureFix[] {
  return diagnostics.flatMap((diagnostic) => {
    if (!UNAMBIGUOUS.has(String(diagnostic.code))) return [];
    const preferred = fixesFor([diagnostic]).filter((a) => a.isPreferred);
    const changes = preferred.length === 1 ? preferred[0].edit?.changes : undefined;
    const edits = changes ? Object.values(changes).flat() : [];
    return edits.length ? [{ diagnostic, edits }] : [];
  });
}

/**
 * One edit from many fixes. A fix whose edits touch text another fix already changes is left out (running fix-all
 * again picks it up).
 */
function combine(document: TextDocument, fixes: readonly SureFix[]): { edit: { changes: Record<string, TextEdit[]> }; fixed: Diagnostic[] } {
  const taken: { start: number; end: number; edit: TextEdit }[] = [];
  const fixed: Diagnostic[] = [];
  for (const fix of fixes) {
    const spans = fix.edits.map((edit) => ({ start: document.offsetAt(edit.range.start), end: document.offsetAt(edit.range.end), edit }));
    if (spans.some((s) => taken.some((t) => clash(s, t)))) continue;
    taken.push(...spans);
    fixed.push(fix.diagnostic);
  }
  // No two edits kept share a start (`clash` refuses them across fixes); the stable sort keeps a fix's own order.
  taken.sort((a, b) => a.start - b.start);
  return { edit: { changes: { [document.uri]: taken.map((t) => t.edit) } }, fixed };
}

/** Two edits clash when they overlap, or when an insertion meets the other edit (their order would be a guess). */
export function clash(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  const from = Math.max(a.start, b.start);
  const to = Math.min(a.end, b.end);
  return from < to || ((a.start === a.end || b.start === b.end) && from <= to);
}
