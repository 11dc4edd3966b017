// Hover: what an element does and where it stands, and what a value means, all from the catalogue. A value the
// checks reject gets no hover of its own: its diagnostic, shown in the same hover, already says why.

import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { MarkupKind } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { getElement, type ElementSpec } from './catalogue';
import { placeAt } from './cursor';
import { describeContent, describeOccurrence, describePlace, markdownCell } from './describe';
import { elementValue, type ParsedDocument, type Span, type XmlElement } from '../xml/parser';
import { requestedFileName, type LanguageSettings } from './settings';
import { decimalToHex, formatDecimal, hexToDecimal, isHexIpei, parseDecimalIpei } from '../../../shared/domain/ipei';
import type { HoverParticipant } from './participants';

export function doHover(document: TextDocument, doc: ParsedDocument, offset: number, settings: LanguageSettings, participants: readonly HoverParticipant[] = []): Hover | null {
  const place = placeAt(doc, offset);
  const range = (s: Span) => ({ start: document.positionAt(s.start), end: document.positionAt(s.end) });
  const markdown = (value: string): MarkupContent => ({ kind: MarkupKind.Markdown, value });
  if (place.kind === 'tagName') {
    const spec = getElement(place.element.name);
    return spec ? { contents: markdown(elementDoc(spec, doc, place.element)), range: range(place.span) } : null;
  }
  if (place.kind === 'value') {
    const v = elementValue(doc.text, place.element);
    if (!v.value) return null;
    const context = { uri: document.uri, text: doc.text, element: place.element, settings };
    const contributed = participants.reduce<string | undefined>((found, p) => found ?? p.valueHover(context), undefined);
    const text = contributed ?? valueDoc(place.spec, v.value, settings);
    return text ? { contents: markdown(text), range: range(v.span) } : null;
  }
  return null;
}

function elementDoc(spec: ElementSpec, doc: ParsedDocument, el: XmlElement): string {
  const lines = [`**\`<${spec.name}>\`** · ${describeOccurrence(spec).join(' · ')}`, '', spec.doc, '', ...contentDoc(spec), '', `**Stands in:** ${describePlace(spec)}`];
  if (spec.settingClass === 'admin') lines.push('', '**Admin setting:** applied every time, whatever `<force_apply>` says.');
  if (spec.settingClass === 'user') lines.push('', `**User setting:** applied only when \`<force_apply>\` is 1 — ${forceApplyState(doc, el)}.`);
  return lines.join('\n');
}

/** What the element holds: its child elements, its values as a table when a sentence would hide them, or its value. */
function contentDoc(spec: ElementSpec): string[] {
  const v = spec.value;
  const table = v?.kind === 'choice' && v.numeric && v.choices.length > 3 ? ['', '| Value | Meaning |', '| --: | :-- |', ...v.choices.map((c) => `| ${c.value} | ${markdownCell(c.label)} |`)] : [];
  return [describeContent(spec), ...table];
}

/** Whether this file's user settings will be applied, read from its own `<force_apply>`. */
function forceApplyState(doc: ParsedDocument, el: XmlElement): string {
  let settingsEl: XmlElement | undefined = el;
  while (settingsEl && settingsEl.name !== 'hs_settings') settingsEl = settingsEl.parent;
  const force = settingsEl?.children.find((c) => c.name === 'force_apply');
  const value = force ? elementValue(doc.text, force).value : undefined;
  if (value === '1') return 'in this file it is 1, so this setting is applied';
  return value === undefined ? 'this file has no `<force_apply>`, so this setting is not applied' : `in this file it is ${value}, so this setting is not applied`;
}

function valueDoc(spec: ElementSpec, value: string, settings: LanguageSettings): string | undefined {
  const v = spec.value;
  switch (v?.kind) {
    case 'choice': {
      const choice = v.choices.find((c) => c.value === value);
      if (!choice) return undefined; // the diagnostic says why; a hover would only repeat it
      return `**${choice.value}** — ${choice.label}${choice.detail && choice.detail !== choice.label ? `\n\n${choice.detail}` : ''}`;
    }
    case 'ipei':
      return ipeiDoc(value, settings);
    case 'profile':
      return profileDoc(value, settings);
    default:
      return undefined;
  }
}

function ipeiDoc(value: string, settings: LanguageSettings): string | undefined {
  const decimal = parseDecimalIpei(value);
  const hex = isHexIpei(value) ? value : decimal ? decimalToHex(decimal) : undefined;
  if (!hex) return undefined; // the diagnostic says why
  const dec = hexToDecimal(hex);
  const lines = [
    `**IPEI ${hex.toLowerCase()}**`,
    '',
    `- hex (what this file needs): \`${hex.toLowerCase()}\``,
    dec ? `- decimal (printed on the label): \`${formatDecimal(dec)}\` — check digit ${dec[12]}` : '- decimal: none (the first hex digit is not 0)',
    `- file the base station requests: \`${requestedFileName(settings, hex)}\` (${affixes(settings)})`,
  ];
  if (decimal && decimal.checkDigit !== decimal.expectedCheckDigit) {
    lines.push('', `The check digit of \`${value}\` should be ${decimal.expectedCheckDigit}: check the digits for a typo.`);
  }
  return lines.join('\n');
}

function profileDoc(value: string, settings: LanguageSettings): string | undefined {
  const index = settings.profiles.indexOf(value);
  if (index < 0) return undefined; // the diagnostic names the profiles
  const server = settings.site?.profiles[index]?.sipServer;
  return `**Profile ${index + 1}: ${value}** — this line registers with ${server ? `its SIP server \`${server}\`` : "that profile's SIP server"}.`;
}

function affixes(settings: LanguageSettings): string {
  const show = (name: string, value: string) => (value ? `${name} \`${value}\`` : `no ${name}`);
  const from = settings.site ? "the base station's P27015 and P27016" : 'settings hsconfig.handsetFilePrefix and hsconfig.handsetFilePostfix';
  return `${show('prefix', settings.fileNamePrefix)}, ${show('postfix', settings.fileNamePostfix)}; from ${from}`;
}
