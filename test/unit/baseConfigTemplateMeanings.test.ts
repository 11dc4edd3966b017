// What the vendor's templates say values mean reaches the catalogue, hover, completion and `hsconfig explain`: every
// comment form the reader knows (fixtures written here in the templates' shape), a plainer second walk of the
// comments that finds nothing the catalogue lacks, P-numbers documented twice, and our notes.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getBaseConfigService } from '../../server/src/baseConfig/baseConfigService';
import { byAlias, lookup, P_VALUES, TEMPLATE_SOURCE } from '../../server/src/baseConfig/catalogue';
import { generateCatalogue } from '../../server/src/baseConfig/generateCatalogue';
import { describeEntry } from '../../server/src/baseConfig/hover';
import { readTemplates } from '../../server/src/baseConfig/templateReader';
import type { PValueEntry } from '../../server/src/baseConfig/types';
import { checkValue } from '../../server/src/baseConfig/values';
import { fixture } from './helpers';
import { coverage, templateStatements } from './templateStatements';

const CLI = path.join(__dirname, '..', '..', '..', 'dist', 'cli.js');
const TEXT = fixture('base-config/values-template.txt');
const V2 = fixture('base-config/values-template-v2.xml');
const read = () => {
  const { entries, notes } = readTemplates(TEXT, V2);
  return { by: new Map(entries.map((e) => [e.p, e])), entries, notes: notes.map((n) => n.message).join('\n') };
};

test('the reader reads every way the template labels values', () => {
  const { by } = read();
  const options = (p: number) => by.get(p)?.options;
  assert.deepEqual(options(26023), [['0', 'Off'], ['1', 'On'], ['2', 'On/Forced']], 'a label outside the type line is kept');
  assert.deepEqual(options(26003), [['0', 'No'], ['1', 'Yes']], 'a list right after the title\'s last word');
  assert.equal(by.get(26003)?.name, 'Waiting Hint', 'the list is not part of the name');
  assert.deepEqual(options(29), [['0', 'No'], ['1', 'Yes']], 'a long explanation in brackets is dropped, a repeated list adds nothing');
  assert.deepEqual(options(26061), [['0', 'No'], ['1', 'Yes but not for REGISTER'], ['2', 'Yes for all']], 'a list in brackets');
  assert.deepEqual(options(57), [['0', 'PCMU'], ['8', 'PCMA'], ['9', 'G.722(wide band)'], ['18', 'G.729']], 'labels with dots and digits, in order');
  assert.deepEqual(options(238), [['0', 'Always check'], ['1', 'Check when the file name changes'], ['2', 'Never check']], '0=label, one a line');
  assert.deepEqual(options(27766), [['0', 'Everything'], ['3', 'Settings Only']], 'a label ends at its colon');
  assert.deepEqual(options(8402), [['0', 'UDP'], ['1', 'SSL/TLS']], 'a list in brackets ends at "Default is"');
  assert.deepEqual(options(4300), [['0', 'None'], ['1', 'Account 1'], ['2', 'Account 2'], ['3', 'Account 3']], 'a range according with names');
  assert.deepEqual(options(4301), options(4300), 'every P-value of a block');
  assert.deepEqual(options(32001), [['0', 'Account 1'], ['1', 'Account 2'], ['2', 'Account 3']], 'values that stand for a range of names');
  assert.deepEqual(options(30700), [['0', 'Off'], ...[1, 2, 3, 4].map((n) => [String(n), `Custom tone ${n}`])], 'a range that means a numbered name');
  assert.deepEqual(options(64), [['TZA+12', 'GMT-12:00'], ['TZf+4:30', 'GMT-04:30'], ['TZN+0', 'GMT'], ['customize', 'Self-Defined Time Zone']], 'the web page\'s drop-down list');
  assert.deepEqual(by.get(64)?.type, { kind: 'string', maxLength: 9 }, 'with its "Category: string Max Length" rule');
  assert.deepEqual(options(2363), [['0', '6.3kbps rate'], ['1', '5.3kbps rate'], ['2', '4.1kbps rate']], 'labels starting with a number; the v2 template adds one');
});

test('labels give a type only when the template left it open and its own value is one of them', () => {
  const { by, notes } = read();
  assert.deepEqual(by.get(2324)?.type, { kind: 'number', intervals: [[0, 0], [1, 1], [2, 2]] });
  assert.deepEqual(by.get(27040)?.type, { kind: 'any' }, 'the template writes Book1 where the labels say 1: the type stays open');
  assert.deepEqual(by.get(27040)?.options, [['1', 'Book1'], ['2', 'Book2']]);
  assert.deepEqual(by.get(26023)?.type, { kind: 'number', intervals: [[0, 0], [2, 2]] }, 'a stated type is kept (the correction decides)');
  assert.match(notes, /P26023: labels for values its type leaves out \(1\)/);
  assert.match(notes, /P2324: values taken from the labels \(0, 1, 2\)/);
});

test('"Choice 2." and "… Rule 2." blocks take the list of the block that says "Choice 1." or "Rule 1."', () => {
  const { by } = read();
  assert.equal(by.get(58)?.name, 'Preferred Codec, choice 2');
  assert.deepEqual(by.get(58)?.options, by.get(57)?.options);
  assert.deepEqual(by.get(58)?.type, by.get(57)?.type);
  assert.equal(by.get(1491)?.name, 'Tone for Rule 2', 'a name that says more than the number is kept');
  assert.deepEqual(by.get(1491)?.options, [['0', 'System Tone'], ['1', 'Handset Tone 1'], ['2', 'Handset Tone 2']]);
});

test('a P-number given twice: the same description merges, another becomes a second meaning', () => {
  const { by, notes } = read();
  assert.deepEqual(by.get(27002)?.type, { kind: 'number', intervals: [[0, 0], [1, 1], [2, 2]] }, 'option 2 added the second time');
  assert.deepEqual(by.get(27002)?.options, [['0', 'XML'], ['1', 'LDAP'], ['2', 'XSI']]);
  assert.equal(by.get(27002)?.also, undefined);
  assert.deepEqual(by.get(1591)?.also, [{ name: 'Server Port', type: { kind: 'number', intervals: [[1, 65535]] }, default: '80' }]);
  assert.equal(by.get(1591)?.default, '', 'the first meaning keeps its place');
  assert.match(notes, /P1591 appears again .*as "Server Port": kept as a second meaning/);
  assert.match(notes, /P27002 appears again .*the same description: its values and labels are merged/);
});

test('a v2 item that differs from the text template gets a note with the text template\'s value', () => {
  const { by } = read();
  assert.equal(by.get(27014)?.note, 'The v2 template leaves provisioning.handset.enable empty; the text template sets `0`.');
  assert.equal(by.get(64)?.note, 'The v2 template sets `TZN+0`, the text template `customize`.');
  assert.equal(by.get(2363)?.note, undefined, 'v2 writes 0.0 for 0: the same value');
});

test('a second, plainer walk of the fixture templates finds nothing the generated catalogue lacks', () => {
  const { entries } = generateCatalogue({ name: 'values-template.txt', text: TEXT }, { name: 'values-template-v2.xml', text: V2 }, { corrections: [], notes: [] });
  const aliases = new Map(entries.flatMap((e) => (e.alias ? [[e.alias, e.p] as const] : [])));
  const statements = templateStatements(TEXT, V2, (alias) => aliases.get(alias));
  const held = coverage(statements, entries);
  assert.deepEqual(held.missing, []);
  assert.ok(held.listsStated >= 15 && held.meaningsStated >= 50, JSON.stringify(held));
  assert.ok(statements.meanings.get(2363)?.has('2'), 'the walk reads the v2 comments too');
  // The walk does see what a catalogue leaves out.
  const without = entries.map((e) => (e.p === 238 ? { ...e, options: e.options?.slice(1) } : e.p === 64 ? { ...e, type: { kind: 'any' as const }, options: undefined } : e));
  assert.deepEqual([...coverage(statements, without).missing].sort(), ['P238: 0', 'P64: TZA+12', 'P64: TZN+0', 'P64: TZf+4:30', 'P64: customize', 'P64: list'].sort());
});

const templates = process.env.HSCONFIG_DP75X_TEMPLATES;

test('the vendor templates state no value list or meaning the committed catalogue lacks (needs HSCONFIG_DP75X_TEMPLATES)', { skip: templates ? false : 'HSCONFIG_DP75X_TEMPLATES is not set (the templates have no licence and are not in this repository)' }, (t) => {
  const text = path.join(templates as string, TEMPLATE_SOURCE.text.name);
  const v2 = path.join(templates as string, TEMPLATE_SOURCE.v2?.name ?? '');
  for (const file of [text, v2]) assert.ok(existsSync(file), `${file} exists`);
  const statements = templateStatements(readFileSync(text, 'utf8'), readFileSync(v2, 'utf8'), (alias) => byAlias(alias)?.p);
  const held = coverage(statements, P_VALUES);
  t.diagnostic(`value lists: ${held.listsHeld} of ${held.listsStated} held; value meanings: ${held.meaningsHeld} of ${held.meaningsStated} held`);
  assert.deepEqual(held.missing, []);
});

test('the committed catalogue: the time zones, P26023\'s 1, both meanings of P1591, P238 and P4300 labelled, the notes', () => {
  const entry = (key: string) => lookup(key) as PValueEntry;
  const p64 = entry('P64');
  assert.deepEqual(p64.type, { kind: 'string', maxLength: 9 });
  assert.equal(p64.options?.length, 33);
  assert.deepEqual(p64.options?.[0], ['TZA+12', 'GMT-12:00']);
  assert.deepEqual(p64.options?.at(-1), ['customize', 'Self-Defined Time Zone']);
  assert.deepEqual(entry('P26023').options?.map(([v]) => v), ['0', '1', '2']);
  assert.deepEqual(entry('P1591').also, [{ name: 'XSI Port', type: { kind: 'number', intervals: [[1, 65535]] }, default: '80' }]);
  assert.deepEqual(entry('P238').options?.map(([v]) => v), ['0', '1', '2']);
  assert.deepEqual(entry('P4300').options?.slice(0, 2), [['0', 'None'], ['1', 'Account 1']]);
  assert.match(entry('P237').note ?? '', /without `http:\/\/`.*handset provisioning guide/);
  assert.match(entry('P27014').note ?? '', /The v2 template leaves provisioning\.handset\.enable empty; the text template sets `0`\./);
  for (const e of P_VALUES) {
    const type = e.type;
    if (type.kind !== 'number' || !type.intervals) continue;
    // A label outside the type would be offered by completion and then rejected.
    const outside = (e.options ?? []).filter(([v]) => !type.intervals?.some(([lo, hi]) => Number(v) >= lo && Number(v) <= hi));
    assert.deepEqual(outside, [], `P${e.p}'s labels lie within its type`);
  }
});

test('a value fits a P-number documented twice when it fits either meaning; the message names both when neither', () => {
  assert.equal(checkValue(lookup('P1591') as PValueEntry, 'https://xsi.example.com', 'text'), undefined);
  assert.equal(checkValue(lookup('P1591') as PValueEntry, '8080', 'text'), undefined);
  const { by } = read();
  const twice = by.get(27825) as PValueEntry;
  assert.deepEqual(twice.type, { kind: 'number', intervals: [[0, 59]] }, 'a range on a line of its own');
  assert.equal(checkValue(twice, '45', 'text'), undefined, 'a minute');
  assert.equal(checkValue(twice, '20', 'text'), undefined, 'a day');
  const both = checkValue(twice, '70', 'text');
  assert.equal(both?.code, 'value-out-of-range');
  assert.match(both?.message ?? '', /^P27825 \(Stop Minute\) takes 0–59; 70 is out of range\. The template also documents P27825 as Day, which does not take it either\.$/);
});

test('a range with a few labelled values says its range when a value is outside it, not the labels as the only choices', () => {
  const weekday = lookup('P20723') as PValueEntry;
  assert.ok((weekday.options?.length ?? 0) > 0 && weekday.options?.length !== 7, 'some days are labelled');
  assert.match(checkValue(weekday, '9', 'text')?.message ?? '', /takes 0–6; 9 is out of range/);
  assert.match(checkValue(lookup('P238') as PValueEntry, '5', 'text')?.message ?? '', /takes 0 \(Always Check for New Firmware\), 1 \(.*\), 2 \(Always Skip the Firmware Check\); 5 is not one of them/);
});

const docOf = (text: string) => TextDocument.create('file:///work/base.txt', 'hsconfig-base', 1, text);
const hoverAt = (text: string, needle: string, delta = 1) => {
  const document = docOf(text);
  return (getBaseConfigService().doHover(document, document.positionAt(text.indexOf(needle) + delta))?.contents as { value: string }).value;
};

test('hover shows every meaning and value label, the second meaning and the note', () => {
  const text = 'P1591=80\nP64=TZf+4:30\nP237=prov.example.com/dect\nP4300=3\n';
  const xsi = hoverAt(text, 'P1591');
  assert.match(xsi, /\*\*P1591 — XSI Server\*\*/);
  assert.match(xsi, /- Also documented as \*\*XSI Port\*\*: number: 1–65535; template value `80`/);
  assert.match(xsi, /- Note: The template documents P1591 twice/);
  assert.match(hoverAt(text, 'TZf+4:30'), /^`TZf\+4:30` — GMT-04:30/);
  assert.match(hoverAt(text, 'P64'), /- Values:\n {2}- `TZA\+12` GMT-12:00\n/);
  assert.match(hoverAt(text, 'P237'), /- Note: Write the host and path only, without `http:\/\/`/);
  assert.match(hoverAt(text, '=3', 1), /^`3` — Account 3/);
});

test('completion documents the second meaning and the note, and offers every meaning\'s values', () => {
  const service = getBaseConfigService();
  const keys = (text: string) => service.doComplete(docOf(text), docOf(text).positionAt(text.length)).items;
  const xsi = keys('P159').find((i) => i.label === 'P1591');
  assert.match(String(xsi?.documentation), /Also documented as XSI Port: number: 1–65535/);
  assert.match(String(xsi?.documentation), /The template documents P1591 twice/);
  const values = (text: string) => keys(text).map((i) => [i.label, i.labelDetails?.description]);
  assert.deepEqual(values('P1591='), [['80', 'the template value as XSI Port']]);
  const zones = values('P64=');
  assert.equal(zones.length, 33);
  assert.deepEqual(zones.find(([v]) => v === 'TZN+0'), ['TZN+0', 'GMT']);
  assert.deepEqual(values('P26023=').map(([v]) => v), ['0', '1', '2']);
});

test('hsconfig explain prints the labels, the second meaning and the note', () => {
  const r = spawnSync(process.execPath, [CLI, 'explain', 'P1591', 'P238'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /- Also documented as XSI Port: number: 1–65535; template value 80/);
  assert.match(r.stdout, /- Values: 0 Always Check for New Firmware, 1 Check New Firmware only when F\/W pre\/suffix changes, 2 Always Skip the Firmware Check/);
  assert.deepEqual(describeEntry(lookup('P238') as PValueEntry).filter((l) => l.startsWith('- Note:')), ['- Note: The v2 template leaves upgrade.check_condition empty; the text template sets `0`.']);
});
