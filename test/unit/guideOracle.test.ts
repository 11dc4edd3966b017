// An oracle that owes nothing to the catalogue: what the vendor's guide says about each field, written down here by
// hand, turned into files at each limit and one step past it. Our validation and xmllint with the XSD we generate
// must both give the guide's verdict, so a wrong range, choice, length, parent or mandatory element in the catalogue
// fails here even though the catalogue-generated schema would agree with it. xmllint runs as WebAssembly (the
// xmllint-wasm dependency), so a fresh clone needs no system package.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { validateXML } from 'xmllint-wasm';
import { generateXsd } from '../../server/src/schema/xsd';
import { diagnose } from './helpers';

// From the guide's field list: each setting's parent and the numbers it may take.
const ADMIN: Record<string, number> = {
  disable_private_phonebook: 1,
  disable_shared_phonebook: 1,
  disable_conference: 1,
  disable_transfer: 1,
  custom_ringtone: 10,
};
const KEY_FUNCTION_MAX = 20; // Table 1: 0 None … 20 New Call
const USER: Record<string, number> = {
  auto_answer: 1,
  cradle_answer: 1,
  cradle_hangup: 1,
  remote_disconnect_tone_disable: 1,
  disable_callwaiting_tone: 1,
  lcd_backlight_cradle: 2,
  ...Object.fromEntries(
    ['up_idle', 'down_idle', 'left_idle', 'right_idle', 'up_call', 'down_call', 'left_call', 'right_call'].map((k) => [`key_${k}_function`, KEY_FUNCTION_MAX]),
  ),
  left_softkey_idle_function: KEY_FUNCTION_MAX,
  right_softkey_idle_function: KEY_FUNCTION_MAX,
  left_softkey_call_function: KEY_FUNCTION_MAX,
  right_softkey_call_function: KEY_FUNCTION_MAX,
  mute_as_dnd: 1,
};
const FORCE_APPLY_MAX = 1;
const RING_TYPES = ['DID', 'Circular', 'Linear', 'Parallel', 'Shared'];
const HS_NAME_MAX = 10;
const LINES_MAX = 10;
const FACTORY_PROFILES = ['profile1', 'profile2', 'profile3', 'profile4'];

const schema = generateXsd({});

/** xmllint's verdict on each case, from one run over them all: each file's "validates" or "fails to validate" line. */
async function xmllintVerdicts(texts: string[]): Promise<boolean[]> {
  const xml = texts.map((contents, i) => ({ fileName: `case-${i}.xml`, contents }));
  const { rawOutput } = await validateXML({ xml, schema: { fileName: 'hs_config.xsd', contents: schema } });
  const lines = new Set(rawOutput.split('\n'));
  return xml.map(({ fileName }) => {
    if (lines.has(`${fileName} validates`)) return true;
    if (lines.has(`${fileName} fails to validate`)) return false;
    assert.fail(`xmllint gave no validity verdict on ${fileName}:\n${rawOutput}`);
  });
}

function oursAccepts(text: string): boolean {
  return !diagnose(text).some((d) => d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning);
}

type Case = [name: string, text: string, valid: boolean];

/** Ours and xmllint must each give every case the guide's verdict. */
async function assertVerdicts(cases: Case[]): Promise<void> {
  for (const [name, text, valid] of cases) assert.equal(oursAccepts(text), valid, `hsconfig on ${name}:\n${text}`);
  const verdicts = await xmllintVerdicts(cases.map(([, text]) => text));
  cases.forEach(([name, text, valid], i) => assert.equal(verdicts[i], valid, `xmllint on ${name}:\n${text}`));
}

const line = (inner = '<profile_name>profile1</profile_name><user_id>5328</user_id>') => `<line>${inner}</line>`;
function file(parts: { ipei?: string | null; name?: string; lines?: string[]; admin?: string; user?: string; force?: string } = {}): string {
  const ipei = parts.ipei === null ? '' : `<ipei>${parts.ipei ?? '02c332b510'}</ipei>`;
  const name = parts.name === undefined ? '' : `<hs_name>${parts.name}</hs_name>`;
  const settings = `<force_apply>${parts.force ?? '1'}</force_apply><admin>${parts.admin ?? ''}</admin><user>${parts.user ?? ''}</user>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<hs_config>${ipei}${name}<sip>${(parts.lines ?? [line()]).join('')}</sip><hs_settings>${settings}</hs_settings></hs_config>\n`;
}
const elements = (values: Record<string, number | string>) => Object.entries(values).map(([k, v]) => `<${k}>${v}</${k}>`).join('');
const atValue = (limits: Record<string, number>, pick: (max: number) => number) => elements(Object.fromEntries(Object.entries(limits).map(([k, max]) => [k, pick(max)])));

test('every setting at its lowest and at its highest value, under the parent the guide gives it, is valid', async () => {
  await assertVerdicts(
    [() => 0, (max: number) => max].map((pick): Case => [`settings at ${pick(99)}`, file({ force: String(pick(FORCE_APPLY_MAX)), admin: atValue(ADMIN, pick), user: atValue(USER, pick) }), true]),
  );
});

test('one past the highest value, a negative number or a word is invalid, for every setting', async () => {
  const settings: [string, number, 'admin' | 'user' | 'force'][] = [
    ...Object.entries(ADMIN).map(([k, max]): [string, number, 'admin'] => [k, max, 'admin']),
    ...Object.entries(USER).map(([k, max]): [string, number, 'user'] => [k, max, 'user']),
    ['force_apply', FORCE_APPLY_MAX, 'force'],
  ];
  assert.equal(settings.length, 25); // 5 admin settings, 19 user settings, force_apply
  const cases = settings.flatMap(([name, max, parent]) =>
    [String(max + 1), '-1', 'yes'].map((bad): Case => [`${name} = ${bad}`, parent === 'force' ? file({ force: bad }) : file({ [parent]: `<${name}>${bad}</${name}>` }), false]),
  );
  assert.equal(cases.length, 75);
  await assertVerdicts(cases);
});

test('ring types: the five the guide lists are valid, others are not', async () => {
  const withRing = (ring: string) => file({ lines: [line(`<profile_name>profile1</profile_name><user_id>1</user_id><ring_type>${ring}</ring_type>`)] });
  await assertVerdicts([
    ...RING_TYPES.map((ring): Case => [ring, withRing(ring), true]),
    ...['Hunt', 'Serial', '1'].map((ring): Case => [ring, withRing(ring), false]),
  ]);
});

test('hs_name holds 10 characters, not 11; a file holds 10 lines, not 11', async () => {
  const lines = (n: number) => Array.from({ length: n }, (_, i) => line(`<profile_name>profile1</profile_name><user_id>${100 + i}</user_id>`));
  await assertVerdicts([
    ['10-character name', file({ name: 'x'.repeat(HS_NAME_MAX) }), true],
    ['11-character name', file({ name: 'x'.repeat(HS_NAME_MAX + 1) }), false],
    ['10 lines', file({ lines: lines(LINES_MAX) }), true],
    ['11 lines', file({ lines: lines(LINES_MAX + 1) }), false],
  ]);
});

test('ipei, and each line\'s profile_name and user_id, are mandatory; every factory profile name is accepted', async () => {
  await assertVerdicts([
    ['no ipei', file({ ipei: null }), false],
    ['no profile_name', file({ lines: [line('<user_id>5328</user_id>')] }), false],
    ['no user_id', file({ lines: [line('<profile_name>profile1</profile_name>')] }), false],
    ...FACTORY_PROFILES.map((profile): Case => [profile, file({ lines: [line(`<profile_name>${profile}</profile_name><user_id>1</user_id>`)] }), true]),
    ['the guide\'s optional line fields', file({ lines: [line('<display_name>Desk</display_name><profile_name>profile1</profile_name><user_id>1</user_id><auth_id>1</auth_id><password>secret</password>')] }), true],
  ]);
});
