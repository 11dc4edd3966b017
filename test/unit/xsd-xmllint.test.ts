// The generated XSD and our validation agree, as judged by libxml2's xmllint, on every rule a schema can express.
// Every case runs on xmllint-wasm (libxml2's xmllint built to WebAssembly, an npm dependency, so a fresh clone needs
// no system package); one more test runs the system's xmllint (libxml2-utils) on them all when it is installed. Ours counts as "valid" when it reports no error or warning outside the rules an XSD cannot express:
//  - xml-declaration-missing, xml-encoding-not-utf8: the declaration is not part of what a schema validates;
//  - ipei-file-name-mismatch: needs the file's name;
//  - duplicate-user-id: a rule across lines from the base station's workflow, not an element rule of the catalogue;
//  - user-settings-ignored: information, never a verdict.
// Known difference kept out of the cases: xs:token collapses runs of inner whitespace before maxLength, we count them.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { validateXML } from 'xmllint-wasm';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { Code } from '../../server/src/handset/codes';
import { generateXsd } from '../../server/src/schema/xsd';
import { diagnose, fixture, handset } from './helpers';

const XSD_CANNOT_EXPRESS: ReadonlySet<string> = new Set([
  Code.DeclarationMissing,
  Code.EncodingNotUtf8,
  Code.IpeiFileNameMismatch,
  Code.DuplicateUserId,
  Code.UserSettingsIgnored,
]);

const dir = mkdtempSync(path.join(tmpdir(), 'hsconfig-xsd-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function writeSchema(profiles?: string[]): string {
  const file = path.join(dir, `schema-${profiles?.join('_') ?? 'factory'}.xsd`);
  writeFileSync(file, generateXsd(profiles ? { profiles } : {}));
  return file;
}

let counter = 0;

/** The system xmllint's verdict: true valid, false invalid, undefined when it is not installed; anything else fails. */
function systemXmllintAccepts(schema: string, text: string): boolean | undefined {
  const file = path.join(dir, `case-${++counter}.xml`);
  writeFileSync(file, text);
  const r = spawnSync('xmllint', ['--noout', '--schema', schema, file], { encoding: 'utf8' });
  if ((r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') return undefined;
  if (r.status === 0) return true;
  if (r.status === 3) return false;
  assert.fail(`xmllint exited with ${r.status} (not a validity verdict):\n${r.stderr}`);
}

/** xmllint-wasm's verdict; it rejects (failing the test) on anything that is not a validity verdict. */
async function wasmXmllintAccepts(schema: string, text: string): Promise<boolean> {
  const result = await validateXML({
    xml: { fileName: 'case.xml', contents: text },
    schema: { fileName: 'schema.xsd', contents: readFileSync(schema, 'utf8') },
  });
  if (!result.valid) assert.ok(result.errors.length > 0, `an invalid verdict comes with its errors:\n${result.rawOutput}`);
  return result.valid;
}

function oursAccepts(text: string, uri?: string, profiles?: string[]): { valid: boolean; codes: string[] } {
  const diagnostics = diagnose(text, uri, profiles ? { profiles } : {});
  const verdicts = diagnostics.filter(
    (d) => (d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning) && !XSD_CANNOT_EXPRESS.has(String(d.code)),
  );
  return { valid: verdicts.length === 0, codes: diagnostics.map((d) => String(d.code)) };
}

interface Case {
  readonly name: string;
  readonly text: string;
  readonly valid: boolean;
  /** Our codes that must be reported, to show a case tests the rule it names. */
  readonly codes?: readonly string[];
  readonly uri?: string;
  readonly profiles?: string[];
}

const LINE = (profile = 'profile1', user = '5328') => `    <line>\n      <profile_name>${profile}</profile_name>\n      <user_id>${user}</user_id>\n    </line>\n`;
const sip = (...lines: string[]) => `  <sip>\n${lines.join('')}  </sip>\n`;
const guide = fixture('guide-example.xml');
const guideWithoutDuplicate = guide.replace(/(<cradle_answer>0<\/cradle_answer>)\s*<cradle_answer>0<\/cradle_answer>/, '$1');

const CASES: readonly Case[] = [
  { name: 'a good guide-like file', text: guideWithoutDuplicate, valid: true },
  { name: 'a minimal file', text: handset(), valid: true },
  { name: 'values with spaces around them', text: handset({ ipei: ' 02c332b510 ', settings: '  <hs_settings><force_apply> 1 </force_apply></hs_settings>\n' }), valid: true },
  { name: 'a 10-character name with an accent', text: handset({ name: '  <hs_name>Réception1</hs_name>\n' }), valid: true },
  { name: 'ten lines', text: handset({ sip: sip(...Array.from({ length: 10 }, (_, i) => LINE('profile1', `${100 + i}`))) }), valid: true },
  { name: 'the wrong root', text: '<?xml version="1.0" encoding="UTF-8"?>\n<hs_cfg>\n  <ipei>02c332b510</ipei>\n</hs_cfg>\n', valid: false, codes: [Code.RootNotHsConfig] },
  { name: 'a missing ipei', text: handset().replace(/ *<ipei>.*\n/, ''), valid: false, codes: [Code.MissingElement] },
  { name: 'a bad ipei', text: handset({ ipei: '02c332b5zz' }), valid: false, codes: [Code.IpeiInvalid] },
  { name: 'an empty ipei', text: handset({ ipei: '' }), valid: false, codes: [Code.EmptyValue] },
  { name: 'a decimal ipei', text: handset({ ipei: '1131501774242' }), valid: false, codes: [Code.IpeiDecimal] },
  { name: 'an hs_name too long', text: handset({ name: '  <hs_name>Front desk 1</hs_name>\n' }), valid: false, codes: [Code.ValueTooLong] },
  { name: '11 lines', text: handset({ sip: sip(...Array.from({ length: 11 }, (_, i) => LINE('profile1', `${100 + i}`))) }), valid: false, codes: [Code.TooManyElements] },
  { name: 'an unknown element', text: handset({ name: '  <hs_nmae>Desk</hs_nmae>\n' }), valid: false, codes: [Code.UnknownElement] },
  {
    name: 'a misplaced element',
    text: handset({ settings: '  <hs_settings>\n    <admin><auto_answer>1</auto_answer></admin>\n  </hs_settings>\n' }),
    valid: false,
    codes: [Code.MisplacedElement],
  },
  { name: 'a duplicate element (the guide example as published)', text: guide, valid: false, codes: [Code.DuplicateElement] },
  {
    name: 'an invalid value 21',
    text: handset({ settings: '  <hs_settings>\n    <force_apply>1</force_apply>\n    <user><key_up_idle_function>21</key_up_idle_function></user>\n  </hs_settings>\n' }),
    valid: false,
    codes: [Code.InvalidValue],
  },
  {
    name: 'ring type circular',
    text: handset({ sip: sip('    <line>\n      <profile_name>profile1</profile_name>\n      <user_id>5328</user_id>\n      <ring_type>circular</ring_type>\n    </line>\n') }),
    valid: false,
    codes: [Code.ValueCase],
  },
  { name: 'an empty user_id', text: handset({ sip: sip(LINE('profile1', '  ')) }), valid: false, codes: [Code.EmptyValue] },
  { name: 'a line without user_id', text: handset({ sip: sip('    <line><profile_name>profile1</profile_name></line>\n') }), valid: false, codes: [Code.MissingElement] },
  { name: 'an unknown profile', text: handset({ sip: sip(LINE('profile9')) }), valid: false, codes: [Code.ProfileUnknown] },
  { name: 'a configured profile', text: handset({ sip: sip(LINE('Office PBX')) }), valid: true, profiles: ['Office PBX', 'Trunk'] },
  { name: 'a factory profile the base station renamed', text: handset(), valid: false, codes: [Code.ProfileUnknown], profiles: ['Office PBX', 'Trunk'] },
  { name: 'an attribute', text: handset().replace('<hs_config>', '<hs_config version="2">'), valid: false, codes: [Code.UnexpectedAttribute] },
  { name: 'text inside a container', text: handset({ sip: '  <sip>lines:\n' + LINE() + '  </sip>\n' }), valid: false, codes: [Code.UnexpectedText] },
  // Rules only we check: the schema accepts these files, and ours reports them only with codes left out above.
  { name: 'no XML declaration', text: handset({ head: '' }), valid: true, codes: [Code.DeclarationMissing] },
  { name: 'an encoding other than UTF-8', text: handset({ head: '<?xml version="1.0" encoding="ISO-8859-1"?>\n' }), valid: true, codes: [Code.EncodingNotUtf8] },
  { name: 'an IPEI that differs from the file name', text: handset(), uri: 'file:///p/ipei_02c332b511.xml', valid: true, codes: [Code.IpeiFileNameMismatch] },
  { name: 'two lines for one account', text: handset({ sip: sip(LINE(), LINE()) }), valid: true, codes: [Code.DuplicateUserId] },
  {
    name: 'user settings without force_apply',
    text: handset({ settings: '  <hs_settings><user><auto_answer>1</auto_answer></user></hs_settings>\n' }),
    valid: true,
    codes: [Code.UserSettingsIgnored],
  },
];

const schemas = new Map<string, string>();
function schemaFor(profiles?: string[]): string {
  const key = profiles?.join(',') ?? '';
  if (!schemas.has(key)) schemas.set(key, writeSchema(profiles));
  return schemas.get(key) as string;
}

for (const c of CASES) {
  test(`xmllint and hsconfig agree: ${c.name} is ${c.valid ? 'valid' : 'invalid'}`, async () => {
    const ours = oursAccepts(c.text, c.uri, c.profiles);
    for (const code of c.codes ?? []) assert.ok(ours.codes.includes(code), `we report ${code}; got ${ours.codes.join(', ') || 'nothing'}`);
    assert.equal(ours.valid, c.valid, `our verdict (codes: ${ours.codes.join(', ') || 'none'})`);
    assert.equal(await wasmXmllintAccepts(schemaFor(c.profiles), c.text), c.valid, "xmllint's verdict (libxml2 as WebAssembly)");
  });
}

const systemXmllint = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
const noSystemXmllint = systemXmllint.error ? 'the system xmllint is not installed (apt-get install -y libxml2-utils adds it); the WebAssembly build above judged every case' : false;

test("the system's xmllint gives the same verdicts", { skip: noSystemXmllint }, () => {
  for (const c of CASES) assert.equal(systemXmllintAccepts(schemaFor(c.profiles), c.text), c.valid, `${c.name}: the system xmllint's verdict`);
});
