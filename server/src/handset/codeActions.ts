// Quick fixes: one per diagnostic code that has an unambiguous repair. Each reads the diagnostic's code and data.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionKind,
  TextEdit,
  type CodeAction,
  type Diagnostic,
  type WorkspaceEdit,
} from 'vscode-languageserver-types';
import { URI, Utils } from 'vscode-uri';
import { childrenOf, getElement } from './catalogue';
import { Code } from './codes';
import { elementAt } from './cursor';
import { elementValue, type ParsedDocument, type Span, type XmlElement } from '../xml/parser';
import type { LanguageSettings } from './settings';
import { SOURCE } from './validate';
import { escapeText } from '../xml/xmlText';
import { ipeiFromFileName } from '../../../shared/domain/ipei';

type Fix = (d: Diagnostic, ctx: FixContext) => CodeAction[];

interface FixContext {
  readonly document: TextDocument;
  readonly doc: ParsedDocument;
  readonly settings: LanguageSettings;
  /** The element whose start-tag name the diagnostic covers, or whose value it covers. */
  readonly element: XmlElement | undefined;
}

/**
 * An editor asks about the diagnostics under the cursor; a request about thousands (a whole hostile document)
 * gets the fixes of the first ones, as each fix may copy a large part of the document.
 */
const MAX_DIAGNOSTICS_FIXED = 200;

export function doCodeActions(document: TextDocument, doc: ParsedDocument, diagnostics: readonly Diagnostic[], settings: LanguageSettings): CodeAction[] {
  return diagnostics
    .filter((d) => d.source === SOURCE && typeof d.code === 'string' && Object.hasOwn(FIXES, d.code))
    .slice(0, MAX_DIAGNOSTICS_FIXED)
    .flatMap((d) => {
      const offset = document.offsetAt(d.range.start);
      const element = elementAt(doc.root, offset);
      return FIXES[d.code as string]!(d, { document, doc, settings, element });
    });
}

const FIXES: Partial<Record<string, Fix>> = {
  [Code.DeclarationMissing]: (d, { document }) => [
    action('Add the XML declaration', d, edits(document, TextEdit.insert({ line: 0, character: 0 }, '<?xml version="1.0" encoding="UTF-8"?>\n')), true),
  ],
  [Code.NotWellFormed]: (d, { document }) => {
    const to = suggestion(d); // a bare & or < only: no other well-formedness error has one clear repair
    return to ? [action(`Write it as ${to}`, d, edits(document, TextEdit.replace(d.range, to)), true)] : [];
  },
  [Code.EncodingNotUtf8]: (d, { document }) => [action('Declare the encoding as UTF-8', d, edits(document, TextEdit.replace(d.range, 'UTF-8')), true)],
  [Code.ValueCase]: (d, ctx) => setValueFixes(d, ctx, [suggestion(d)], true),
  [Code.InvalidValue]: (d, ctx) => {
    const v = ctx.element && getElement(ctx.element.name)?.value;
    return v?.kind === 'choice' ? setValueFixes(d, ctx, v.choices.map((c) => c.value), false, (value) => labelOf(ctx.element, value)) : [];
  },
  [Code.ProfileUnknown]: (d, ctx) => setValueFixes(d, ctx, preferFirst(ctx.settings.profiles, suggestion(d)), suggestion(d) !== undefined),
  [Code.IpeiDecimal]: (d, ctx) => setValueFixes(d, ctx, [(d.data as { hex?: string } | undefined)?.hex], true),
  [Code.EmptyValue]: (d, ctx) => {
    const name = ctx.element?.name;
    if (name === 'profile_name') return setValueFixes(d, ctx, [...ctx.settings.profiles], false);
    if (name === 'ipei') return setValueFixes(d, ctx, [fileNameIpei(ctx.document)], true);
    return [];
  },
  [Code.ValueTooLong]: (d, ctx) => {
    const max = (d.data as { maxLength?: number } | undefined)?.maxLength;
    if (!ctx.element || !max) return [];
    const { value } = elementValue(ctx.doc.text, ctx.element);
    const raw = ctx.document.getText(d.range);
    if (raw !== value) return []; // markup inside the value: no safe place to cut
    // The title shows what is kept: a cut that ends on a space drops it too, which a count alone would hide.
    const kept = [...value].slice(0, max).join('').trimEnd();
    return [action(`Shorten to '${kept}' (${[...kept].length} characters)`, d, edits(ctx.document, TextEdit.replace(d.range, kept)), false)];
  },
  [Code.UnknownElement]: (d, ctx) => {
    const to = suggestion(d);
    return to && ctx.element ? [action(`Rename to <${to}>`, d, edits(ctx.document, ...renameEdits(ctx, ctx.element, to)), true)] : [];
  },
  [Code.MisplacedElement]: (d, ctx) => moveFix(d, ctx),
  [Code.DuplicateElement]: (d, ctx) =>
    ctx.element ? [action(`Remove this repeated <${ctx.element.name}>`, d, edits(ctx.document, removeElement(ctx, ctx.element)), true)] : [],
  [Code.UnexpectedAttribute]: (d, ctx) => {
    const attr = ctx.element?.attributes.find((a) => a.span.start === ctx.document.offsetAt(d.range.start));
    if (!attr) return [];
    const before = ctx.doc.text.slice(0, attr.span.start);
    const start = attr.span.start - (before.length - before.trimEnd().length);
    const end = attr.valueSpan ? attr.valueSpan.end + 1 : attr.span.end;
    return [action(`Remove the attribute '${attr.name}'`, d, edits(ctx.document, replaceSpan(ctx.document, { start, end }, '')), true)];
  },
  [Code.UserSettingsIgnored]: (d, ctx) => forceApplyFix(d, ctx),
  [Code.MissingElement]: (d, ctx) => missingFix(d, ctx),
  [Code.IpeiFileNameMismatch]: (d, ctx) => fileNameFixes(d, ctx),
};

function action(title: string, diagnostic: Diagnostic, edit: WorkspaceEdit, isPreferred: boolean): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit, isPreferred: isPreferred || undefined };
}

function edits(document: TextDocument, ...textEdits: TextEdit[]): WorkspaceEdit {
  return { changes: { [document.uri]: textEdits } };
}

function replaceSpan(document: TextDocument, span: Span, text: string): TextEdit {
  return TextEdit.replace({ start: document.positionAt(span.start), end: document.positionAt(span.end) }, text);
}

function suggestion(d: Diagnostic): string | undefined {
  return (d.data as { suggestion?: string } | undefined)?.suggestion;
}

function preferFirst(values: readonly string[], first: string | undefined): string[] {
  return first ? [first, ...values.filter((v) => v !== first)] : [...values];
}

function labelOf(el: XmlElement | undefined, value: string): string {
  const v = el && getElement(el.name)?.value;
  const label = v?.kind === 'choice' ? v.choices.find((c) => c.value === value)?.label : undefined;
  return label ? `${value} (${label})` : value;
}

function fileNameIpei(document: TextDocument): string | undefined {
  return ipeiFromFileName(Utils.basename(URI.parse(document.uri)))?.toLowerCase();
}

/** Replaces an element's whole content (or expands `<x/>`) with a new value. */
function setValueEdit(ctx: FixContext, el: XmlElement, value: string): TextEdit {
  if (el.contentSpan) return replaceSpan(ctx.document, el.contentSpan, escapeText(value));
  return replaceSpan(ctx.document, el.span, `<${el.name}>${escapeText(value)}</${el.name}>`);
}

function setValueFixes(d: Diagnostic, ctx: FixContext, values: readonly (string | undefined)[], preferFirstOne: boolean, describe = (v: string) => v): CodeAction[] {
  const el = ctx.element;
  if (!el) return [];
  return values
    .filter((v): v is string => v !== undefined)
    .map((v, i) => action(`Set <${el.name}> to ${describe(v)}`, d, edits(ctx.document, setValueEdit(ctx, el, v)), preferFirstOne && i === 0));
}

function renameEdits(ctx: FixContext, el: XmlElement, to: string): TextEdit[] {
  const spans = el.closeNameSpan ? [el.nameSpan, el.closeNameSpan] : [el.nameSpan];
  return spans.map((s) => replaceSpan(ctx.document, s, to));
}

/** The element's text together with its line's indentation and line break when it stands alone on its line. */
function lineSpan(text: string, el: XmlElement): Span {
  const lineStart = text.lastIndexOf('\n', el.span.start - 1) + 1;
  const newline = text.indexOf('\n', el.span.end);
  const lineEnd = newline < 0 ? text.length : newline + 1;
  const alone = text.slice(lineStart, el.span.start).trim() === '' && text.slice(el.span.end, lineEnd).trim() === '';
  return alone ? { start: lineStart, end: lineEnd } : el.span;
}

function removeElement(ctx: FixContext, el: XmlElement): TextEdit {
  return replaceSpan(ctx.document, lineSpan(ctx.doc.text, el), '');
}

function indentOf(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
}

/** The indentation one level inside `el`: that of its first child, or its own plus its own indentation step. */
function childIndent(text: string, el: XmlElement): string {
  if (el.children.length) return indentOf(text, el.children[0].span.start);
  const own = indentOf(text, el.span.start);
  const step = el.parent ? own.slice(indentOf(text, el.parent.span.start).length) : '';
  return own + (step || '  ');
}

/** Inserts `markup` as the last (or first) child of `parent`, on a line of its own. */
function insertChild(ctx: FixContext, parent: XmlElement, markup: string, first = false): TextEdit | undefined {
  const text = ctx.doc.text;
  if (!parent.contentSpan) return undefined;
  const indent = childIndent(text, parent);
  const block = markup.split('\n').map((l) => indent + l).join('\n');
  // An empty parent takes it like a last child, so that its end tag goes to a line of its own.
  if (first && parent.children.length > 0) return replaceSpan(ctx.document, { start: parent.contentSpan.start, end: parent.contentSpan.start }, `\n${block}`);
  const end = parent.contentSpan.end;
  const lineStart = text.lastIndexOf('\n', end - 1) + 1;
  const closingOnOwnLine = text.slice(lineStart, end).trim() === '';
  return closingOnOwnLine
    ? replaceSpan(ctx.document, { start: lineStart, end: lineStart }, `${block}\n`)
    : replaceSpan(ctx.document, { start: end, end }, `\n${block}\n${indentOf(text, parent.span.start)}`);
}

/** The element's source, re-indented so that its first line has no indentation. */
function detachedMarkup(text: string, el: XmlElement): string {
  const indent = indentOf(text, el.span.start);
  return text
    .slice(el.span.start, el.span.end)
    .split('\n')
    .map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l.trimStart()))
    .join('\n');
}

function findPlaced(root: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!root) return undefined;
  const stack = [root];
  for (let el = stack.pop(); el; el = stack.pop()) {
    if (el.name === name && (getElement(name)?.parent ?? null) === (el.parent?.name ?? null)) return el;
    for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]);
  }
  return undefined;
}

function moveFix(d: Diagnostic, ctx: FixContext): CodeAction[] {
  const el = ctx.element;
  const parentName = (d.data as { parent?: string } | undefined)?.parent;
  if (!el || !parentName) return [];
  const markup = detachedMarkup(ctx.doc.text, el);
  const target = findPlaced(ctx.doc.root, parentName);
  let insert: TextEdit | undefined;
  if (target && !isInside(target, el)) insert = insertChild(ctx, target, markup);
  else if (!target) {
    const grand = findPlaced(ctx.doc.root, getElement(parentName)?.parent ?? '');
    if (grand && !isInside(grand, el)) insert = insertChild(ctx, grand, `<${parentName}>\n${indentStep(ctx, grand)}${markup.split('\n').join(`\n${indentStep(ctx, grand)}`)}\n</${parentName}>`);
  }
  return insert ? [action(`Move <${el.name}> into <${parentName}>`, d, edits(ctx.document, removeElement(ctx, el), insert), true)] : [];
}

function indentStep(ctx: FixContext, el: XmlElement): string {
  return childIndent(ctx.doc.text, el).slice(indentOf(ctx.doc.text, el.span.start).length) || '  ';
}

function isInside(outer: XmlElement, inner: XmlElement): boolean {
  for (let p: XmlElement | undefined = outer; p; p = p.parent) if (p === inner) return true;
  return false;
}

function forceApplyFix(d: Diagnostic, ctx: FixContext): CodeAction[] {
  const settingsEl = ctx.element?.parent;
  if (!settingsEl || settingsEl.name !== 'hs_settings') return [];
  const force = settingsEl.children.find((c) => c.name === 'force_apply');
  const edit = force ? setValueEdit(ctx, force, '1') : insertChild(ctx, settingsEl, '<force_apply>1</force_apply>', true);
  return edit ? [action('Set <force_apply> to 1 so the user settings apply', d, edits(ctx.document, edit), true)] : [];
}

function missingFix(d: Diagnostic, ctx: FixContext): CodeAction[] {
  const name = (d.data as { element?: string } | undefined)?.element;
  const parent = ctx.element;
  if (!name || !parent || !childrenOf(parent.name).some((s) => s.name === name)) return [];
  const value = name === 'ipei' ? (fileNameIpei(ctx.document) ?? '') : name === 'profile_name' ? (ctx.settings.profiles[0] ?? '') : '';
  const edit = insertChild(ctx, parent, `<${name}>${escapeText(value)}</${name}>`, true);
  return edit ? [action(`Add <${name}>`, d, edits(ctx.document, edit), true)] : [];
}

function fileNameFixes(d: Diagnostic, ctx: FixContext): CodeAction[] {
  const el = ctx.element;
  const fileIpei = (d.data as { fileIpei?: string } | undefined)?.fileIpei;
  if (!el || !fileIpei) return [];
  const ipei = elementValue(ctx.doc.text, el).value;
  const uri = URI.parse(ctx.document.uri);
  const name = Utils.basename(uri);
  const at = name.lastIndexOf(`${fileIpei}.xml`);
  const renamed = name.slice(0, at) + ipei + name.slice(at + fileIpei.length);
  const rename: CodeAction = {
    ...action(`Rename the file to ${renamed}`, d, { documentChanges: [{ kind: 'rename', oldUri: uri.toString(), newUri: Utils.joinPath(Utils.dirname(uri), renamed).toString() }] }, false),
  };
  return [rename, ...setValueFixes(d, ctx, [fileIpei], false)];
}
