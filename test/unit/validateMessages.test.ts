// What each diagnostic tells the user: the message names what is wrong and what to write instead, the range covers
// the right text, and the data its quick fix reads is there. validate.test.ts has one failing and one passing
// document per rule; this file reads the messages of those failures.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { codes, covered, diagnose as diagnoseAny, handset } from './helpers';

type Shown = Diagnostic & { message: string };
/** Diagnostics with their message as the plain text the editor shows. */
const diagnose = (...args: Parameters<typeof diagnoseAny>): Shown[] => diagnoseAny(...args).map((d) => ({ ...d, message: String(d.message) }));

const { Error: E, Warning: W, Information: I } = DiagnosticSeverity;

const settings = (inner: string) => `  <hs_settings>\n${inner}  </hs_settings>\n`;
const line = (body: string) => `    <line>\n${body}    </line>\n`;
const sip = (...lines: string[]) => `  <sip>\n${lines.join('')}  </sip>\n`;
const account = (profile: string, user: string, extra = '') => line(`      <profile_name>${profile}</profile_name>\n      <user_id>${user}</user_id>\n${extra}`);

function one(text: string, code: string, options: { uri?: string; profiles?: string[] } = {}): Shown {
  const all = diagnose(text, options.uri, options.profiles ? { profiles: options.profiles } : {});
  const found = all.filter((d) => d.code === code);
  assert.equal(found.length, 1, `expected one ${code}, got ${JSON.stringify(codes(all))}`);
  assert.equal(found[0].source, 'hsconfig');
  return found[0];
}

test('a document over the size limit says how large it is, the limit and the setting', () => {
  const text = handset();
  const all = diagnose(text, undefined, { maxDocumentSize: 100 });
  assert.deepEqual(codes(all), ['document-too-large']);
  assert.deepEqual(all[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  assert.match(all[0].message, new RegExp(`has ${text.length} characters, more than the 100 that are checked \\(setting hsconfig.maxDocumentSize\\)`));
  const big = 'x'.repeat(1500);
  assert.match(diagnose(big, undefined, { maxDocumentSize: 1200 })[0].message, /1,500 characters, more than the 1,200/);
  assert.notEqual(codes(diagnose(text, undefined, { maxDocumentSize: text.length }))[0], 'document-too-large', 'a document exactly at the limit is checked');
});

test('an empty file is told what a handset file starts with, over its whole text', () => {
  const all = diagnose('  \n ');
  assert.match(all[0].message, /empty.*<\?xml version="1\.0" encoding="UTF-8"\?>.*<hs_config>/);
  assert.deepEqual(all[0].range, { start: { line: 0, character: 0 }, end: { line: 1, character: 1 } });
});

test('an encrypted file is marked on its first eight characters at most', () => {
  const all = diagnose('Salted__\u0001\u0002binary');
  assert.equal(covered('Salted__\u0001\u0002binary', all[0]), 'Salted__');
  const short = '\u0001\u0002ab';
  assert.deepEqual(codes(diagnose(short)), ['encrypted-file']);
  assert.equal(covered(short, diagnose(short)[0]), short);
  assert.match(diagnose(short)[0].message, /decrypt it/);
});

test('control characters mean binary, but tabs and both line breaks are text', () => {
  const text = handset().replace('<hs_config>', '<hs_config>\t\r');
  assert.deepEqual(codes(diagnose(text)), []);
  for (const c of ['\u0000', '\u001f', '\u000b']) assert.deepEqual(codes(diagnose(`<${c}`)), ['encrypted-file'], JSON.stringify(c));
  assert.notDeepEqual(codes(diagnose(`${'x'.repeat(64)}\u0001`)), ['encrypted-file'], 'only the first 64 characters are looked at');
});

test('a replacement character is marked on itself, with how to reopen or convert the file', () => {
  const text = handset({ name: '  <hs_name>Caf\uFFFD</hs_name>\n' });
  const d = one(text, 'not-utf8');
  assert.equal(d.severity, E);
  assert.equal(covered(text, d), '\uFFFD');
  assert.match(d.message, /not UTF-8.*Latin-1.*Reopen with Encoding.*iconv -f ISO-8859-1 -t UTF-8/);
  const first = one('\uFFFD<hs_config/>', 'not-utf8');
  assert.deepEqual(first.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, 'at the very start too');
});

test('the missing declaration and a wrong encoding name what to write', () => {
  assert.match(one(handset({ head: '' }), 'xml-declaration-missing').message, /<\?xml version="1\.0" encoding="UTF-8"\?>/);
  const d = one(handset({ head: '<?xml version="1.0" encoding="ISO-8859-1"?>\n' }), 'xml-encoding-not-utf8');
  assert.match(d.message, /UTF-8.*not ISO-8859-1/);
});

test('a root other than hs_config names both', () => {
  assert.match(diagnose('<config/>')[0].message, /must be <hs_config>, not <config>/);
});

test('an attribute is named, on the attribute', () => {
  const text = handset({ name: '  <hs_name lang="en">Desk</hs_name>\n' });
  const d = one(text, 'unexpected-attribute');
  assert.equal(d.severity, W);
  assert.match(d.message, /<hs_name> takes no attributes.*'lang'/);
});

test('stray text in a container is named as ignored', () => {
  const text = handset({ sip: '  <sip>\n    hello\n  </sip>\n' });
  const d = one(text, 'unexpected-text');
  assert.equal(d.severity, W);
  assert.equal(covered(text, d), 'hello');
  assert.match(d.message, /<sip> holds elements, not text/);
});

test('a misplaced element says where it belongs, whether in a container or in a value', () => {
  const inContainer = handset({ settings: settings('    <user>\n      <force_apply>1</force_apply>\n    </user>\n') });
  const d = one(inContainer, 'misplaced-element');
  assert.match(d.message, /<force_apply> belongs directly inside <hs_settings>, not inside <user>/);
  assert.deepEqual(d.data, { parent: 'hs_settings' });
  const inValue = handset({ name: '  <hs_name><ipei>02c332b510</ipei></hs_name>\n' });
  const v = diagnose(inValue).find((x) => x.code === 'misplaced-element' && covered(inValue, x) === 'ipei');
  assert.ok(v);
  assert.match(v.message, /<ipei> belongs directly inside <hs_config>, not inside <hs_name>, which holds a value/);
  assert.deepEqual(v.data, { parent: 'hs_config' });
  const root = handset({ name: '  <hs_name><hs_config/></hs_name>\n' });
  assert.equal(
    diagnose(root).find((x) => x.code === 'misplaced-element')!.message,
    '<hs_config> is the root element and belongs only at the top of the file, not inside <hs_name>, which holds a value.',
  );
  const nested = handset({ name: '  <sip><hs_config/></sip>\n' });
  assert.equal(
    diagnose(nested).find((x) => x.code === 'misplaced-element')!.message,
    '<hs_config> is the root element and belongs only at the top of the file, not inside <sip>; here it is ignored.',
  );
});

test('an unknown element inside a value element is reported too, with a suggestion', () => {
  const text = handset({ name: '  <hs_name><hs_nam/></hs_name>\n' });
  const d = one(text, 'unknown-element');
  assert.match(d.message, /<hs_nam> is not a handset setting.*Did you mean <hs_name>\?/);
  assert.deepEqual(d.data, { suggestion: 'hs_name' });
  const far = one(handset({ name: '  <qqqqqqqq/>\n' }), 'unknown-element');
  assert.equal(far.data, undefined);
  assert.equal(far.message, '<qqqqqqqq> is not a handset setting; the base station ignores it.');
});

test('a missing element names its parent and what it is for', () => {
  const text = handset({ sip: sip(line('      <user_id>1</user_id>\n')) });
  const d = one(text, 'missing-element');
  assert.equal(covered(text, d), 'line');
  assert.match(d.message, /^<line> needs a <profile_name>: The base-station profile/);
});

test('a repeat is a warning; an eleventh line an error naming the ten slots', () => {
  const dup = one(handset({ name: '  <hs_name>A</hs_name>\n  <hs_name>B</hs_name>\n' }), 'duplicate-element');
  assert.equal(dup.severity, W);
  assert.match(dup.message, /<hs_name> may appear only once/);
  const lines = Array.from({ length: 11 }, (_, i) => account('profile1', String(100 + i)));
  const many = one(handset({ sip: sip(...lines) }), 'too-many-elements');
  assert.equal(many.severity, E);
  assert.match(many.message, /At most 10 <line> elements.*10 line slots/);
  assert.deepEqual(codes(diagnose(handset({ sip: sip(...lines.slice(0, 10)) }))), []);
});

test('empty values: text says what the element is for; ipei and profile_name say what to write', () => {
  const text = handset({ sip: sip(account('profile1', '')) });
  assert.match(one(text, 'empty-value').message, /^<user_id> must not be empty: SIP user ID/);
  assert.match(one(handset({ ipei: '' }), 'empty-value').message, /10 hex digits such as '02c332b510'/);
  const profile = one(handset({ sip: sip(account('', '1')) }), 'empty-value');
  assert.match(profile.message, /must name a base-station profile: profile1, profile2, profile3, profile4\. Without it/);
});

test('a value too long gives the limit and its own length, counting characters, not UTF-16 units', () => {
  const d = one(handset({ name: '  <hs_name>Front desk 1</hs_name>\n' }), 'value-too-long');
  assert.match(d.message, /<hs_name> takes at most 10 characters; this has 12\./);
  assert.deepEqual(d.data, { maxLength: 10 });
  assert.deepEqual(codes(diagnose(handset({ name: '  <hs_name>😀😀😀😀😀😀😀😀😀😀</hs_name>\n' }))), []);
  assert.match(one(handset({ name: '  <hs_name>😀😀😀😀😀😀😀😀😀😀😀</hs_name>\n' }), 'value-too-long').message, /this has 11\./);
});

test('an invalid IPEI quotes what was found; a decimal one gives the hex form and the check digit', () => {
  assert.match(one(handset({ ipei: 'xyz' }), 'ipei-invalid').message, /found 'xyz'/);
  const dec = one(handset({ ipei: '1131501774242' }), 'ipei-decimal');
  assert.match(dec.message, /13-digit decimal form.*expects 10 hex digits: '02c332b510'\.$/);
});

test('an IPEI that differs from the file name names both and what the handset will do', () => {
  const d = one(handset({ ipei: '02c332b511' }), 'ipei-file-name-mismatch', { uri: 'file:///srv/ipei_02C332B510.xml' });
  assert.match(d.message, /file name is for handset '02C332B510' but <ipei> says '02c332b511'.*reject it/);
  assert.deepEqual(d.data, { fileIpei: '02C332B510' });
  assert.deepEqual(codes(diagnose(handset({ ipei: '02C332B510' }), 'file:///srv/ipei_02c332b510.xml')), [], 'case does not matter');
});

test('an unknown profile lists the profiles; a case slip names the right one', () => {
  const d = one(handset({ sip: sip(account('Office', '1')) }), 'profile-unknown');
  assert.match(d.message, /No base-station profile is named 'Office'; the profiles are 'profile1', 'profile2', 'profile3', 'profile4'\. The base station rejects/);
  assert.deepEqual(d.data, { name: 'Office' }, 'the name, for the fix that adds it to the site\'s config');
  const c = one(handset({ sip: sip(account('PROFILE1', '1')) }), 'profile-unknown');
  assert.equal(c.message, "Profile names are case-sensitive: write 'profile1'.");
  assert.deepEqual(c.data, { suggestion: 'profile1' });
});

test('a choice in the wrong case names the right spelling; an empty choice says nothing was found', () => {
  const text = handset({ sip: sip(account('profile1', '1', '      <ring_type>linear</ring_type>\n')) });
  const d = one(text, 'value-case');
  assert.equal(d.message, "Write 'Linear': values are case-sensitive.");
  assert.deepEqual(d.data, { suggestion: 'Linear' });
  const empty = one(handset({ sip: sip(account('profile1', '1', '      <ring_type></ring_type>\n')) }), 'invalid-value');
  assert.match(empty.message, /^<ring_type> takes one of DID, Circular, Linear, Parallel, Shared; found nothing\.$/);
  const other = one(handset({ sip: sip(account('profile1', '1', '      <ring_type>Random</ring_type>\n')) }), 'invalid-value');
  assert.equal(other.message, "<ring_type> takes one of DID, Circular, Linear, Parallel, Shared; found 'Random'.");
});

test('user settings without force_apply 1: the note says which of the two reasons holds', () => {
  const user = '    <user>\n      <auto_answer>1</auto_answer>\n    </user>\n';
  const none = handset({ settings: settings(user) });
  const d = one(none, 'user-settings-ignored');
  assert.equal(d.severity, I);
  assert.equal(covered(none, d), 'user');
  assert.match(d.message, /because there is no <force_apply>; set <force_apply>1<\/force_apply>/);
  assert.match(one(handset({ settings: settings(`    <force_apply>0</force_apply>\n${user}`) }), 'user-settings-ignored').message, /because <force_apply> is 0;/);
  assert.deepEqual(codes(diagnose(handset({ settings: settings('    <user>\n    </user>\n') }))), [], 'an empty <user> has nothing to ignore');
  assert.deepEqual(codes(diagnose(handset({ settings: settings(`    <force_apply>1</force_apply>\n${user}`) }))), []);
});

test('a second line for the same account is marked on its user ID and names the account', () => {
  const text = handset({ sip: sip(account('profile1', '5328'), account('profile1', '5328')) });
  const d = one(text, 'duplicate-user-id');
  assert.equal(d.severity, W);
  assert.equal(d.range.start.line, 11);
  assert.equal(covered(text, d), '5328');
  assert.match(d.message, /user ID '5328' on 'profile1'/);
  assert.deepEqual(codes(diagnose(handset({ sip: sip(account('profile1', '5328'), account('profile2', '5328')) }))), []);
  assert.deepEqual(codes(diagnose(handset({ sip: sip(account('profile1', '5328'), account('profile1', '5329')) }))), []);
});

test('only lines with both a profile and a user ID count as accounts; only lines inside <sip>', () => {
  assert.deepEqual(codes(diagnose(handset({ sip: sip(account('profile1', ''), account('profile1', '')) }))), ['empty-value', 'empty-value']);
  assert.deepEqual(codes(diagnose(handset({ sip: sip(account('', '7'), account('', '7')) }))), ['empty-value', 'empty-value']);
  const stray = handset({ sip: sip(account('profile1', '7')), settings: account('profile1', '7').replace(/^ {2}/gm, '') });
  assert.deepEqual(codes(diagnose(stray)), ['misplaced-element'], 'a <line> outside <sip> is ignored by the base station, so it takes no account');
  const loose = handset({ sip: sip(account('profile1', '7')).replace('  </sip>', '    <profile_name>profile1</profile_name>\n    <user_id>7</user_id>\n  </sip>') });
  assert.deepEqual(codes(diagnose(loose)), ['misplaced-element', 'misplaced-element'], 'a profile and user ID outside any <line> are no account either');
  const userInSip = handset({ sip: sip(account('profile1', '7')).replace('  </sip>', '    <user>\n      <auto_answer>1</auto_answer>\n    </user>\n  </sip>') });
  assert.deepEqual(codes(diagnose(userInSip)), ['misplaced-element'], 'a <user> block outside <hs_settings> is not told about <force_apply>');
});

test('diagnostics on one line come in column order', () => {
  const text = handset({ name: '  <hs_name a="1" b="2">Desk</hs_name>\n' });
  const all = diagnose(text).filter((d) => d.code === 'unexpected-attribute');
  assert.deepEqual(all.map((d) => covered(text, d)), ['a', 'b']);
  const oneLine = handset({ settings: '  <hs_settings><admin><disable_transfer>x</disable_transfer></admin><user><auto_answer>1</auto_answer></user></hs_settings>\n' });
  assert.deepEqual(codes(diagnose(oneLine)), ['invalid-value', 'user-settings-ignored'], 'the note on <user> is found first but stands after the value');
});

test('each well-formedness error is told in plain words, at the markup where the parser stopped', () => {
  const cases: [string, string, string][] = [
    ['<hs_config><sip></hs_config>', '</hs_config> does not match the open element <sip>: close that with </sip> first.', '</hs_config>'],
    ['<hs_config></sip></hs_config>', 'This end tag does not match the element that is open here.', '</sip>'],
    ['<hs_config><sip>', '<sip> is never closed: add </sip>.', 'sip'],
    ['<hs_config><sip><line/>', '<sip> is never closed: add </sip>.', 'sip'],
    ['<hs_config><sip></hs_config><line>', '</hs_config> does not match the open element <sip>: close that with </sip> first.', '</hs_config>'],
    ['<hs_config><sip><line></hs_config>', '</hs_config> does not match the open element <line>: close that with </line> first.', '</hs_config>'],
    ['<hs_config>&#x110000;&amp;</hs_config>', 'This character reference names no character XML allows (the highest is &#x10FFFF;): write the character itself, in UTF-8.', '&#x110000;'],
    [`<hs_config>&#x${'0'.repeat(54)}110000;</hs_config>`, 'This character reference names no character XML allows (the highest is &#x10FFFF;): write the character itself, in UTF-8.', `&#x${'0'.repeat(54)}110000;`],
    [`<hs_config>&#x${'0'.repeat(70)}110000;</hs_config>`, 'This character reference names no character XML allows (the highest is &#x10FFFF;): write the character itself, in UTF-8.', ';'],
    ['<hs_config></hs_config>\n</sip>', '</sip> closes an element that was never opened.', '</sip>'],
    ['<hs_config/>x', 'Text outside the root element is not allowed.', 'x'],
    ['<?xml version="1.0"?>', 'The document has no root element: it should hold <hs_config>.', '<?xml version="1.0"?>'],
    ['<hs_config>&#x110000;</hs_config>', 'This character reference names no character XML allows (the highest is &#x10FFFF;): write the character itself, in UTF-8.', '&#x110000;'],
    ['<hs_config a=1/>', 'Attribute values must be in quotes.', '1'],
    ['<hs_config a="1" a="2"/>', "The attribute 'a' is given twice.", '<hs_config a="1" a="2"/>'],
    ['<hs_config><a b></a></hs_config>', 'Not well-formed XML: attribute without value.', '<a b>'],
    [`<hs_config>${' '.repeat(70)}\u0001</hs_config>`, 'This character is not allowed here in XML.', '\u0001'],
  ];
  const twice = '<hs_config><sip></sip><sip>';
  assert.equal(diagnose(twice)[0].range.start.character, twice.lastIndexOf('sip'), 'the <sip> without an end tag, not the first');
  for (const [text, message, at] of cases) {
    const all = diagnose(text).filter((d) => d.code === 'xml-not-well-formed');
    assert.equal(all.length, 1, text);
    assert.equal(all[0].message, message, text);
    assert.equal(covered(text, all[0]), at, text);
  }
  assert.equal(diagnose('<hs_config/><hs_config/>')[0].message, 'Only one root element is allowed: everything belongs inside <hs_config>.');
  assert.equal(diagnose('<hs_config>&foo;</hs_config>')[0].message, "Unknown entity: write &amp; for '&', &lt; for '<' and &gt; for '>'.");
  assert.equal(diagnose(' <?xml version="1.0"?><hs_config/>')[0].message, 'The XML declaration <?xml … ?> must be the very first thing in the file.');
  assert.equal(diagnose('<hs_config name="1" name="2"/>')[0].message, "The attribute 'name' is given twice.");
  const late = `<hs_config>${'\n'.repeat(12)}<a></b></hs_config>`;
  assert.equal(diagnose(late)[0].message, '</b> does not match the open element <a>: close that with </a> first.', 'an error past line 9');
  const afterReference = '<hs_config><x a="&amp;" a="1"/></hs_config>';
  assert.ok(!covered(afterReference, diagnose(afterReference)[0]).startsWith('&'), 'only a bad reference is looked for behind the parser');
  const v2 = '<?xml version="2.0"?><hs_config/>';
  assert.equal(diagnose(v2)[0].message, 'XML has only version 1.0 (1.x at most): write <?xml version="1.0" encoding="UTF-8"?>.');
  assert.equal(covered(v2, diagnose(v2)[0]), '2.0', 'on the version written, not where the parser stopped');
  const bare = "<?xml version=''?><hs_config/>";
  assert.equal(covered(bare, diagnose(bare)[0]), 'version', 'an empty version: on its name');
});
