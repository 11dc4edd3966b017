// Outline by the template's sections, folding of sections and XML elements, and the quick fixes whose repair is
// clear (each keyed on a diagnostic code and the replacement the diagnostic carries).

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, FoldingRangeKind, SymbolKind, TextEdit, type CodeAction, type Diagnostic, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver-types';
import type { Span } from '../xml/parser';
import { preOrder } from '../xml/xmlTree';
import { BaseCode } from './codes';
import type { BaseConfigDocument, Heading, Setting } from './parser';
import { BASE_SOURCE, type ReplaceData } from './validate';

/** Each heading with where its settings are in `parsed.settings` (`from` to `to`, not included); `before`: how many
 *  settings come before the first heading. One walk of the settings beside the headings (both are in the order of
 *  the text): filtering the settings once per heading made the outline of a large config quadratic (5 s for 3 MB),
 *  and a binary search per heading jumped about tens of thousands of settings that a walk reads in memory order. */
function sectionBounds(parsed: BaseConfigDocument): { before: number; sections: { heading: Heading; from: number; to: number }[] } {
  const { headings, settings } = parsed;
  let next = 0;
  const startOf = (offset: number) => {
    while (next < settings.length && settings[next].span.start < offset) next++;
    return next;
  };
  const starts = headings.map((h) => startOf(h.span.start));
  const sections = headings.map((heading, i) => ({ heading, from: starts[i], to: starts[i + 1] ?? settings.length }));
  return { before: starts[0] ?? settings.length, sections: sections.filter((s) => s.to > s.from) };
}

/** A section's span: from its heading to the end of its last setting. */
const sectionSpan = (parsed: BaseConfigDocument, heading: Heading, to: number): Span => ({ start: heading.span.start, end: parsed.settings[to - 1].span.end });

export function baseSymbols(document: TextDocument, parsed: BaseConfigDocument): DocumentSymbol[] {
  const range = (s: Span) => ({ start: document.positionAt(s.start), end: document.positionAt(s.end) });
  const settingSymbol = (s: Setting): DocumentSymbol => ({
    name: s.entry && s.key !== `P${s.entry.p}` ? `${s.key} (P${s.entry.p})` : s.key,
    detail: `${s.entry ? `${s.entry.name}: ` : ''}${s.value}`,
    kind: SymbolKind.Property,
    range: range(s.span),
    selectionRange: range(s.keySpan),
  });
  const { before, sections } = sectionBounds(parsed);
  return [
    ...parsed.settings.slice(0, before).map(settingSymbol),
    ...sections.map(({ heading, from, to }) => ({
      name: heading.title,
      kind: SymbolKind.Namespace,
      range: range(sectionSpan(parsed, heading, to)),
      selectionRange: range(heading.span),
      children: parsed.settings.slice(from, to).map(settingSymbol),
    })),
  ];
}

export function baseFolding(document: TextDocument, parsed: BaseConfigDocument): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const fold = (s: Span, kind?: FoldingRangeKind) => {
    const startLine = document.positionAt(s.start).line;
    const endLine = document.positionAt(s.end).line;
    if (endLine > startLine) ranges.push({ startLine, endLine, kind });
  };
  for (const { heading, to } of sectionBounds(parsed).sections) fold(sectionSpan(parsed, heading, to), FoldingRangeKind.Region);
  // Walked with a stack, not recursion: a config nested 10,000 deep overflowed the call stack.
  for (const { el } of parsed.xml?.root ? preOrder(parsed.xml.root) : []) {
    const endLine = document.positionAt(el.span.end).line - 1;
    const startLine = document.positionAt(el.span.start).line;
    if (endLine > startLine) ranges.push({ startLine, endLine });
  }
  return ranges.sort((a, b) => a.startLine - b.startLine);
}

const TITLES: Partial<Record<string, (r: string) => string>> = {
  [BaseCode.UnknownPValue]: (r) => `Change to ${r}`,
  [BaseCode.UnknownItem]: (r) => `Change to "${r}"`,
  [BaseCode.AliasInText]: (r) => `Write it as ${r}`,
  [BaseCode.UnexpectedElement]: (r) => `Write it as <${r}>`,
  [BaseCode.EmptyMandatory]: (r) => `Set the template value ${r}`,
  [BaseCode.MalformedLine]: (r) => (r.startsWith('#') ? 'Make it a comment' : `Write ${r}`),
  [BaseCode.SpacesAroundEquals]: () => 'Remove the spaces around "="',
  [BaseCode.ConfigVersion]: (r) => `Set version="${r}"`,
  [BaseCode.NotWellFormed]: (r) => `Write it as ${r}`,
};

/** The codes whose diagnostics carry fixes of their own (a title and edits) in their data. */
const OWN_FIXES: readonly string[] = [
  BaseCode.OutOfRange,
  BaseCode.NotInSet,
  BaseCode.SetTwice,
  BaseCode.SetTwiceDifferently,
  BaseCode.ServerPathScheme,
  BaseCode.QuotedValue,
  BaseCode.TrailingSpaces,
  BaseCode.InlineComment,
  BaseCode.TwoSettingsOnLine,
  BaseCode.DhcpOverridesServer,
  BaseCode.ThreeCxProvisioning,
];

/** The codes a quick fix keys on. */
export const FIXABLE_CODES: ReadonlySet<string> = new Set([...Object.keys(TITLES), ...OWN_FIXES]);

export function baseCodeActions(document: TextDocument, diagnostics: readonly Diagnostic[]): CodeAction[] {
  return diagnostics.flatMap((d) => {
    const title = typeof d.code === 'string' ? TITLES[d.code] : undefined;
    const data = d.data as ReplaceData | undefined;
    if (d.source === BASE_SOURCE && typeof d.code === 'string' && OWN_FIXES.includes(d.code) && Array.isArray(data?.fixes)) {
      return data.fixes.map((f): CodeAction => ({ title: f.title, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: { changes: { [document.uri]: [...f.edits] } }, ...(f.preferred && { isPreferred: true }) }));
    }
    if (d.source !== BASE_SOURCE || !title || typeof data?.replacement !== 'string') return [];
    // One fix per likely replacement; the first is preferred only when it is clearly the one meant.
    return [data.replacement, ...(data.alternatives ?? [])].map((r, i) => {
      const also: TextEdit[] = d.code === BaseCode.UnexpectedElement || d.code === BaseCode.UnknownPValue ? closingTagEdit(document, d, r) : [];
      const action: CodeAction = { title: title(r), kind: CodeActionKind.QuickFix, diagnostics: [d], edit: { changes: { [document.uri]: [TextEdit.replace(d.range, r), ...also] } } };
      return i === 0 && !data.unsure ? { ...action, isPreferred: true } : action;
    });
  });
}

/** Renaming `<profile.1.name>` to `<P27762>` (or `<p27014>` to `<P27014>`) renames its end tag too. */
function closingTagEdit(document: TextDocument, d: Diagnostic, replacement: string): TextEdit[] {
  const text = document.getText();
  const start = document.offsetAt(d.range.start);
  if (text.charAt(start - 1) !== '<') return []; // not an element's name: a text line's key, a v2 item's name
  const name = text.slice(start, document.offsetAt(d.range.end));
  const close = text.indexOf(`</${name}`, start);
  return close < 0 ? [] : [TextEdit.replace({ start: document.positionAt(close + 2), end: document.positionAt(close + 2 + name.length) }, replacement)];
}
