// Navigation across the workspace's handset files and the base-station file: where a profile is defined, every
// line that uses a user ID or profile name, renaming a profile everywhere, and finding a handset by IPEI (hex or
// decimal), name, user ID or display name. Pure: the server hands in the files' text.

import { TextDocument } from 'vscode-languageserver-textdocument';
import { SymbolKind, TextEdit, type Location, type SymbolInformation, type WorkspaceEdit } from 'vscode-languageserver-types';
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

/** Where the base-station file names a profile: a model JSON's `"name": "…"` in `profiles`, or the name as written. */
export function findProfileDefinition(baseStation: SourceFile, name: string): Location | undefined {
  const quoted = JSON.stringify(name);
  const json = new RegExp(`"name"\\s*:\\s*(${quoted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})`).exec(baseStation.text);
  if (json) {
    const start = json.index + json[0].length - json[1].length + 1;
    return location({ uri: baseStation.uri, text: baseStation.text, span: { start, end: start + name.length } });
  }
  return undefined;
}

/** Renames a profile in every handset file's `<profile_name>` and in the base-station file. */
export function renameProfile(files: readonly SourceFile[], baseStation: SourceFile | undefined, from: string, to: string): WorkspaceEdit {
  const changes: Record<string, TextEdit[]> = {};
  const escaped = to.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  for (const loc of findValueReferences(files, 'profile_name', from)) (changes[loc.uri] ??= []).push(TextEdit.replace(loc.range, escaped));
  const definition = baseStation && findProfileDefinition(baseStation, from);
  if (definition) (changes[definition.uri] ??= []).push(TextEdit.replace(definition.range, JSON.stringify(to).slice(1, -1)));
  return { changes };
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
