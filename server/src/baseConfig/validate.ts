// Checks a base-station config file: its shape (text lines, XML well-formedness, the v1/v2 structure), every value
// against its P-value's type, values set twice, and the rules that tie values together.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { XmlElement } from '../xml/parser';
import type { XmlAttribute } from '../xml/xmlTree';
import { didYouMean, isKnownV2OnlyAlias, lookup, optionLabel, PROFILE_NAME_PS, suggestAlias, suggestPs } from './catalogue';
import { BaseCode } from './codes';
import { Collector, type FixData, type ReplaceData } from './diagnosticCollector';
import { deleteLine } from './lineEdits';
import type { BaseConfigDocument, Setting } from './parser';
import { checkServerPaths } from './provisioningChecks';
import type { PValueEntry } from './types';
import { checkValue, closestOption, nearestAllowed, readNumber } from './values';
import { checkWriting, type MeantValue } from './valueWriting';
import type { ConfigShape } from '../../../shared/protocol/status';

export { BASE_SOURCE, type ReplaceData } from './diagnosticCollector';

const { Error: E, Warning: W, Information: I } = DiagnosticSeverity;

export function validateBaseConfig(document: TextDocument, parsed: BaseConfigDocument): Diagnostic[] {
  const out = new Collector(document);
  if (parsed.shape === 'text') checkLines(parsed, out);
  else checkXml(parsed, out);
  for (const s of parsed.settings) checkSetting(s, parsed, out);
  checkTwice(parsed.settings, parsed.text, out);
  checkRules(parsed, out);
  return out.diagnostics;
}

function checkLines(parsed: BaseConfigDocument, out: Collector): void {
  for (const m of parsed.malformed) {
    if (m.kind === 'no-equals') {
      const key = spelledP(m.text) ?? m.text;
      out.add(W, BaseCode.MalformedLine, m.span, `"${m.text}" has no "=": write ${key}= (empty) or ${key}=value. The base station probably skips this line.`, { replacement: `${key}=` });
      continue;
    }
    // `p27014 1`, `P27014: 1`: a setting with its "=" slipped is likelier than a comment.
    const slip = /^([Pp]\d+)[ \t:]/.exec(m.text);
    const key = slip ? spelledP(slip[1]) : undefined;
    const setting = key ? `${key}=${m.text.slice(slip?.[1].length).replace(/^[ \t:]+/, '')}` : undefined;
    const data: ReplaceData = setting ? { replacement: setting, alternatives: [`#${m.text}`] } : { replacement: `#${m.text}` };
    out.add(W, BaseCode.MalformedLine, m.span, `Neither a Pnnn=value line nor a # comment: the base station skips it.${setting ? ` Write ${setting}, or start a comment with "#".` : ' Start a comment with "#".'}`, data);
  }
  for (const s of parsed.settings) {
    if (s.spacedEquals) out.add(I, BaseCode.SpacesAroundEquals, { start: s.keySpan.end, end: s.valueSpan.start }, `Spaces around "=": the vendor's own template has some, but write ${s.key}=${s.value} to be sure every firmware reads it.`, { replacement: '=' });
  }
}

function checkXml(parsed: BaseConfigDocument, out: Collector): void {
  const xml = parsed.xml;
  const notWellFormed = (message: string) => `Not well-formed XML: ${message.replace(/^Not well-formed XML: /, '')} The base station rejects the whole file.`;
  for (const slip of xml?.markupSlips ?? []) out.add(E, BaseCode.NotWellFormed, slip.span, notWellFormed(slip.message), { replacement: slip.replacement });
  if (xml?.otherSyntaxError) out.add(E, BaseCode.NotWellFormed, xml.otherSyntaxError.span, notWellFormed(xml.otherSyntaxError.message));
  const root = xml?.root;
  if (!root) return;
  if (root.name !== 'gs_provision') {
    out.add(root.name === 'config' ? W : E, BaseCode.RootNotGsProvision, root.nameSpan, `The root element of a base-station XML config is <gs_provision version="1">, not <${root.name}>.`);
    if (root.name !== 'config') return;
  }
  const config = parsed.config;
  if (!config) {
    out.add(E, BaseCode.ConfigMissing, root.nameSpan, '<gs_provision> holds a <config version="1"> or <config version="2"> element; this one has none, so nothing is configured.');
    return;
  }
  for (const other of root.children.filter((c) => c !== config)) out.add(W, BaseCode.UnexpectedElement, other.nameSpan, `<${other.name}> is not part of a base-station config; only one <config> belongs in <gs_provision>.`);
  const version = config.attributes.find((a) => a.name === 'version');
  if (!version) out.add(W, BaseCode.ConfigVersion, config.nameSpan, `<config> has no version: write version="${parsed.shape === 'xml-v2' ? 2 : 1}" (${parsed.shape === 'xml-v2' ? '<item name="…"> elements' : '<Pnnn> elements'}, as read here).`);
  else if (version.value === undefined) out.add(E, BaseCode.ConfigVersion, version.span, `<config version> has no value: write version="1" (<P27762>) or version="2" (<item name="profile.1.name">).`);
  else if (version.value !== '1' && version.value !== '2') out.add(E, BaseCode.ConfigVersion, version.valueSpan ?? version.span, `<config version="${version.value}">: the base station knows version 1 (<P27762>) and 2 (<item name="profile.1.name">).`);
  const otherVersion = checkOtherVersion(config, version, parsed, out);
  for (const el of config.children) if (!otherVersion.has(el)) checkConfigChild(el, parsed, out);
}

/**
 * A version 1 config of nothing but `<item name="…">` elements (or a version 2 one of nothing but `<Pnnn>`) is one
 * mistake, not one per element: one diagnostic on the version, with the fix that switches it. Where both kinds stand,
 * each odd one out is named where it stands (checkConfigChild). Hands back the elements it spoke for.
 */
function checkOtherVersion(config: XmlElement, version: XmlAttribute | undefined, parsed: BaseConfigDocument, out: Collector): Set<XmlElement> {
  const v2 = parsed.shape === 'xml-v2';
  const isP = (c: XmlElement) => /^P\d+$/.test(c.name);
  const other = config.children.filter((c) => (v2 ? isP(c) : c.name === 'item'));
  const own = config.children.some((c) => (v2 ? c.name === 'item' : isP(c)));
  if (other.length === 0 || own || (version?.value !== '1' && version?.value !== '2')) return new Set();
  const wanted = v2 ? '1' : '2';
  const many = other.length > 1;
  const what = `${other.length} ${v2 ? '<Pnnn>' : '<item name="…">'} element${many ? 's' : ''}`;
  out.add(W, BaseCode.ConfigVersion, version.valueSpan ?? version.span, `This version ${version.value} <config> holds ${what}, which ${many ? 'are' : 'is'} version ${wanted} syntax: the base station skips ${many ? 'them' : 'it'}. Write version="${wanted}".`, { replacement: wanted });
  return new Set(other);
}

function checkConfigChild(el: XmlElement, parsed: BaseConfigDocument, out: Collector): void {
  if (parsed.shape === 'xml-v2') {
    if (el.name !== 'item') out.add(W, BaseCode.UnexpectedElement, el.nameSpan, `A version 2 <config> holds <item name="…"> elements; <${el.name}> is skipped.${/^P\d+$/.test(el.name) ? ' P-number elements belong in version="1".' : ''}`);
    else if (!el.attributes.some((a) => a.name === 'name' && a.value)) out.add(E, BaseCode.ItemWithoutName, el.nameSpan, '<item> without a name="…" attribute: the base station cannot tell what it sets.');
  } else if (el.name === 'item') out.add(W, BaseCode.UnexpectedElement, el.nameSpan, '<item name="…"> belongs in <config version="2">; a version 1 config holds <Pnnn> elements.');
  // `<p27014>` and `<P027014>` are P-numbers spelled wrong: the check of unknown keys names them with their fix.
  else if (!/^P\d+$/i.test(el.name)) {
    const entry = lookup(el.name);
    out.add(W, BaseCode.UnexpectedElement, el.nameSpan, `<${el.name}> is not a P-value${entry ? `: a version 1 config writes it <P${entry.p}>` : ''}.`, entry ? { replacement: `P${entry.p}` } : undefined);
  }
}

function checkSetting(s: Setting, parsed: BaseConfigDocument, out: Collector): void {
  const entry = s.entry;
  if (!entry) return unknownKey(s, parsed, out);
  if (parsed.shape === 'text' && !/^P\d+$/.test(s.key)) {
    out.add(W, BaseCode.AliasInText, s.keySpan, `Text config files take P-numbers: "${s.key}" is P${entry.p} (${entry.name}).`, { replacement: `P${entry.p}` });
  }
  if (s.value === '') {
    // The vendor's own templates leave mandatory values empty, so the firmware must cope: we assume it keeps the value it has.
    if (entry.mandatory) out.add(I, BaseCode.EmptyMandatory, s.valueSpan, `P${entry.p} (${entry.name}) is mandatory but empty: the base station probably keeps its current value (an assumption).${entry.default !== '' ? ` The template's value is ${entry.default}.` : ''}`, entry.default !== '' ? { replacement: entry.default } : undefined);
    return;
  }
  // A comment, quotes or a second setting written into the value are reported as such; the rest is checked.
  const meant = checkWriting(s, parsed, out);
  if (meant.value === '') return;
  const problem = checkValue(entry, meant.value, parsed.shape);
  const repairable = problem?.code === BaseCode.OutOfRange || problem?.code === BaseCode.NotInSet;
  if (problem) out.add(E, problem.code, meant.span, problem.message, repairable ? { fixes: valueFixes(entry, meant, parsed.shape, out) } : undefined);
}

/** For a value out of range or not in its set: the nearest allowed value (or the listed one meant), and the template's. */
function valueFixes(entry: PValueEntry, meant: MeantValue, shape: ConfigShape, out: Collector): FixData[] {
  const n = readNumber(meant.value, shape);
  const nearest = n === undefined ? undefined : nearestAllowed(entry, n);
  const listed = entry.type.kind === 'number' ? undefined : closestOption(entry, meant.value);
  const fixes: FixData[] = [];
  const meaning = nearest === undefined ? undefined : optionLabel(entry, String(nearest));
  if (nearest !== undefined) fixes.push(out.fix(`Set the nearest allowed value ${nearest}${meaning ? ` (${meaning})` : ''}`, [{ span: meant.span, text: String(nearest) }]));
  if (listed) fixes.push(out.fix(`Change to ${listed[0]} (${listed[1]})`, [{ span: meant.span, text: listed[0] }], true));
  const fallback = entry.default;
  if (fallback !== '' && fallback !== String(nearest) && fallback !== listed?.[0] && !checkValue(entry, fallback, shape)) {
    fixes.push(out.fix(`Set the template value ${fallback}`, [{ span: meant.span, text: fallback }]));
  }
  return fixes;
}

/** The key meant when only its spelling slipped, a small p or leading zeros (`p27014`, `P027014` → `P27014`). */
function spelledP(key: string): string | undefined {
  const spelled = /^P(\d+)$/i.exec(key);
  const entry = spelled ? lookup(`P${Number(spelled[1])}`) : undefined;
  return entry ? `P${entry.p}` : undefined;
}

function unknownKey(s: Setting, parsed: BaseConfigDocument, out: Collector): void {
  const key = spelledP(s.key);
  if (key) {
    out.add(W, BaseCode.UnknownPValue, s.keySpan, `Write ${key} (${lookup(key)?.name}): the base station reads a capital P and the number without leading zeros, and ignores "${s.key}".`, { replacement: key });
    return;
  }
  if (/^P\d+$/i.test(s.key)) {
    const suggestions = out.mayGuess() ? suggestPs(s.key) : { keys: [], clear: false };
    const { keys, clear } = suggestions;
    const [near, ...alternatives] = keys;
    const meant = didYouMean(suggestions, (k) => `${k} (${lookup(k)?.name})`);
    const data: ReplaceData | undefined = near ? { replacement: near, ...(alternatives.length > 0 && { alternatives }), ...(!clear && { unsure: true as const }) } : undefined;
    out.add(W, BaseCode.UnknownPValue, s.keySpan, `${s.key} is not a P-value of the DP75x template: the base station ignores it.${meant}`, data);
    return;
  }
  if (parsed.shape === 'xml-v2') {
    if (isKnownV2OnlyAlias(s.key)) return;
    const near = out.mayGuess() ? suggestAlias(s.key) : undefined;
    out.add(W, BaseCode.UnknownItem, s.keySpan, `"${s.key}" is not an item name of the DP75x template: the base station ignores it.${near ? ` Did you mean "${near}"?` : ''}`, near ? { replacement: near } : undefined);
  } else if (parsed.shape === 'text') {
    const near = out.mayGuess() ? suggestAlias(s.key) : undefined;
    const entry = near ? lookup(near) : undefined;
    out.add(W, BaseCode.UnknownPValue, s.keySpan, `"${s.key}" is not a P-number: text config files take Pnnn=value lines.${entry ? ` Did you mean P${entry.p} (${near})?` : ''}`, entry ? { replacement: `P${entry.p}` } : undefined);
  }
}

/** The same P-value twice: the later one wins on the base station (an assumption: it applies lines in order). */
function checkTwice(settings: readonly Setting[], text: string, out: Collector): void {
  const first = new Map<string, Setting>();
  for (const s of settings) {
    const id = s.entry ? `P${s.entry.p}` : s.key;
    const before = first.get(id);
    if (!before) {
      first.set(id, s);
      continue;
    }
    const name = s.entry ? `P${s.entry.p} (${s.entry.name})` : s.key;
    // Deleting the earlier one leaves the value the base station ends up with (the later one, as assumed above).
    const fixes = (preferred: boolean) => [out.fix('Delete the earlier line', [deleteLine(text, before.span)], preferred)];
    if (before.value === s.value) out.add(I, BaseCode.SetTwice, s.keySpan, `${name} is set twice, to the same value: one is enough.`, { fixes: fixes(true) });
    else out.add(W, BaseCode.SetTwiceDifferently, s.keySpan, `${name} is set twice with different values ("${before.value}" earlier, "${s.value}" here): the base station probably keeps the later one.`, { fixes: fixes(false) });
  }
}

function checkRules(parsed: BaseConfigDocument, out: Collector): void {
  const last = new Map<number, Setting>();
  for (const s of parsed.settings) if (s.entry) last.set(s.entry.p, s);
  checkServerPaths(parsed, last, out);
  const provisioning = last.get(27014);
  if (provisioning && provisioning.value.replace(/\.0+$/, '') === '1') {
    const path = last.get(237);
    if (!path) out.add(I, BaseCode.ProvisioningWithoutServer, provisioning.valueSpan, 'Handset provisioning is on, but this file does not set the Config Server Path (P237): the base station keeps its current one (factory: fm.grandstream.com/gs, which does not hold your handset files).');
    else if (path.value === '') out.add(W, BaseCode.ProvisioningWithoutServer, provisioning.valueSpan, 'Handset provisioning is on, but the Config Server Path (P237) is empty: the base station has nowhere to fetch handset files from (unless DHCP option 66 supplies a server).');
  }
  const names = new Map<string, number>();
  for (const p of PROFILE_NAME_PS) {
    const s = last.get(p);
    if (!s || s.value === '') continue;
    const earlier = names.get(s.value);
    if (earlier !== undefined) out.add(W, BaseCode.DuplicateProfileName, s.valueSpan, `Profile ${PROFILE_NAME_PS.indexOf(p) + 1} has the same name as profile ${earlier} ("${s.value}"): a handset file's <profile_name> could not tell them apart.`);
    else names.set(s.value, PROFILE_NAME_PS.indexOf(p) + 1);
  }
}

