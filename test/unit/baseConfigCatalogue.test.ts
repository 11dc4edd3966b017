// The base-station P-value catalogue: the committed file is intact and holds the template's facts; the generator
// reads every quirk of the template's shape (fixtures written here, in the template's shape, with its mistakes).

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
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

test('the recorded template hashes are those of the generator input files, as sha256sum prints them (committed fixtures)', () => {
  // The vendor's templates are not in the repository; the fixtures written in their shape are. Generating from them
  // shows what TEMPLATE_SOURCE records: each input file's name and the SHA-256 of its bytes, so the committed
  // catalogue's hashes identify the downloaded templates it came from (compare with `sha256sum` on them).
  const input = (name: string) => ({ name, bytes: readFileSync(path.join(FIXTURES, 'base-config', name)) });
  const text = input('quirks-template.txt');
  const v2 = input('quirks-template-v2.xml');
  const generated = generateCatalogue({ name: text.name, text: text.bytes.toString('utf8') }, { name: v2.name, text: v2.bytes.toString('utf8') }, { corrections: [], notes: [] });
  const recorded = /text: \{ name: "([^"]+)", sha256: "([0-9a-f]{64})" \},\n {2}v2: \{ name: "([^"]+)", sha256: "([0-9a-f]{64})" \}/.exec(generated.source);
  assert.ok(recorded, generated.source.slice(0, 800));
  assert.deepEqual(recorded.slice(1), [text.name, bytesSha256(text.bytes), v2.name, bytesSha256(v2.bytes)]);
  assert.match(generated.source, /firmware: "9\.9\.9\.9"/, 'the firmware is read from the template it names');
  // The committed catalogue records the vendor's files by the names the firmware gives them, each with a hash.
  assert.equal(TEMPLATE_SOURCE.text.name, `dp75x_config_${TEMPLATE_SOURCE.firmware}.txt`);
  assert.equal(TEMPLATE_SOURCE.v2?.name, `dp75x_config_v2_${TEMPLATE_SOURCE.firmware}.xml`);
  assert.match(TEMPLATE_SOURCE.v2?.sha256 ?? '', /^[0-9a-f]{64}$/);
  assert.notEqual(TEMPLATE_SOURCE.text.sha256, TEMPLATE_SOURCE.v2?.sha256);
});

const bytesSha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const templates = process.env.HSCONFIG_DP75X_TEMPLATES;
const TEMPLATE_NAMES = `${TEMPLATE_SOURCE.text.name} and ${TEMPLATE_SOURCE.v2?.name}`;
/** Why the staleness check was skipped, and the exact commands that run it. */
const HOW_TO_RUN =
  `HSCONFIG_DP75X_TEMPLATES is not set. The vendor's templates (${TEMPLATE_NAMES}) have no licence and are not in ` +
  'this repository; with a folder DIR holding them, run: npm run compile && HSCONFIG_DP75X_TEMPLATES=DIR node --test ' +
  'out/test/unit/baseConfigCatalogue.test.js (or: npm run catalogue:base -- --check --templates DIR)';

test('the committed catalogue is what the vendor templates generate today (needs HSCONFIG_DP75X_TEMPLATES)', { skip: templates ? false : HOW_TO_RUN }, () => {
  const dir = templates as string;
  const text = path.join(dir, TEMPLATE_SOURCE.text.name);
  const v2 = path.join(dir, TEMPLATE_SOURCE.v2?.name ?? '');
  for (const file of [text, v2]) assert.ok(existsSync(file), `${file} exists (HSCONFIG_DP75X_TEMPLATES=${dir})`);
  // First whether these are the very files the catalogue was generated from, then whether the generator (reader,
  // corrections) still writes the committed file from them.
  assert.equal(bytesSha256(readFileSync(text)), TEMPLATE_SOURCE.text.sha256, `${text} is not the template the catalogue was generated from: if it is a newer one, regenerate with npm run catalogue:base -- --templates ${dir}`);
  assert.equal(bytesSha256(readFileSync(v2)), TEMPLATE_SOURCE.v2?.sha256, `${v2} is not the template the catalogue was generated from: if it is a newer one, regenerate with npm run catalogue:base -- --templates ${dir}`);
  const generated = generateCatalogue({ name: path.basename(text), text: readFileSync(text, 'utf8') }, { name: path.basename(v2), text: readFileSync(v2, 'utf8') });
  assert.equal(readFileSync(path.join(REPO, 'server', 'src', 'baseConfig', 'pValues.generated.ts'), 'utf8'), generated.source, `the generator now writes something else from the same templates: regenerate with npm run catalogue:base -- --templates ${dir} and commit it`);
});

void FIXTURES;
