// Navigation across the workspace's handset files: every line that uses a user ID or profile name, and finding a
// handset by IPEI (hex or decimal), name, user ID or display name. Pure: the server hands in the files' text. Where
// a profile is defined, and renaming it, are the profile-name links' (lsp/profileNavigation.ts).

import { TextDocument } from 'vscode-languageserver-textdocument';
import { SymbolKind, type Location, type SymbolInformation } from 'vscode-languageserver-types';
import { hexToDecimal } from '../../../shared/domain/ipei';
import { ROOT } from '../handset/catalogue';
import { elementValue, parseDocument, type Span, type XmlElement } from '../xml/parser';
import { HANDSET_LANGUAGE_ID } from '../../../shared/languageIds';

export interface SourceFile {
  readonly uri: string;
  readonly text: string;
}

/** The elements whose values navigation follows. */
export type ValueElement = 'profile_name' | 'user_id';

interface Occurrence {
  readonly uri: string;
  readonly text: string;
  readonly element: string;
  readonly value: string;
  readonly span: Span;
}

/** Every `<line>` value and the handset's own values of a file. */
function occurrences(file: SourceFile): Occurrence[] {
  const root = parseDocument(file.text).root;
  if (root?.name !== ROOT) return [];
  const found: Occurrence[] = [];
  const add = (el: XmlElement) => {
    const v = elementValue(file.text, el);
    if (v.value) found.push({ uri: file.uri, text: file.text, element: el.name, value: v.value, span: v.span });
  };
  for (const child of root.children) {
    if (child.name === 'ipei' || child.name === 'hs_name') add(child);
    if (child.name !== 'sip') continue;
    for (const line of child.children.filter((l) => l.name === 'line')) line.children.filter((c) => ['profile_name', 'user_id', 'display_name'].includes(c.name)).forEach(add);
  }
  return found;
}

function location(o: { uri: string; text: string; span: Span }): Location {
  const doc = TextDocument.create(o.uri, HANDSET_LANGUAGE_ID, 0, o.text);
  return { uri: o.uri, range: { start: doc.positionAt(o.span.start), end: doc.positionAt(o.span.end) } };
}

/** The `<profile_name>` or `<user_id>` value at an offset of a handset file. */
export function valueAt(file: SourceFile, offset: number): { element: ValueElement; value: string; span: Span } | undefined {
  const o = occurrences(file).find((x) => (x.element === 'profile_name' || x.element === 'user_id') && x.span.start <= offset && offset <= x.span.end);
  return o && { element: o.element as ValueElement, value: o.value, span: o.span };
}

/** Every use of a value of `element` across the files. */
export function findValueReferences(files: readonly SourceFile[], element: ValueElement, value: string): Location[] {
  return files.flatMap((f) => occurrences(f).filter((o) => o.element === element && o.value === value).map(location));
}

/** Handsets matching a query: by IPEI (hex or the decimal on its label), name, user ID or display name. */
export function findWorkspaceSymbols(files: readonly SourceFile[], query: string): SymbolInformation[] {
  const q = query.replace(/\s+/g, '').toLowerCase();
  const symbols: SymbolInformation[] = [];
  for (const file of files) {
    const found = occurrences(file);
    const ipei = found.find((o) => o.element === 'ipei');
    const handset = found.find((o) => o.element === 'hs_name')?.value ?? ipei?.value ?? file.uri.split('/').pop() ?? file.uri;
    for (const o of found) {
      const keys = o.element === 'ipei' ? [o.value, hexToDecimal(o.value.toLowerCase()) ?? ''] : [o.value];
      if (q && !keys.some((k) => k.toLowerCase().replace(/\s+/g, '').includes(q))) continue;
      if (o.element === 'profile_name') continue;
      const kind = o.element === 'ipei' || o.element === 'hs_name' ? SymbolKind.Object : SymbolKind.Field;
      symbols.push({ name: `${o.value} — ${o.element}`, kind, location: location(o), containerName: handset });
    }
  }
  return symbols;
}
