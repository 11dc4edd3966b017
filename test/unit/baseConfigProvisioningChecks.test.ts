// The checks that keep a base-station config from breaking provisioning (issue 25): server paths written as URLs or
// without a host, quotes, trailing spaces, inline comments and two settings on a line, host names in IP fields, the
// time zone's list, DHCP option 66 and 3CX taking over; and the fixes keyed on their codes.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { getBaseConfigService } from '../../server/src/baseConfig/baseConfigService';
import { lookup } from '../../server/src/baseConfig/catalogue';
import { fixture } from './helpers';

const OFFICE = fixture('base-config/quirks-office.txt');
const V1 = fixture('base-config/quirks-office-v1.xml');
const V2 = fixture('base-config/quirks-office-v2.xml');

const docOf = (text: string, uri = 'file:///work/base.txt') => TextDocument.create(uri, 'hsconfig-base', 1, text);
const covered = (document: TextDocument, d: Diagnostic) => document.getText().slice(document.offsetAt(d.range.start), document.offsetAt(d.range.end));

/** [code, covered text] of every diagnostic of `text`. */
function found(text: string, uri?: string): [string, string][] {
  const document = docOf(text, uri);
  return getBaseConfigService().doValidation(document).map((d) => [String(d.code), covered(document, d)]);
}

/** The one diagnostic with `code` and its fixes: [title, preferred, the text after the fix]. Clients may drop data. */
function fixes(text: string, code: string, uri?: string): { message: string; fixes: [string, boolean, string][] } {
  const document = docOf(text, uri);
  const service = getBaseConfigService();
  const all = service.doValidation(document).filter((d) => d.code === code);
  assert.equal(all.length, 1, `one ${code} in ${JSON.stringify(found(text, uri))}`);
  const d = { ...all[0], data: undefined };
  const actions = service.doCodeActions(document, d.range, [d]);
  return {
    message: String(all[0].message),
    fixes: actions.map((a) => [a.title, a.isPreferred === true, TextDocument.applyEdits(document, a.edit?.changes?.[document.uri] ?? [])]),
  };
}

const mutations: [string, (t: string) => string, [string, string][]][] = [
  ['a config server path with http://', (t) => t.replace('P237=provisioning', 'P237=http://provisioning'), [['server-path-scheme', 'http://']]],
  ['a firmware server path with https://', (t) => `${t}P192=https://fw.example.com/dp750\n`, [['server-path-scheme', 'https://']]],
  ['a server path starting with "/"', (t) => t.replace('P237=provisioning.example.com/dect', 'P237=/dect'), [['server-path-no-host', '/dect']]],
  ['a server path that is a scheme only', (t) => t.replace('P237=provisioning.example.com/dect', 'P237=http://'), [['server-path-scheme', 'http://'], ['server-path-no-host', 'http://']]],
  ['a quoted profile name', (t) => t.replace('P27762=office', 'P27762="office"'), [['quoted-value', '"office"']]],
  ['a quoted number', (t) => t.replace('P271=1', "P271='1'"), [['quoted-value', "'1'"]]],
  ['a profile name with trailing spaces', (t) => t.replace('P27762=office', 'P27762=office  '), [['trailing-spaces', '  ']]],
  ['an inline comment', (t) => t.replace('P271=1', 'P271=1 # on'), [['inline-comment', ' # on']]],
  ['two settings on one line', (t) => t.replace('P271=1', 'P271=1 P401=1'), [['two-settings-on-line', ' ']]],
  ['a host name in an IP-address field', (t) => `${t}P2308=dns.example.com\n`, [['ip-address-expected', 'dns.example.com']]],
  ['an IP address out of bounds', (t) => `${t}P2308=192.168.1.300\n`, [['ip-address-expected', '192.168.1.300']]],
  ['a time zone the base station does not list', (t) => `${t}P64=GMT+1\n`, [['value-not-in-set', 'GMT+1']]],
];

for (const [what, mutate, expected] of mutations) {
  test(`${what} → ${expected.map(([c]) => c).join(', ')}`, () => {
    const mutated = mutate(OFFICE);
    assert.notEqual(mutated, OFFICE, 'the mutation applies');
    assert.deepEqual(found(mutated), expected);
  });
}

test('what passes: a path with a port, IP addresses (v4, v6, a white list), every listed time zone, a "#" inside a word', () => {
  const fine = ['P192=192.0.2.10:8080/firmware', 'P2308=192.0.2.53', 'P2309=2001:db8::53', 'P20701=192.0.2.1, 192.0.2.0/24', 'P197=com.example.firewall', 'P27763=room#5'];
  for (const zone of lookup('P64')?.options ?? []) fine.push(`P64=${zone[0]}`);
  assert.ok(fine.length > 30, 'the catalogue lists the time zones');
  for (const line of fine) assert.deepEqual(found(OFFICE.replace('P27763=branch', line)), [], line);
});

test('a server path with a scheme: the fix strips it; the message says whether the scheme agrees with the protocol P-value', () => {
  const agreeing = fixes(OFFICE.replace('P237=provisioning', 'P237=http://provisioning'), 'server-path-scheme');
  assert.deepEqual(agreeing.fixes, [['Remove "http://"', true, OFFICE]]);
  assert.match(agreeing.message, /P212 \(Provisioning via\), set here 1 \(HTTP Upgrade\), which agrees/);
  const https = OFFICE.replace('P237=provisioning', 'P237=https://provisioning');
  const disagreeing = fixes(https, 'server-path-scheme');
  assert.match(disagreeing.message, /not 2 \(HTTPS Upgrade\) as "https:\/\/" says: set P212=2 if HTTPS is meant/);
  assert.deepEqual(disagreeing.fixes, [
    ['Remove "https://"', true, OFFICE],
    ['Remove "https://" and set P212=2', false, OFFICE.replace('P212=1', 'P212=2')],
  ]);
  const unset = fixes(`${OFFICE}P192=tftp://fw.example.com\n`, 'server-path-scheme');
  assert.match(unset.message, /P6767 \(Upgrade via\), not set here, so the base station keeps its own; the template has 1 \(HTTP Upgrade\), not 0 \(TFTP Upgrade\)/);
  assert.equal(unset.fixes[1][2], `${OFFICE}P192=fw.example.com\nP6767=0\n`, 'the protocol P-value added below the path');
  const unknown = fixes(OFFICE.replace('P237=provisioning', 'P237=ftp://provisioning'), 'server-path-scheme').message;
  assert.match(unknown, /"ftp" is none of them/);
  const v1 = V1.replace('<P237>provisioning', '<P237>http://provisioning');
  assert.deepEqual(fixes(v1, 'server-path-scheme', 'file:///work/base.xml').fixes, [['Remove "http://"', true, V1]]);
});

test('quotes, trailing spaces, an inline comment, two settings: each fix gives the line the base station reads as meant', () => {
  assert.deepEqual(fixes(OFFICE.replace('P27762=office', 'P27762="office"'), 'quoted-value').fixes, [['Remove the quotes', true, OFFICE]]);
  assert.deepEqual(fixes(OFFICE.replace('P27762=office', 'P27762=office \t'), 'trailing-spaces').fixes, [['Remove the trailing spaces', true, OFFICE]]);
  const comment = fixes(OFFICE.replace('P271=1', 'P271=1 # on'), 'inline-comment').fixes;
  assert.deepEqual(comment, [
    ['Move the comment to its own line above', true, OFFICE.replace('P271=1', '# on\nP271=1')],
    ['Remove the comment', false, OFFICE],
  ]);
  const crlf = OFFICE.replace(/\n/g, '\r\n');
  assert.deepEqual(fixes(crlf.replace('P271=1', 'P271=1 P401=1'), 'two-settings-on-line').fixes, [['Put P401 on a line of its own', true, crlf.replace('P271=1', 'P271=1\r\nP401=1')]], 'in the file\'s own line ending');
  const v2 = V2.replace('>office</item>', '>"office"</item>');
  assert.deepEqual(fixes(v2, 'quoted-value', 'file:///work/base.xml').fixes, [['Remove the quotes', true, V2]]);
});

test('a slip is reported once: the value meant is still checked, the slip itself is not a second problem', () => {
  assert.deepEqual(found(OFFICE.replace('P271=1', 'P271=7 # on')), [['inline-comment', ' # on'], ['value-not-in-set', '7']]);
  assert.deepEqual(found(OFFICE.replace('P271=1', 'P271="7"')), [['quoted-value', '"7"'], ['value-not-in-set', '7']]);
  assert.equal(fixes(OFFICE.replace('P271=1', 'P271=1 # on'), 'inline-comment').message.includes('"1 # on"'), true);
});

test('a value out of range or not in its set: the nearest allowed value and the template value, as separate fixes', () => {
  const once = fixes(`${OFFICE}P209=70\n`, 'value-not-in-set').fixes.map(([title, preferred]) => [title, preferred]);
  assert.deepEqual(once, [['Set the nearest allowed value 50', false]], 'the template value is the nearest: offered once');
  const labelled = fixes(OFFICE.replace('P271=1', 'P271=2'), 'value-not-in-set').fixes;
  assert.deepEqual(labelled, [['Set the nearest allowed value 1 (yes)', false, OFFICE]], 'with what the value means');
  const high = fixes(`${OFFICE}P32=99999\n`, 'value-out-of-range').fixes;
  assert.deepEqual(high.map(([title]) => title), ['Set the nearest allowed value 64800', 'Set the template value 60']);
  assert.equal(high[0][2], `${OFFICE}P32=64800\n`);
  const set = fixes(`${OFFICE}P209=700\n`, 'value-not-in-set').fixes.map(([title]) => title);
  assert.deepEqual(set, ['Set the nearest allowed value 800', 'Set the template value 50']);
});

test('the time zone: the listed zone for GMT+1, UTC-05:00 or a case slip is the preferred fix; an unclear one gets the template value', () => {
  const plus = fixes(`${OFFICE}P64=GMT+1\n`, 'value-not-in-set');
  assert.match(plus.message, /Did you mean TZO-1 \(GMT\+01:00\)\?/);
  assert.deepEqual(plus.fixes.map(([title, preferred]) => [title, preferred]), [['Change to TZO-1 (GMT+01:00)', true], ['Set the template value customize', false]]);
  assert.equal(plus.fixes[0][2], `${OFFICE}P64=TZO-1\n`);
  assert.equal(fixes(`${OFFICE}P64=UTC-05:00\n`, 'value-not-in-set').fixes[0][0], 'Change to TZH+5 (GMT-05:00)');
  assert.equal(fixes(`${OFFICE}P64=tzt-5:30\n`, 'value-not-in-set').fixes[0][0], 'Change to TZT-5:30 (GMT+05:30)');
  assert.deepEqual(fixes(`${OFFICE}P64=Europe/Berlin\n`, 'value-not-in-set').fixes.map(([title]) => title), ['Set the template value customize']);
});

test('a value set twice: the fix deletes the earlier line, preferred when both say the same', () => {
  const same = fixes(OFFICE.replace('P212=1\n', 'P212=1\nP212=1\n'), 'set-twice').fixes;
  assert.deepEqual(same, [['Delete the earlier line', true, OFFICE]]);
  const differently = fixes(OFFICE.replace('P212=1\n', 'P212=2\nP212=1\n'), 'set-twice-differently').fixes;
  assert.deepEqual(differently, [['Delete the earlier line', false, OFFICE]]);
  const v1 = V1.replace('<P27014>1</P27014>', '<P27014>1</P27014>\n    <P27014>1</P27014>');
  assert.deepEqual(fixes(v1, 'set-twice', 'file:///work/base.xml').fixes, [['Delete the earlier line', true, V1]]);
});

test('a P-number with a small p: the key with a capital P is the preferred fix, with or without "=", and in XML v1 both tags', () => {
  assert.deepEqual(fixes(OFFICE.replace('P27014=1', 'p27014=1'), 'unknown-p-value').fixes, [['Change to P27014', true, OFFICE]]);
  assert.deepEqual(fixes(OFFICE.replace('P27014=1', 'p27014 1'), 'malformed-line').fixes, [
    ['Write P27014=1', true, OFFICE],
    ['Make it a comment', false, OFFICE.replace('P27014=1', '#p27014 1')],
  ]);
  assert.deepEqual(fixes(OFFICE.replace('P27014=1', 'p27014'), 'malformed-line').fixes.map(([title, preferred]) => [title, preferred]), [['Write P27014=', true]]);
  const v1 = V1.replace('<P27014>1</P27014>', '<p27014>1</p27014>');
  assert.deepEqual(found(v1, 'file:///work/base.xml'), [['unknown-p-value', 'p27014']], 'one problem, not an unexpected element too');
  assert.deepEqual(fixes(v1, 'unknown-p-value', 'file:///work/base.xml').fixes, [['Change to P27014', true, V1]]);
});

test('DHCP option 66 and 3CX auto provisioning: a note on P237 when on, by default or as set, with the fix that turns each off', () => {
  const byDefault = OFFICE.replace('P145=0\nP1414=0\n', '');
  assert.deepEqual(found(byDefault), [['dhcp-overrides-server', 'P237'], ['3cx-auto-provisioning', 'P237']]);
  const dhcp = fixes(byDefault, 'dhcp-overrides-server');
  assert.match(dhcp.message, /P145 \(Allow DHCP Option 66 to override server\) is 1 by default.*Set P145=0 to make P237 the one used \(after a reboot\)/);
  assert.deepEqual(dhcp.fixes.map(([title, , text]) => [title, text]), [['Set P145=0', byDefault.replace('P237=provisioning.example.com/dect\n', 'P237=provisioning.example.com/dect\nP145=0\n')]]);
  const threeCx = fixes(OFFICE.replace('P1414=0', 'P1414=1'), '3cx-auto-provisioning');
  assert.match(threeCx.message, /P1414 \(3CX Auto Provision\) is 1,.*an assumption/);
  assert.deepEqual(threeCx.fixes.map(([title, , text]) => [title, text]), [['Set P1414=0', OFFICE]]);
  const v2 = V2.replace(/\n *<item name="provisioning\.override\.dhcp[^\n]*/, '');
  const v2Fix = fixes(v2, 'dhcp-overrides-server', 'file:///work/base.xml').fixes[0][2];
  assert.match(v2Fix, /server_path">provisioning\.example\.com\/dect<\/item>\n {4}<item name="provisioning\.override\.dhcp\.allow_common_options">0<\/item>/);
  assert.deepEqual(found(OFFICE.replace('P237=provisioning.example.com/dect\n', '').replace('P27014=1', 'P27014=0')), [], 'no config server path: nothing to override');
});
