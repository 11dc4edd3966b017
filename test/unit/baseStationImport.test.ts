// Importing base-station configuration files in their three shapes, on the vendor's templates and small inputs.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { HANDSET_LINE_P_VALUES } from '../../server/src/baseStation/configFields';
import { ImportError, importConfig } from '../../server/src/baseStation/importConfig';
import { factoryDefault } from '../../shared/baseStation/model';
import { checkBaseStationConfig } from '../../server/src/baseStation/configCheck';
import { readBaseStationText } from '../../server/src/baseStation/readBaseStation';
import { FACTORY_TEXT_CONFIG, FACTORY_V2_CONFIG } from './helpers';

function template(file: string): string {
  return readFileSync(file, 'utf8');
}

test('the text template imports as the factory default, with its stray lines as notes', () => {
  const text = template(FACTORY_TEXT_CONFIG);
  assert.match(text, /\r\n/, 'the fixture mixes CRLF and LF line ends, as the vendor template does');
  assert.match(text, /[^\r]\n/);
  const r = importConfig(text);
  assert.equal(r.shape, 'text');
  assert.equal(r.used, 133, 'every value the model uses: 12 profile, 60 account, 55 handset, 6 provisioning');
  assert.deepEqual(r.model, factoryDefault());
  const lineOf = (s: string) => text.split(/\r?\n/).indexOf(s) + 1;
  assert.ok(lineOf('Number: 0, 1') > 0);
  assert.ok(r.notes.some((n) => n.line === lineOf('Number: 0, 1') && /Number: 0, 1/.test(n.message)), 'the template has a comment without its #');
  assert.ok(r.notes.some((n) => n.line === lineOf('P6713') && /ignored: P6713$/.test(n.message)), 'and a P-value without =');
  assert.equal(r.notes.length, 7);
});

test('the XML v2 template imports with its 1.0-style numbers and empty values', () => {
  const r = importConfig(template(FACTORY_V2_CONFIG));
  assert.equal(r.shape, 'xml-v2');
  assert.equal(r.used, 133);
  assert.deepEqual(r.notes, []);
  const expected = factoryDefault();
  expected.handsets.forEach((h) => (h.name = `HS${h.number}`)); // the v2 template names the handsets HS1…HS5
  assert.deepEqual(r.model, expected);
});

test('XML v1 made from template lines reads the same values as the text', () => {
  const lines = template(FACTORY_TEXT_CONFIG)
    .split('\n')
    .map((l) => /^(P\d+)=(.*)$/.exec(l.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => (m[1] === 'P27762' ? ['P27762', 'Office & Co'] : m[1] === 'P4302' ? ['P4302', '7'] : [m[1], m[2]]));
  const escape = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<gs_provision version="1">\n<config version="1">\n${lines.map(([k, v]) => `  <${k}>${escape(v)}</${k}>`).join('\n')}\n</config>\n</gs_provision>\n`;
  const r = importConfig(xml);
  assert.equal(r.shape, 'xml-v1');
  assert.equal(r.used, 133);
  assert.equal(r.model.profiles[0].name, 'Office & Co');
  assert.deepEqual(r.model.handsets[0].lines, [1, 0, 7, 0, 0, 0, 0, 0, 0, 0]);
});

test('text shape: every field of the model, handset 4 on its irregular P-values', () => {
  const text = [
    '# a hand-made config',
    'P27762=Office PBX',
    'P47=pbx.example.com',
    'P401=0',
    'P4062=5328',
    'P4092=auth5328',
    'P4182=Front desk',
    'P4152=1',
    'P27082=103',
    'P4597=0',
    'P4250=3',
    'P4251=0',
    'P21320=2',
    'P21327=10',
    'P21337=4',
    'P27023=Lobby',
    'P27014=1',
    'P212=0',
    'P237=prov.example.com/dect',
    'P27015=handset/ipei_',
    'P27016=.enc',
    'P1359=secret!',
    '',
  ].join('\r\n');
  const r = importConfig(text, { model: 'DP752' });
  const m = r.model;
  assert.equal(r.used, 21);
  assert.equal(m.model, 'DP752');
  assert.deepEqual(m.profiles[0], { index: 1, name: 'Office PBX', sipServer: 'pbx.example.com', active: true });
  assert.equal(m.profiles[1].active, false);
  assert.deepEqual(m.accounts[2], { slot: 3, userId: '5328', authId: 'auth5328', displayName: 'Front desk', profile: 2, hsMode: 103, active: false });
  assert.deepEqual(m.handsets[3], { number: 4, ipei: null, name: 'Lobby', lines: [3, 0, 2, 0, 0, 0, 0, 0, 0, 10] });
  assert.equal(m.handsets[4].lines[9], 4);
  assert.deepEqual(m.provisioning, { handsetProvisioning: true, protocol: 'TFTP', serverPath: 'prov.example.com/dect', filePrefix: 'handset/ipei_', filePostfix: '.enc', filePasswordSet: true });
});

test('each handset line slot has its own P-value', () => {
  const all = HANDSET_LINE_P_VALUES.flat();
  assert.equal(new Set(all).size, 50);
  assert.deepEqual(HANDSET_LINE_P_VALUES[3], [4250, 4251, 21320, 21321, 21322, 21323, 21324, 21325, 21326, 21327]);
});

test('XML v2 shape reads aliases; values it cannot read become notes with their line', () => {
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gs_provision version="1">',
    '  <config version="2">',
    '    <item name="profile.2.name">Trunk</item>',
    '    <item name="account.1.sip.user_id">100</item>',
    '    <item name="account.1.sip.profile_id">1.0</item>',
    '    <item name="account.1.ring.mode">7</item>',
    '    <item name="handset.4.line.2.sip.account">1</item>',
    '    <item name="handset.4.line.3.sip.account">11</item>',
    '    <item name="provisioning.protocol">2.0</item>',
    '    <item name="provisioning.handset.enable">yes</item>',
    '    <item name="some.other.setting">x</item>',
    '  </config>',
    '</gs_provision>',
  ].join('\n');
  const r = importConfig(xml);
  assert.equal(r.shape, 'xml-v2');
  assert.equal(r.model.profiles[1].name, 'Trunk');
  assert.equal(r.model.accounts[0].profile, 2);
  assert.equal(r.model.accounts[0].hsMode, 1, 'an unreadable HS mode keeps the factory value');
  assert.deepEqual(r.model.handsets[3].lines.slice(0, 3), [1, 1, 0]);
  assert.equal(r.model.provisioning.protocol, 'HTTPS');
  assert.deepEqual(r.notes, [
    { line: 7, message: 'account.1.ring.mode: expected 1–5 or 101–104, found "7"; the factory value is kept' },
    { line: 9, message: 'handset.4.line.3.sip.account: expected 0–10 (none or account 1–10), found "11"; the factory value is kept' },
    { line: 11, message: 'provisioning.handset.enable: expected 0 or 1, found "yes"; the factory value is kept' },
  ]);
});

test('files that are none of the shapes are refused with a reason', () => {
  assert.throws(() => importConfig('<hs_config><ipei>02c332b510</ipei></hs_config>'), (e: unknown) => e instanceof ImportError && /expected <gs_provision><config/.test(e.message));
  assert.throws(() => importConfig('hello\nworld\n'), /No base-station value that the model uses was found in this text \(Pnnn=value\) file/);
  assert.throws(() => importConfig('<gs_provision><config version="1"><P99999>1</P99999></config></gs_provision>'), /XML v1 file/);
});

test('the editor check of a configuration file gives its profile names, and explains what it cannot read', () => {
  const imported = checkBaseStationConfig('P27762=Office\nP47=pbx.example.com\n');
  assert.ok('profiles' in imported, JSON.stringify(imported));
  assert.deepEqual(imported.profiles, ['Office', 'profile2', 'profile3', 'profile4']);
  assert.match(imported.summary, /values used/);
  assert.deepEqual(imported.notes, []);
  assert.match(imported.warnings.join(), /Handset provisioning is off on this base station \(P27014 is 0 or not set\)/);
  assert.ok('problem' in checkBaseStationConfig('<html><body>not a config</body></html>'));
});

test('the editor check names the lines it did not understand, and says nothing of provisioning when it is on', () => {
  const imported = checkBaseStationConfig('P27762=Office\nthis is no P-value\nP27014=1\n# a comment\n');
  assert.ok('summary' in imported, JSON.stringify(imported));
  assert.deepEqual(imported.notes.map((n) => n.line), [2]);
  assert.match(imported.notes[0].message, /not a Pnnn=value line.*this is no P-value/);
  assert.match(imported.summary, /1 line was not understood \(line 2\)/);
  assert.deepEqual(imported.warnings, []);
});

test('the editor check says how many lines it did not understand, in words that fit the count', () => {
  const none = checkBaseStationConfig('P27762=Office\nP47=pbx.example.com\n');
  assert.ok('summary' in none);
  assert.equal(none.summary, 'text (Pnnn=value) config, 2 values used');
  const two = checkBaseStationConfig('P27762=Office\nnot one\nnor this\nP27014=1\n');
  assert.ok('summary' in two);
  assert.equal(two.summary, 'text (Pnnn=value) config, 2 values used; 2 lines were not understood (lines 2, 3)');
  const one = checkBaseStationConfig('P27762=Office\nnot one\n');
  assert.ok('summary' in one);
  assert.equal(one.summary, 'text (Pnnn=value) config, 1 values used; 1 line was not understood (line 2)');
});

test('notes point at the right line, also after an empty first line or a one-character line; a long line is quoted in part', () => {
  const long = `x${'y'.repeat(99)}`;
  const r = importConfig(`\nP27762=Office\nz\nP12.x=1\naccount.P12=2\n${long}\nP47=pbx\n`);
  assert.deepEqual(r.notes, [
    { line: 3, message: 'not a Pnnn=value line nor a # comment; ignored: z' },
    { line: 4, message: 'text files take P-numbers; ignored: P12.x' },
    { line: 5, message: 'text files take P-numbers; ignored: account.P12' },
    { line: 6, message: `not a Pnnn=value line nor a # comment; ignored: ${long.slice(0, 60)}` },
  ]);
});

test('only a byte-order mark at the start is dropped; one inside a value is kept', () => {
  for (const bom of ['\uFEFF', '']) {
    const r = importConfig(`${bom}P27762=Off\uFEFFice\n`);
    assert.equal(r.model.profiles[0].name, 'Off\uFEFFice');
    assert.deepEqual(r.notes, []);
  }
});

test('an XML file without a root element is refused, saying it found nothing', () => {
  assert.throws(() => importConfig('<?xml version="1.0"?>\n'), /expected <gs_provision><config version="1\|2">, found <nothing>\./);
});

test('values out of range are notes that say what the field takes', () => {
  const r = importConfig('P27762=Office\nP4150=4\nP4151=3\nP212=3\n');
  assert.deepEqual(r.notes, [
    { line: 2, message: 'P4150: expected 0–3 (profile 1–4), found "4"; the factory value is kept' },
    { line: 4, message: 'P212: expected 0 (TFTP), 1 (HTTP) or 2 (HTTPS), found "3"; the factory value is kept' },
  ]);
  assert.equal(r.model.accounts[1].profile, 4);
});

test('a config the base station rejects (not well-formed XML) is not imported, and says where it breaks (issue 27, item 13)', () => {
  const text = '<gs_provision version="1">\n<config version="1">\n<P27762>Office</P27763>\n</config>\n</gs_provision>\n';
  assert.throws(() => importConfig(text), (err: Error) => err instanceof ImportError && /^Not well-formed XML at line 3: .*nothing was imported\.$/.test(err.message));
  const read = readBaseStationText(text);
  assert.equal(read.ok, false);
});

test('import notes count lines ended by a lone CR, and a profile name no base station could have keeps the factory name', () => {
  const imported = importConfig(`P27762=${'x'.repeat(33)}\rP27763=Trunk\rjunk here\rP27764=a\u0007b\r`);
  assert.deepEqual(imported.notes.map((n) => n.line), [1, 3, 4]);
  assert.match(imported.notes[0].message, /^P27762: A profile name has at most 32 characters; this one has 33; the factory value is kept$/);
  assert.match(imported.notes[2].message, /U\+0007/);
  assert.deepEqual(imported.model.profiles.map((p) => p.name), ['profile1', 'Trunk', 'profile3', 'profile4']);
});
