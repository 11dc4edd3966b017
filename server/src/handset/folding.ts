// Folding ranges for elements and comments that span lines, and selection ranges that grow from value to file.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { FoldingRangeKind, type FoldingRange, type Position, type SelectionRange } from 'vscode-languageserver-types';
import { elementAt } from './cursor';
import { elementValue, type ParsedDocument, type Span } from '../xml/parser';
import { preOrder } from '../xml/xmlTree';

const MAX_SELECTION_STEPS = 200;

export function getFoldingRanges(document: TextDocument, doc: ParsedDocument): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const fold = (s: Span, kind?: FoldingRangeKind) => {
    const startLine = document.positionAt(s.start).line;
    const endLine = document.positionAt(s.end).line - (kind ? 0 : 1);
    if (endLine > startLine) ranges.push({ startLine, endLine, kind });
  };
  if (doc.root) for (const { el } of preOrder(doc.root)) fold(el.span);
  for (const m of doc.text.matchAll(/<!--[\s\S]*?-->/g)) fold({ start: m.index, end: m.index + m[0].length }, FoldingRangeKind.Comment);
  return ranges.sort((a, b) => a.startLine - b.startLine);
}

export function getSelectionRanges(document: TextDocument, doc: ParsedDocument, positions: readonly Position[]): SelectionRange[] {
  const range = (s: Span) => ({ start: document.positionAt(s.start), end: document.positionAt(s.end) });
  return positions.map((position) => {
    const offset = document.offsetAt(position);
    const spans: Span[] = [];
    for (let el = elementAt(doc.root, offset); el; el = el.parent) {
      const value = el.children.length === 0 ? elementValue(doc.text, el) : undefined;
      if (value?.value && value.span.start <= offset && offset <= value.span.end) spans.push(value.span);
      if (el.nameSpan.start <= offset && offset <= el.nameSpan.end) spans.push(el.nameSpan);
      // Each range must hold the one before (VS Code rejects the chain otherwise): from a tag name, skip the inside.
      if (el.contentSpan && el.children.length && el.contentSpan.start <= offset && offset <= el.contentSpan.end) spans.push(el.contentSpan);
      spans.push(el.span);
    }
    // A chain nested deeper than JSON can carry keeps its innermost and outermost steps.
    if (spans.length > MAX_SELECTION_STEPS) spans.splice(MAX_SELECTION_STEPS - 10, spans.length - MAX_SELECTION_STEPS);
    spans.push({ start: 0, end: doc.text.length });
    let selection: SelectionRange | undefined;
    for (const s of spans.reverse()) selection = { range: range(s), parent: selection };
    return selection ?? { range: { start: position, end: position } };
  });
}
