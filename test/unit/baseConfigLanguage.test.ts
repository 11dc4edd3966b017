// The base-station config language: clean files in each shape load clean; each kind of mistake gets its code on the
// text it is about; hover, completion, outline and quick fixes read the catalogue.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { getBaseConfigService } from '../../server/src/baseConfig/baseConfigService';
import { isBaseConfigText } from '../../shared/detect/language';
import { fixture } from './helpers';

const OFFICE = fixture('base-config/quirks-office.txt');
const V2 = fixture('base-config/quirks-office-v2.xml');
const V1 = fixture('base-config/quirks-office-v1.xml');

const docOf = (text: string, uri = 'file:///work/base.txt') => TextDocument.create(uri, 'hsconfig-base', 1, text);
const check = (text: string) => getBaseConfigService().doValidation(docOf(text));
const covered = (text: string, d: Diagnostic) => {
  const t = docOf(text);
  return text.slice(t.offsetAt(d.range.start), t.offsetAt(d.range.end));
};
/** [code, covered text] of every diagnostic. */
const found = (text: string) => check(text).map((d) => [String(d.code), covered(text, d)]);

test('clean base-station configs load clean in every shape: text, XML v1, XML v2', () => {
  assert.deepEqual(found(OFFICE), []);
  assert.deepEqual(found(V1), []);
  assert.deepEqual(found(V2), [], 'v2 numbers written 40.0, and a v2 name the template has without a P-number, are fine');
});

const mutations: [string, (t: string) => string, string, string][] = [
  ['unknown P-number, with did you mean', (t) => t.replace('P27014=1', 'P27104=1'), 'unknown-p-value', 'P27104'],
  ['an alias in a text file', (t) => t.replace('P47=', 'profile.1.sip.server.1.address='), 'alias-in-text', 'profile.1.sip.server.1.address'],
  ['a number out of range', (t) => t.replace('P27080=101', 'P27080=105'), 'value-out-of-range', '105'],
  ['a value not in the set', (t) => t.replace('P271=1', 'P271=2'), 'value-not-in-set', '2'],
  ['not a number', (t) => t.replace('P212=1', 'P212=http'), 'not-a-number', 'http'],
  ['a profile name too long', (t) => t.replace('P27762=office', `P27762=${'x'.repeat(33)}`), 'value-too-long', 'x'.repeat(33)],
  ['a password with a space (P1359)', (t) => t.replace('P1359=S3cret!pass', 'P1359=two words'), 'invalid-characters', 'two words'],
  ['a password over 40 characters (P1359)', (t) => t.replace('P1359=S3cret!pass', `P1359=${'p'.repeat(41)}`), 'value-too-long', 'p'.repeat(41)],
  ['an empty mandatory value', (t) => t.replace('P271=1', 'P271='), 'empty-mandatory', ''],
  ['set twice, same value', (t) => `${t}P212=1\n`, 'set-twice', 'P212'],
  ['set twice, different values', (t) => `${t}P212=2\n`, 'set-twice-differently', 'P212'],
  ['a line that is no setting', (t) => t.replace('# Profile 1 on', 'Profile 1 on'), 'malformed-line', 'Profile 1 on'],
  ['a P-number without "="', (t) => t.replace('P4150=0', 'P4150'), 'malformed-line', 'P4150'],
  ['spaces around "="', (t) => t.replace('P4150=0', 'P4150 = 0'), 'spaces-around-equals', ' = '],
  ['provisioning on, server path empty', (t) => t.replace('P237=provisioning.example.com/dect', 'P237='), 'provisioning-without-server', '1'],
  ['provisioning on, server path not set', (t) => t.replace('P237=provisioning.example.com/dect\n', ''), 'provisioning-without-server', '1'],
  ['a profile name used twice', (t) => t.replace('P27763=branch', 'P27763=office'), 'duplicate-profile-name', 'office'],
];

for (const [what, mutate, code, text] of mutations) {
  test(`text config: ${what} → ${code} on "${text}"`, () => {
    const mutated = mutate(OFFICE);
    assert.notEqual(mutated, OFFICE, 'the mutation applies');
    assert.deepEqual(found(mutated), [[code, text]]);
  });
}

test('did you mean: by number for a P-number, by name for an item', () => {
  const p = check(OFFICE.replace('P27014=1', 'P27104=1'))[0];
  assert.match(String(p?.message), /Did you mean P27014 \(Enable Handset Config Upgrade\)\?/);
  const item = check(V2.replace('profile.1.name"', 'profile.1.nmae"'))[0];
  assert.equal(item.code, 'unknown-item');
  assert.match(String(item?.message), /Did you mean "profile\.1\.name"\?/);
});

/** The quick fixes for the unknown P-value `typed` in place of `P27014` in the office config: [title, preferred]. */
function fixesFor(typed: string): [string, boolean][] {
  const document = docOf(OFFICE.replace('P27014=1', `${typed}=1`));
  const d = getBaseConfigService().doValidation(document).find((x) => x.code === 'unknown-p-value');
  assert.ok(d, `${typed} is reported`);
  return getBaseConfigService().doCodeActions(document, d.range, [d]).map((a) => [a.title, a.isPreferred === true]);
}

test('did you mean ranks a swap of two digits first, offers up to three, and prefers one only when it is clearly likelier (issue 25)', () => {
  // Two digits swapped: P27762 (Account 1's profile name) before P27682, a one-digit change numerically closer.
  const swapped = fixesFor('P27672');
  assert.deepEqual(swapped[0], ['Change to P27762', true]);
  assert.ok(swapped.length > 1 && swapped.length <= 3 && swapped.slice(1).every(([, preferred]) => !preferred), JSON.stringify(swapped));
  assert.ok(swapped.some(([title]) => title === 'Change to P27682'), 'the one-digit change is offered too');
  // Three one-digit changes, none likelier than the others: all offered, none preferred.
  const even = fixesFor('P4160');
  assert.deepEqual(even, [['Change to P4150', false], ['Change to P4180', false], ['Change to P4120', false]]);
  const message = String(check(OFFICE.replace('P27014=1', 'P4160=1')).find((x) => x.code === 'unknown-p-value')?.message);
  assert.match(message, /Did you mean P4150 \(.*\) or P4180 \(.*\) or P4120 \(.*\)\?$/);
});

const xmlMutations: [string, string, (t: string) => string, string, string][] = [
  ['v2', 'not well-formed (an unclosed tag)', (t) => t.replace('<item name="profile.1.name">office</item>', '<item name="profile.1.name">office'), 'xml-not-well-formed', ''],
  ['v1', 'an unclosed <P27762>', (t) => t.replace('<P27762>office</P27762>', '<P27762>office'), 'xml-not-well-formed', ''],
  ['v2', 'set twice with different values', (t) => t.replace('  </config>', '    <item name="profile.1.name">other</item>\n  </config>'), 'set-twice-differently', 'profile.1.name'],
  ['v2', 'an <item> without a name', (t) => t.replace('<item name="profile.1.enable">', '<item>').replace('1</item>\n    <item name="profile.1.name">', '1</item>\n    <item name="profile.1.name">'), 'item-without-name', 'item'],
  ['v2', 'a P-number element in version 2', (t) => t.replace('  </config>', '    <P271>1</P271>\n  </config>'), 'unexpected-element-base', 'P271'],
  ['v1', 'an item in version 1', (t) => t.replace('  </config>', '    <item name="profile.1.name">x</item>\n  </config>'), 'unexpected-element-base', 'item'],
  ['v1', 'an alias element in version 1', (t) => t.replace('<P271>1</P271>', '<profile.1.enable>1</profile.1.enable>'), 'unexpected-element-base', 'profile.1.enable'],
  ['v1', 'an unknown version', (t) => t.replace('<config version="1">', '<config version="3">'), 'config-version', '3'],
  ['v1', 'no <config>', (t) => t.replace(/<config[\s\S]*<\/config>/, ''), 'config-missing', 'gs_provision'],
  ['v1', 'another root', (t) => t.replace(/gs_provision/g, 'provision'), 'root-not-gs-provision', 'provision'],
  ['v2', 'a v2 number out of range', (t) => t.replace('sip_dscp">40.0', 'sip_dscp">x'), 'not-a-number', 'x'],
  ['v2', 'a v2 value not in the set', (t) => t.replace('"provisioning.handset.enable">1', '"provisioning.handset.enable">7'), 'value-not-in-set', '7'],
];

for (const [shape, what, mutate, code, text] of xmlMutations) {
  test(`XML ${shape}: ${what} → ${code}`, () => {
    const base = shape === 'v2' ? V2 : V1;
    const mutated = mutate(base);
    assert.notEqual(mutated, base, 'the mutation applies');
    const got = found(mutated).filter(([c]) => c === code);
    assert.equal(got.length, 1, JSON.stringify(found(mutated)));
    if (text) assert.equal(got[0][1], text);
  });
}

test('hover on a P-number tells its name, section, type, template value, alias and slot', () => {
  const document = docOf(OFFICE);
  const at = OFFICE.indexOf('P27763') + 2;
  const hover = getBaseConfigService().doHover(document, document.positionAt(at));
  const text = (hover?.contents as { value: string }).value;
  assert.match(text, /\*\*P27763 — Profile Name\*\* · v2 `profile\.2\.name`/);
  assert.match(text, /Section: Profile 2\/General Settings/);
  assert.match(text, /at most 32 characters/);
  assert.match(text, /Template value: `profile2`/);
  assert.match(text, /Configures profile 2/);
});

test('hover on a value tells what it means; on P27014 that it needs a reboot', () => {
  const document = docOf(OFFICE);
  const hover = getBaseConfigService().doHover(document, document.positionAt(OFFICE.indexOf('P27014=1') + 7));
  const text = (hover?.contents as { value: string }).value;
  assert.match(text, /^`1` — Yes/);
  assert.match(text, /Takes effect after a reboot/);
});

test('completion: P-numbers found by number, alias and name words; values with their meaning', () => {
  const service = getBaseConfigService();
  const text = `${OFFICE}P2776`;
  const document = docOf(text);
  const items = service.doComplete(document, document.positionAt(text.length)).items;
  const name = items.find((i) => i.label === 'P27762');
  assert.equal(name?.detail, 'P27762 — Profile Name (profile 1) · profile.1.name');
  assert.equal(items.find((i) => i.label === 'P27763')?.labelDetails?.description, 'Profile Name (profile 2)');
  assert.match(name?.filterText ?? '', /profile\.1\.name Profile Name \(profile 1\)/);
  assert.equal((name?.textEdit as { newText: string }).newText, 'P27762=');
  const valueText = OFFICE.replace('P212=1', 'P212=');
  const valueDoc = docOf(valueText);
  const values = service.doComplete(valueDoc, valueDoc.positionAt(valueText.indexOf('P212=') + 5)).items;
  assert.deepEqual(values.map((v) => `${v.label} ${v.labelDetails?.description}`), ['0 TFTP Upgrade', '1 HTTP Upgrade', '2 HTTPS Upgrade']);
  assert.equal(values.find((v) => v.sortText === '0')?.label, '1', 'the template value first');
});

test('completion of v2 item names by alias', () => {
  const text = V2.replace('  </config>', '    <item name="provisioning.handset.f\n  </config>');
  const document = docOf(text, 'file:///work/base.xml');
  const at = text.indexOf('handset.f') + 'handset.f'.length;
  const labels = getBaseConfigService().doComplete(document, document.positionAt(at)).items.map((i) => i.label);
  assert.ok(labels.includes('provisioning.handset.file_prefix'));
});

test('outline by section: the text headings hold their settings', () => {
  const symbols = getBaseConfigService().findDocumentSymbols(docOf(OFFICE));
  assert.deepEqual(symbols.map((s) => `${s.name}: ${(s.children ?? []).map((c) => c.name).join(' ')}`), [
    'Profile 1/General Settings: P271 P27762 P27763 P47',
    'DECT/SIP Account Settings: P4060 P4150 P27080',
    'Maintenance/Provisioning: P212 P237 P145 P1414 P27014 P27015 P1359',
  ]);
  const folds = getBaseConfigService().getFoldingRanges(docOf(OFFICE));
  assert.equal(folds.length, 3);
});

test('quick fixes: the suggested P-number, the template value, a comment for a stray line', () => {
  const service = getBaseConfigService();
  const fix = (text: string) => {
    const document = docOf(text);
    const diagnostics = service.doValidation(document).map((d) => ({ ...d, data: undefined }));
    const actions = service.doCodeActions(document, diagnostics[0].range, diagnostics);
    const edits = actions[0].edit?.changes?.[document.uri] ?? [];
    return { title: actions[0].title, text: TextDocument.applyEdits(document, edits) };
  };
  assert.deepEqual(fix(OFFICE.replace('P27014=1', 'P27104=1')), { title: 'Change to P27014', text: OFFICE });
  assert.deepEqual(fix(OFFICE.replace('P271=1', 'P271=')), { title: 'Set the template value 1', text: OFFICE });
  assert.deepEqual(fix(OFFICE.replace('# Profile 1 on', 'Profile 1 on')), { title: 'Make it a comment', text: OFFICE.replace('# Profile 1 on', '#Profile 1 on') });
});

test('detection: base-station configs yes; handset files, ordinary text and XML no', () => {
  assert.ok(isBaseConfigText(OFFICE));
  assert.ok(isBaseConfigText(V2));
  assert.ok(isBaseConfigText(V1));
  assert.ok(!isBaseConfigText('<?xml version="1.0"?>\n<hs_config><ipei>02c332b510</ipei></hs_config>'));
  assert.ok(!isBaseConfigText('Shopping list\nP1=milk is not how notes look\nbread\neggs\n'));
  assert.ok(!isBaseConfigText('<project><name>x</name></project>'));
  assert.ok(!isBaseConfigText('# only comments\n# here\n'));
});

test('detection: a one-line config, and a short one with a slip in it, are configs (so the slip is named)', () => {
  for (const text of ['P27762=Office', 'P27762=Office\n', '\uFEFFP1=2\r\n', 'P27762=Office\nP27014 1\n', 'P27762=Office\np27014=1\n', '# DP750\nP27762 = Office\nP27014\n']) {
    assert.ok(isBaseConfigText(text), JSON.stringify(text));
  }
  for (const text of ['P27762 Office', 'p27762=x\n', 'Notes\nP1=2\nthat is all\n', 'P1=2\n\tsee above\nand here\n']) assert.ok(!isBaseConfigText(text), JSON.stringify(text));
});

test('hover tells the slot: account 3, handset 4 line 2 (its irregular P-number)', () => {
  const text = 'P4062=300\nP4251=3\n';
  const document = docOf(text);
  const hoverText = (needle: string) => ((getBaseConfigService().doHover(document, document.positionAt(text.indexOf(needle) + 1))?.contents as { value: string }).value);
  assert.match(hoverText('P4062'), /Configures account 3/);
  assert.match(hoverText('P4251'), /Configures handset 4, line 2/);
});

test('completion of P-number elements in an XML v1 file', () => {
  const text = V1.replace('  </config>', '    <P2776\n  </config>');
  const document = docOf(text, 'file:///work/base.xml');
  const items = getBaseConfigService().doComplete(document, document.positionAt(text.lastIndexOf('<P2776') + 6)).items;
  const name = items.find((i) => i.label === 'P27762');
  assert.equal((name?.textEdit as { newText: string }).newText, 'P27762>${1:profile1}</P27762>');
});

test('completing a typed P-number prefix replaces the prefix: P277 becomes P27762=, not P277P27762= (issue 27, seeded bug)', () => {
  const text = `${OFFICE}P277`;
  const document = docOf(text);
  const item = getBaseConfigService().doComplete(document, document.positionAt(text.length)).items.find((i) => i.label === 'P27762');
  assert.ok(item?.textEdit && 'range' in item.textEdit);
  assert.equal(TextDocument.applyEdits(document, [item.textEdit as TextEdit]), `${OFFICE}P27762=`);
});
