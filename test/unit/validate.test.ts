// One failing and one passing document for every validation rule, with the code, severity and the exact text the
// diagnostic's range covers.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { codes, covered, diagnose, handset } from './helpers';

const { Error: E, Warning: W, Information: I } = DiagnosticSeverity;

const line = (body: string) => `    <line>\n${body}    </line>\n`;
const sip = (...lines: string[]) => `  <sip>\n${lines.join('')}  </sip>\n`;
const account = (profile: string, user: string, extra = '') =>
  line(`      <profile_name>${profile}</profile_name>\n      <user_id>${user}</user_id>\n${extra}`);
const settings = (inner: string) => `  <hs_settings>\n${inner}  </hs_settings>\n`;
const userBlock = (inner: string) => `    <user>\n${inner}    </user>\n`;
const adminBlock = (inner: string) => `    <admin>\n${inner}    </admin>\n`;

/** Asserts exactly one diagnostic with `code`, and returns it. */
function only(text: string, code: string, uri?: string): Diagnostic {
  const found = diagnose(text, uri).filter((d) => d.code === code);
  assert.equal(found.length, 1, `expected one ${code}, got ${JSON.stringify(diagnose(text, uri), null, 1)}`);
  assert.equal(found[0].source, 'hsconfig');
  return found[0];
}

function expectOne(text: string, code: string, severity: DiagnosticSeverity, coveredText: string, uri?: string): Diagnostic {
  const d = only(text, code, uri);
  assert.equal(d.severity, severity, `severity of ${code}`);
  assert.equal(covered(text, d), coveredText, `range of ${code}`);
  return d;
}

function clean(text: string, uri?: string): void {
  assert.deepEqual(diagnose(text, uri), [], 'expected no diagnostics');
}

describe('document level', () => {
  test('not well-formed XML is reported where the parser stopped', () => {
    const text = handset({ name: '  <hs_name>Desk</hs_nam>\n' });
    const d = expectOne(text, 'xml-not-well-formed', E, '</hs_nam>');
    assert.equal(d.range.start.line, 3);
    assert.equal(diagnose(text).length, 1, 'no follow-on diagnostics');
    clean(handset({ name: '  <hs_name>Desk</hs_name>\n' }));
  });

  test('an element never closed is reported on its start tag', () => {
    const text = '<?xml version="1.0" encoding="UTF-8"?>\n<hs_config>\n  <ipei>02c332b510</ipei>\n  <sip>\n</hs_config>\n';
    const d = only(text, 'xml-not-well-formed');
    assert.match(String(d.message), /never|does not match/);
    assert.ok(d.range.start.line >= 3, 'not at the top of the file');
  });

  test('an undefined entity is reported at the entity', () => {
    const text = handset({ name: '  <hs_name>A &foo; B</hs_name>\n' });
    const d = only(text, 'xml-not-well-formed');
    assert.equal(d.range.start.line, 3);
    assert.match(String(d.message), /&amp;/);
    clean(handset({ name: '  <hs_name>A &amp; B</hs_name>\n' }));
  });

  test('a missing XML declaration is an error', () => {
    expectOne(handset({ head: '' }), 'xml-declaration-missing', E, '');
    clean(handset({ head: '<?xml version="1.0"?>\n' }));
  });

  test('an encoding other than UTF-8 is a warning on the encoding', () => {
    expectOne(handset({ head: '<?xml version="1.0" encoding="ISO-8859-1"?>\n' }), 'xml-encoding-not-utf8', W, 'ISO-8859-1');
    clean(handset({ head: '<?xml version="1.0" encoding="utf-8"?>\n' }));
  });

  test('a root other than hs_config gets one error on the root, nothing else', () => {
    const text = '<config>\n  <ipei>nonsense</ipei>\n  <foo/>\n</config>\n';
    const all = diagnose(text);
    assert.deepEqual(codes(all), ['root-not-hs-config']);
    assert.equal(covered(text, all[0]), 'config');
  });

  test('an empty document gets one clear error', () => {
    for (const text of ['', '   \n\n']) {
      const all = diagnose(text);
      assert.deepEqual(codes(all), ['empty-document']);
      assert.equal(all[0].severity, E);
    }
  });

  test('an encrypted file gets one error saying so', () => {
    const text = 'Salted__\u0012\u00e4\u0003\u00ff\u0001binary';
    const all = diagnose(text);
    assert.deepEqual(codes(all), ['encrypted-file']);
    assert.match(String(all[0].message), /this file is encrypted/i);
    assert.deepEqual(codes(diagnose('\u0001\u00a0\u0013\u00ffbinary without a header')), ['encrypted-file']);
  });

  test('a document over the size limit is not checked, with one error (an unchecked file must not pass)', () => {
    const all = diagnose(handset(), undefined, { maxDocumentSize: 100 });
    assert.deepEqual(codes(all), ['document-too-large']);
    assert.equal(all[0].severity, E);
  });
});

describe('ipei', () => {
  test('missing → error on the root', () => {
    const text = '<?xml version="1.0" encoding="UTF-8"?>\n<hs_config>\n  <hs_name>x</hs_name>\n</hs_config>\n';
    const d = expectOne(text, 'missing-element', E, 'hs_config');
    assert.deepEqual(d.data, { element: 'ipei' });
  });

  test('empty → error', () => {
    expectOne(handset({ ipei: '' }), 'empty-value', E, 'ipei');
    expectOne(handset({ ipei: '   ' }), 'empty-value', E, 'ipei');
  });

  test('not 10 hex digits → error on the value', () => {
    for (const bad of ['02c332b51', '02c332b5100', '02c332b51g', '0x2c332b51']) {
      const d = expectOne(handset({ ipei: bad }), 'ipei-invalid', E, bad);
      assert.match(String(d.message), /10 hex digits/);
    }
    clean(handset({ ipei: '02C332B510' }));
  });

  test('the 13-digit decimal form → error that gives the hex form', () => {
    const d = expectOne(handset({ ipei: '1131501774242' }), 'ipei-decimal', E, '1131501774242');
    assert.match(String(d.message), /02c332b510/);
    assert.deepEqual(d.data, { hex: '02c332b510' });
    assert.doesNotMatch(String(d.message), /check digit/);
  });

  test('a decimal IPEI with a wrong check digit says so', () => {
    const d = only(handset({ ipei: '1131501774243' }), 'ipei-decimal');
    assert.match(String(d.message), /check digit should be 2/);
  });

  test('the file name must carry the same IPEI', () => {
    const text = handset({ ipei: '02c332b510' });
    const d = expectOne(text, 'ipei-file-name-mismatch', E, '02c332b510', 'file:///srv/tftp/ipei_02c332b511.xml');
    assert.match(String(d.message), /02c332b511/);
    clean(text, 'file:///srv/tftp/ipei_02c332b510.xml');
    clean(text, 'file:///srv/tftp/02C332B510.xml.enc');
    clean(text, 'file:///srv/tftp/front-desk.xml');
    clean(text, 'untitled:Untitled-1');
  });
});

describe('hs_name', () => {
  test('over 10 characters → error', () => {
    expectOne(handset({ name: '  <hs_name>Front desk 2</hs_name>\n' }), 'value-too-long', E, 'Front desk 2');
    clean(handset({ name: '  <hs_name>Front desk</hs_name>\n' }));
    clean(handset({ name: '  <hs_name>Empfang Büro</hs_name>\n'.replace('Empfang Büro', 'Büro Émile') }));
  });

  test('characters are counted as the user sees them, entities decoded', () => {
    clean(handset({ name: '  <hs_name>A&amp;B&amp;C&amp;D</hs_name>\n' }));
    clean(handset({ name: '  <hs_name>😀😀😀😀😀😀😀😀😀😀</hs_name>\n' }));
  });
});

describe('lines', () => {
  test('more than 10 lines → an error on each extra line', () => {
    const lines = Array.from({ length: 12 }, (_, i) => account('profile1', String(1000 + i)));
    const text = handset({ sip: sip(...lines) });
    const extra = diagnose(text).filter((d) => d.code === 'too-many-elements');
    assert.equal(extra.length, 2);
    for (const d of extra) {
      assert.equal(d.severity, E);
      assert.equal(covered(text, d), 'line');
    }
    clean(handset({ sip: sip(...lines.slice(0, 10)) }));
  });

  test('a line without profile_name or user_id → error on the line', () => {
    const noProfile = handset({ sip: sip(line('      <user_id>5328</user_id>\n')) });
    assert.deepEqual(expectOne(noProfile, 'missing-element', E, 'line').data, { element: 'profile_name' });
    const noUser = handset({ sip: sip(line('      <profile_name>profile1</profile_name>\n')) });
    assert.deepEqual(expectOne(noUser, 'missing-element', E, 'line').data, { element: 'user_id' });
  });

  test('an empty profile_name or user_id → error', () => {
    expectOne(handset({ sip: sip(account('', '5328')) }), 'empty-value', E, 'profile_name');
    expectOne(handset({ sip: sip(account('profile1', '')) }), 'empty-value', E, 'user_id');
    expectOne(handset({ sip: sip(line('      <profile_name>profile1</profile_name>\n      <user_id/>\n')) }), 'empty-value', E, 'user_id');
  });

  test('an empty hs_name, display_name, auth_id or password is no problem (an account without a password, say)', () => {
    clean(handset({ name: '  <hs_name></hs_name>\n', sip: sip(account('profile1', '5328', '      <display_name/>\n      <auth_id></auth_id>\n      <password></password>\n')) }));
  });

  test('a profile the base station does not have → error', () => {
    const d = expectOne(handset({ sip: sip(account('office', '5328')) }), 'profile-unknown', E, 'office');
    assert.match(String(d.message), /profile1/);
    clean(handset({ sip: sip(account('profile4', '5328')) }));
  });

  test('profile names come from the settings', () => {
    const text = handset({ sip: sip(account('Office PBX', '5328')) });
    assert.deepEqual(diagnose(text, undefined, { profiles: ['Office PBX', 'Trunk'] }), []);
    assert.deepEqual(codes(diagnose(handset(), undefined, { profiles: ['Office PBX'] })), ['profile-unknown']);
  });

  test('a profile differing only in case names the right spelling', () => {
    const d = only(handset({ sip: sip(account('Profile1', '5328')) }), 'profile-unknown');
    assert.match(String(d.message), /'profile1'/);
  });

  test('two lines with the same user_id on the same profile → warning on the second', () => {
    const text = handset({ sip: sip(account('profile1', '5328'), account('profile1', '5328')) });
    const d = expectOne(text, 'duplicate-user-id', W, '5328');
    assert.equal(d.range.start.line, 11);
    clean(handset({ sip: sip(account('profile1', '5328'), account('profile2', '5328')) }));
    clean(handset({ sip: sip(account('profile1', '5328'), account('profile1', '5329')) }));
  });
});

describe('ring_type', () => {
  test('each allowed value passes', () => {
    for (const v of ['DID', 'Circular', 'Linear', 'Parallel', 'Shared']) {
      clean(handset({ sip: sip(account('profile1', '5328', `      <ring_type>${v}</ring_type>\n`)) }));
    }
  });

  test('an unknown value → error listing the allowed ones', () => {
    const text = handset({ sip: sip(account('profile1', '5328', '      <ring_type>Broadcast</ring_type>\n')) });
    const d = expectOne(text, 'invalid-value', E, 'Broadcast');
    assert.match(String(d.message), /DID, Circular, Linear, Parallel, Shared/);
  });

  test('a case-only mismatch says the right spelling', () => {
    const text = handset({ sip: sip(account('profile1', '5328', '      <ring_type>circular</ring_type>\n')) });
    const d = expectOne(text, 'value-case', E, 'circular');
    assert.match(String(d.message), /'Circular'/);
    assert.deepEqual(d.data, { suggestion: 'Circular' });
  });
});

describe('numeric settings', () => {
  const admin = (inner: string) => handset({ settings: settings(adminBlock(inner)) });
  const user = (inner: string) => handset({ settings: settings('    <force_apply>1</force_apply>\n' + userBlock(inner)) });

  test('0/1 switches reject anything else, naming 0 and 1', () => {
    for (const bad of ['', 'yes', '1.0', '-1', '2', '01', ' true ']) {
      const text = admin(`      <disable_transfer>${bad}</disable_transfer>\n`);
      const d = only(text, 'invalid-value');
      assert.equal(d.severity, E);
      assert.match(String(d.message), /0 \(No\) or 1 \(Yes\)/);
      assert.equal(covered(text, d), bad.trim() || 'disable_transfer');
    }
    clean(admin('      <disable_transfer>1</disable_transfer>\n'));
    clean(admin('      <disable_transfer> 0 </disable_transfer>\n'));
  });

  test('lcd_backlight_cradle takes 0, 1 or 2', () => {
    const d = only(user('      <lcd_backlight_cradle>3</lcd_backlight_cradle>\n'), 'invalid-value');
    assert.match(String(d.message), /0 \(Disabled\), 1 \(Enabled\) or 2 \(Dim\)/);
    clean(user('      <lcd_backlight_cradle>2</lcd_backlight_cradle>\n'));
  });

  test('custom_ringtone takes 0 to 10', () => {
    const d = only(admin('      <custom_ringtone>11</custom_ringtone>\n'), 'invalid-value');
    assert.match(String(d.message), /whole number from 0 to 10/);
    clean(admin('      <custom_ringtone>10</custom_ringtone>\n'));
  });

  test('key mappings take 0 to 20', () => {
    for (const bad of ['21', '-1', '4.0', 'menu', '']) {
      const d = only(user(`      <key_up_idle_function>${bad}</key_up_idle_function>\n`), 'invalid-value');
      assert.match(String(d.message), /whole number from 0 to 20/);
    }
    clean(user('      <key_up_idle_function>0</key_up_idle_function>\n      <right_softkey_call_function>20</right_softkey_call_function>\n'));
  });
});

describe('structure', () => {
  test('an unknown element → warning with "did you mean"', () => {
    const text = handset({ settings: settings('    <force_apply>1</force_apply>\n' + userBlock('      <auto_anwser>1</auto_anwser>\n')) });
    const d = expectOne(text, 'unknown-element', W, 'auto_anwser');
    assert.match(String(d.message), /auto_answer/);
    assert.deepEqual(d.data, { suggestion: 'auto_answer' });
    const far = only(handset({ name: '  <location>Lobby</location>\n' }), 'unknown-element');
    assert.doesNotMatch(String(far.message), /did you mean/i);
  });

  test('a known element under the wrong parent → warning saying where it belongs', () => {
    const text = handset({ settings: settings('    <force_apply>1</force_apply>\n' + adminBlock('      <auto_answer>1</auto_answer>\n')) });
    const d = expectOne(text, 'misplaced-element', W, 'auto_answer');
    assert.match(String(d.message), /<user>/);
    assert.deepEqual(d.data, { parent: 'user' });
  });

  test('an element nested where it makes no sense → warning', () => {
    const text = handset({ sip: '  <sip>\n    <sip>\n    </sip>\n  </sip>\n' });
    const d = expectOne(text, 'misplaced-element', W, 'sip');
    assert.equal(d.range.start.line, 5);
    assert.match(String(d.message), /<hs_config>/);
  });

  test('an element repeated where one is allowed → warning on the repeat', () => {
    const text = handset({ name: '  <hs_name>One</hs_name>\n  <hs_name>Two</hs_name>\n' });
    const d = expectOne(text, 'duplicate-element', W, 'hs_name');
    assert.equal(d.range.start.line, 4);
  });

  test('text inside a container → warning', () => {
    expectOne(handset({ sip: '  <sip>lines go here</sip>\n' }), 'unexpected-text', W, 'lines go here');
  });

  test('attributes → warning', () => {
    expectOne(handset({ name: '  <hs_name lang="en">Desk</hs_name>\n' }), 'unexpected-attribute', W, 'lang');
  });

  test('comments and CDATA are allowed anywhere', () => {
    clean(handset({ name: '  <!-- reception -->\n  <hs_name><![CDATA[R&D]]></hs_name>\n' }));
  });
});

describe('force_apply', () => {
  const withUser = (force: string) =>
    handset({ settings: settings(force + userBlock('      <auto_answer>1</auto_answer>\n')) });

  test('user settings with force_apply 0 or absent → information on <user>', () => {
    for (const force of ['', '    <force_apply>0</force_apply>\n']) {
      const d = expectOne(withUser(force), 'user-settings-ignored', I, 'user');
      assert.match(String(d.message), /force_apply>1</);
    }
    clean(withUser('    <force_apply>1</force_apply>\n'));
  });

  test('an empty <user> or admin settings alone need no force_apply', () => {
    clean(handset({ settings: settings('    <user>\n    </user>\n') }));
    clean(handset({ settings: settings(adminBlock('      <disable_conference>1</disable_conference>\n')) }));
  });
});

test('diagnostics come sorted by position', () => {
  const text = handset({
    name: '  <hs_name>much too long a name</hs_name>\n',
    sip: sip(account('nope', '1', '      <ring_type>x</ring_type>\n')),
  });
  const lines = diagnose(text).map((d) => d.range.start.line);
  assert.deepEqual(lines, [...lines].sort((a, b) => a - b));
  assert.deepEqual(codes(diagnose(text)), ['value-too-long', 'profile-unknown', 'invalid-value']);
});
