// The base-station P-value catalogue: the committed file is intact and holds the template's facts; the generator
// reads every quirk of the template's shape (fixtures written here, in the template's shape, with its mistakes).

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { lookup, P_VALUES, TEMPLATE_SOURCE } from '../../server/src/baseConfig/catalogue';
import { entriesHash, generateCatalogue } from '../../server/src/baseConfig/generateCatalogue';
import { readTemplates } from '../../server/src/baseConfig/templateReader';
import { checkValue } from '../../server/src/baseConfig/values';
import { FIXTURES, fixture } from './helpers';

const REPO = path.join(__dirname, '..', '..', '..');

test('the committed catalogue is what its generator wrote: its entries match the recorded hash', () => {
  assert.equal(entriesHash(P_VALUES), TEMPLATE_SOURCE.entriesSha256);
  assert.match(TEMPLATE_SOURCE.text.sha256, /^[0-9a-f]{64}$/);
});

test('the catalogue has each P-number and each alias once, a section and a name for each', () => {
  assert.ok(P_VALUES.length > 950, `${P_VALUES.length} P-values`);
  assert.equal(new Set(P_VALUES.map((e) => e.p)).size, P_VALUES.length);
  const aliases = P_VALUES.flatMap((e) => (e.alias ? [e.alias] : []));
  assert.equal(new Set(aliases).size, aliases.length);
  assert.ok(aliases.length > 850, `${aliases.length} aliases`);
  for (const e of P_VALUES) {
    assert.ok(e.section !== '', `P${e.p} has a section`);
    assert.ok(e.name !== '' && e.name.length <= 80, `P${e.p} has a short name: "${e.name}"`);
  }
});

test('every default the template sets is a value its own type allows', () => {
  const wrong = P_VALUES.filter((e) => !e.commented && checkValue(e, e.default, 'text'));
  assert.deepEqual(wrong.map((e) => `P${e.p}=${e.default}: ${checkValue(e, e.default, 'text')?.message}`), []);
});

test('facts the product relies on are in the catalogue (facts.md)', () => {
  const name = lookup('P27762');
  assert.equal(name?.alias, 'profile.1.name');
  assert.deepEqual(name?.type, { kind: 'string', maxLength: 32 });
  assert.equal(lookup('profile.1.name'), name);
  const provisioning = lookup('P27014');
  assert.equal(provisioning?.reboot, true);
  assert.equal(provisioning?.default, '0');
  assert.deepEqual(lookup('P1359')?.type, { kind: 'string', maxLength: 40, charset: 'printable' });
  assert.deepEqual(lookup('P27080')?.type, { kind: 'number', intervals: [[1, 5], [101, 104]] });
  assert.equal(lookup('P4250')?.alias, 'handset.4.line.1.sip.account');
  assert.equal(lookup('P27016')?.name, 'Handset Config File Postfix', 'the corrected title');
  assert.deepEqual(lookup('P26023')?.type, { kind: 'number', intervals: [[0, 2]] }, 'the corrected set');
});

test('the committed catalogue copies no sentence: names are short and nothing else holds prose', () => {
  const source = readFileSync(path.join(REPO, 'server', 'src', 'baseConfig', 'pValues.generated.ts'), 'utf8');
  assert.ok(!/Used to identify profile uniquely/.test(source));
  for (const e of P_VALUES) assert.ok(e.name.split(' ').length <= 9, `P${e.p}: "${e.name}"`);
});

test('the generator reads the template quirks: no "#", spaces around "=", a stray "P" in an alias, a range from labels', () => {
  const { entries, notes, v2Only } = readTemplates(fixture('base-config/quirks-template.txt'), fixture('base-config/quirks-template-v2.xml'));
  const by = new Map(entries.map((e) => [e.p, e]));
  assert.equal(by.get(5046)?.name, 'Timer Value', 'a title without its "#" still names the P-value');
  assert.deepEqual(by.get(5046)?.type, { kind: 'number', intervals: [[1, 64800]] });
  assert.equal(by.get(5046)?.default, '40', 'P5046 = 40 is read despite the spaces');
  assert.equal(by.get(20501)?.alias, 'profile.1.random_port');
  assert.deepEqual(by.get(27740)?.type, { kind: 'number', intervals: [[0, 0], [1, 1]] });
  assert.equal(by.get(27740)?.reboot, true);
  assert.deepEqual(by.get(1000)?.type, { kind: 'number', intervals: [[162, 162], [1025, 65535]] });
  assert.deepEqual(by.get(1359)?.type, { kind: 'string', maxLength: 40, charset: 'printable' });
  assert.equal(by.get(1591)?.default, '', 'the first of a P-number given twice is kept');
  assert.equal(by.get(2972)?.name, 'Extra Label', 'a "##label" inside a block is a label, not a section');
  assert.equal(by.get(2972)?.section, 'Maintenance/Things');
  assert.equal(by.get(9)?.commented, true);
  assert.equal(by.get(27762)?.alias, 'profile.1.name', 'paired with the v2 item by its description');
  assert.deepEqual(v2Only, ['maintenance.unpaired']);
  const said = notes.map((n) => n.message).join('\n');
  for (const expected of ['comment without "#"', 'P5046: spaces around "="', 'stray leading "P"', 'could not read the numbers in "4 digit number"', 'P1591 appears again', 'P2972 has no "="', 'profile.1.timer" has no description']) {
    assert.ok(said.includes(expected), `a note says ${expected}:\n${said}`);
  }
});

test('a correction that no longer matches the template stops the generator', () => {
  const text = fixture('base-config/quirks-template.txt').replace('#Number: 0, 2; 0 - Off', '#Number: 0 to 2; 0 - Off');
  assert.throws(() => generateCatalogue({ name: 'quirks.txt', text }), /Correction for P26023 no longer matches/);
});

const templates = process.env.HSCONFIG_DP75X_TEMPLATES;
test('the committed catalogue is what the vendor templates generate today (needs HSCONFIG_DP75X_TEMPLATES)', { skip: templates ? false : 'HSCONFIG_DP75X_TEMPLATES is not set' }, () => {
  const dir = templates as string;
  const text = path.join(dir, `dp75x_config_${TEMPLATE_SOURCE.firmware}.txt`);
  const v2 = path.join(dir, `dp75x_config_v2_${TEMPLATE_SOURCE.firmware}.xml`);
  assert.ok(existsSync(text), `${text} exists`);
  const generated = generateCatalogue({ name: path.basename(text), text: readFileSync(text, 'utf8') }, existsSync(v2) ? { name: path.basename(v2), text: readFileSync(v2, 'utf8') } : undefined);
  assert.equal(readFileSync(path.join(REPO, 'server', 'src', 'baseConfig', 'pValues.generated.ts'), 'utf8'), generated.source, 'regenerate: node scripts/generate-base-catalogue.mjs');
});

void FIXTURES;
