// Outline: the handset, each line as `user_id @ profile`, and the settings with their values.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { getElement } from './catalogue';
import { elementValue, type ParsedDocument, type Span, type XmlElement } from './parser';

export function findDocumentSymbols(document: TextDocument, doc: ParsedDocument): DocumentSymbol[] {
  const range = (s: Span) => ({ start: document.positionAt(s.start), end: document.positionAt(s.end) });
  const valueOf = (el: XmlElement, child: string) => {
    const c = el.children.find((x) => x.name === child);
    return c ? elementValue(doc.text, c).value : undefined;
  };
  const symbol = (el: XmlElement): DocumentSymbol => {
    const spec = getElement(el.name);
    let name = el.name;
    let detail: string | undefined;
    let kind: SymbolKind = spec?.value ? SymbolKind.Property : SymbolKind.Namespace;
    if (el.name === 'hs_config') {
      name = `Handset ${valueOf(el, 'ipei') || '(no IPEI)'}`;
      detail = valueOf(el, 'hs_name');
      kind = SymbolKind.Module;
    } else if (el.name === 'line') {
      name = `${valueOf(el, 'user_id') || '?'} @ ${valueOf(el, 'profile_name') || '?'}`;
      detail = valueOf(el, 'display_name');
      kind = SymbolKind.Field;
    } else if (spec?.value) {
      detail = elementValue(doc.text, el).value;
    }
    const children = spec?.value ? [] : el.children.map(symbol);
    return { name, detail, kind, range: range(el.span), selectionRange: range(el.nameSpan), children };
  };
  return doc.root ? [symbol(doc.root)] : [];
}
