// Completion: the elements allowed at the cursor, and the values an element takes, from the catalogue.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  TextEdit,
  type CompletionItem,
  type CompletionList,
  type Range,
} from 'vscode-languageserver-types';
import { childrenOf, getElement, ROOT, type ElementSpec } from './catalogue';
import { placeAt } from './cursor';
import { describeContent } from './describe';
import type { ParsedDocument, Span, XmlElement } from '../xml/parser';
import type { LanguageSettings } from './settings';
import { escapeText } from '../xml/xmlText';
import { ipeiFromFileName } from '../../../shared/domain/ipei';
import { URI, Utils } from 'vscode-uri';

const TRIGGER_SUGGEST = { title: 'Suggest values', command: 'editor.action.triggerSuggest' };

export function doComplete(document: TextDocument, doc: ParsedDocument, offset: number, settings: LanguageSettings): CompletionList {
  const range = (s: Span): Range => ({ start: document.positionAt(s.start), end: document.positionAt(s.end) });
  const items = completions(document, doc, offset, settings, range);
  return { isIncomplete: false, items };
}

function completions(
  document: TextDocument,
  doc: ParsedDocument,
  offset: number,
  settings: LanguageSettings,
  range: (s: Span) => Range,
): CompletionItem[] {
  const place = placeAt(doc, offset);
  const here = { start: offset, end: offset };
  switch (place.kind) {
    case 'tagName': {
      const el = place.element;
      if (place.closing) return [closingTag(el, range(place.span), false)];
      const unterminated = !el.contentSpan && !el.selfClosing && !el.closed;
      return elementItems(el.parent, el, range(place.span), unterminated ? 'afterLt' : 'nameOnly');
    }
    case 'content': {
      const { container, partial } = place;
      if (partial?.closing) return [closingTag(container, range(partial.span), true)];
      const items = elementItems(container, undefined, range(partial?.span ?? here), partial ? 'afterLt' : 'whole');
      if (!container.closed && !partial) items.push(closingTag(container, range(here), false, true));
      return items;
    }
    case 'value':
      return valueItems(place.spec, range(place.span), settings, document.uri);
    case 'none':
      return doc.root ? [] : elementItems(undefined, undefined, range(here), 'whole');
  }
}

type InsertStyle = 'whole' | 'afterLt' | 'nameOnly';

/** Elements that may stand in `parent` and are not there as often as allowed yet (`self` does not count). */
function elementItems(parent: XmlElement | undefined, self: XmlElement | undefined, range: Range, style: InsertStyle): CompletionItem[] {
  const candidates = parent ? childrenOf(parent.name) : [getElement(ROOT) as ElementSpec];
  return candidates
    .filter((spec) => (parent?.children.filter((c) => c !== self && c.name === spec.name).length ?? 0) < spec.maxOccurs)
    .map((spec) => elementItem(spec, range, style, candidates.indexOf(spec)));
}

function elementItem(spec: ElementSpec, range: Range, style: InsertStyle, order: number): CompletionItem {
  const body = spec.value ? (spec.value.kind === 'choice' || spec.value.kind === 'profile' ? '$0' : '$1') : '\n\t$0\n';
  const snippet = `${spec.name}>${body}</${spec.name}>`;
  const text = style === 'nameOnly' ? spec.name : style === 'afterLt' ? snippet : `<${snippet}`;
  const suggestValues = style !== 'nameOnly' && (spec.value?.kind === 'choice' || spec.value?.kind === 'profile');
  return {
    label: spec.name,
    kind: spec.value ? CompletionItemKind.Property : CompletionItemKind.Module,
    detail: spec.summary,
    documentation: { kind: MarkupKind.Markdown, value: `${spec.doc}\n\n${describeContent(spec)}` },
    sortText: String(order).padStart(3, '0'),
    filterText: style === 'whole' ? `<${spec.name}` : spec.name,
    textEdit: TextEdit.replace(range, text),
    insertTextFormat: style === 'nameOnly' ? InsertTextFormat.PlainText : InsertTextFormat.Snippet,
    command: suggestValues ? TRIGGER_SUGGEST : undefined,
  };
}

function closingTag(el: XmlElement, range: Range, afterSlash: boolean, whole = false): CompletionItem {
  const text = afterSlash ? `${el.name}>` : whole ? `</${el.name}>` : el.name;
  return {
    label: `/${el.name}`,
    kind: CompletionItemKind.Property,
    detail: `Close <${el.name}>`,
    filterText: whole ? `</${el.name}` : el.name,
    sortText: '~',
    textEdit: TextEdit.replace(range, text),
  };
}

function valueItems(spec: ElementSpec, range: Range, settings: LanguageSettings, uri: string): CompletionItem[] {
  const v = spec.value;
  const item = (value: string, label: string | undefined, detail: string | undefined, order: number): CompletionItem => ({
    label: value,
    labelDetails: label ? { description: label } : undefined,
    kind: CompletionItemKind.EnumMember,
    detail: label,
    documentation: detail && detail !== label ? detail : undefined,
    sortText: String(order).padStart(3, '0'),
    textEdit: TextEdit.replace(range, escapeText(value)),
  });
  switch (v?.kind) {
    case 'choice':
      return v.choices.map((c, i) => item(c.value, c.label, c.detail, i));
    case 'profile':
      return settings.profiles.map((p, i) => item(p, `profile ${i + 1}`, undefined, i));
    case 'ipei': {
      const fromName = ipeiFromFileName(Utils.basename(URI.parse(uri)));
      return fromName ? [item(fromName.toLowerCase(), 'IPEI from the file name', undefined, 0)] : [];
    }
    default:
      return [];
  }
}
