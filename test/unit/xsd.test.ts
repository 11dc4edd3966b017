// The XSD's shape, read back from the generated text, and `hsconfig schema` as users run it.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { allElements } from '../../server/src/handset/catalogue';
import { generateXsd } from '../../server/src/schema/xsd';

const CLI = path.join(__dirname, '..', '..', '..', 'dist', 'cli.js');
const dir = mkdtempSync(path.join(tmpdir(), 'hsconfig-schema-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: dir });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The declaration of one element, from its start tag to its matching end tag. */
function declaration(xsd: string, name: string): string {
  const start = xsd.indexOf(`<xs:element name="${name}"`);
  assert.ok(start >= 0, `no declaration of <${name}>`);
  const indent = xsd.lastIndexOf('\n', start);
  const end = xsd.indexOf(`\n${' '.repeat(start - indent - 1)}</xs:element>`, start);
  return xsd.slice(start, end);
}

const xsd = generateXsd();

test('every catalogue element is declared exactly once, with its summary', () => {
  for (const spec of allElements()) {
    assert.equal(xsd.split(`<xs:element name="${spec.name}"`).length - 1, 1, spec.name);
    assert.ok(declaration(xsd, spec.name).includes(`<xs:documentation>${spec.summary.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</xs:documentation>`), spec.name);
  }
});

test('only the root is global, and order-free containers use xs:all', () => {
  assert.match(xsd, /^<\?xml version="1.0" encoding="UTF-8"\?>\n/);
  assert.deepEqual([...xsd.matchAll(/^ {2}<xs:element name="(\w+)"/gm)].map((m) => m[1]), ['hs_config']);
  for (const name of ['hs_config', 'line', 'hs_settings', 'admin', 'user']) assert.match(declaration(xsd, name), /<xs:complexType>\s*<xs:all>/, name);
  assert.match(declaration(xsd, 'sip'), /<xs:sequence>\s*<xs:element name="line" minOccurs="0" maxOccurs="10">/);
});

test('mandatory elements need one occurrence, optional ones none', () => {
  assert.match(xsd, /<xs:element name="ipei">/);
  assert.match(xsd, /<xs:element name="profile_name">/);
  assert.match(xsd, /<xs:element name="user_id">/);
  assert.match(xsd, /<xs:element name="hs_name" minOccurs="0">/);
  assert.match(xsd, /<xs:element name="auto_answer" minOccurs="0">/);
});

test('value types restrict xs:token by the catalogue', () => {
  assert.match(declaration(xsd, 'ipei'), /<xs:pattern value="\[0-9a-fA-F\]\{10\}"\/>/);
  assert.match(declaration(xsd, 'hs_name'), /<xs:maxLength value="10"\/>/);
  assert.doesNotMatch(declaration(xsd, 'hs_name'), /minLength/);
  assert.match(declaration(xsd, 'user_id'), /<xs:minLength value="1"\/>/);
  const ringTypes = [...declaration(xsd, 'ring_type').matchAll(/<xs:enumeration value="(\w+)">/g)].map((m) => m[1]);
  assert.deepEqual(ringTypes, ['DID', 'Circular', 'Linear', 'Parallel', 'Shared']);
  assert.match(declaration(xsd, 'ring_type'), /<xs:documentation>Ring this handset only<\/xs:documentation>/);
  const keys = [...declaration(xsd, 'key_up_idle_function').matchAll(/<xs:enumeration value="(\d+)">/g)].map((m) => Number(m[1]));
  assert.deepEqual(keys, Array.from({ length: 21 }, (_, i) => i));
  assert.equal(xsd.split('base="xs:token"').length - 1, allElements().filter((e) => e.value).length);
});

test('profile names: the factory ones by default, or the given ones, escaped', () => {
  const profiles = (text: string) => [...declaration(text, 'profile_name').matchAll(/<xs:enumeration value="([^"]*)"\/>/g)].map((m) => m[1]);
  assert.deepEqual(profiles(xsd), ['profile1', 'profile2', 'profile3', 'profile4']);
  assert.deepEqual(profiles(generateXsd({ profiles: ['R&D "lab"', 'Trunk'] })), ['R&amp;D &quot;lab&quot;', 'Trunk']);
  assert.throws(() => generateXsd({ profiles: [] }), /at least one profile/);
});

test('hsconfig schema --xsd prints the schema', () => {
  const r = run('schema', '--xsd');
  assert.equal(r.code, 0);
  assert.equal(r.stdout, xsd);
  assert.equal(run('schema', '--xsd', '--profiles', 'Office, Trunk').stdout, generateXsd({ profiles: ['Office', 'Trunk'] }));
});

test('hsconfig schema --out writes the file and replaces an existing one only with --force', () => {
  const out = path.join(dir, 'hs_config.xsd');
  assert.equal(run('schema', '--xsd', '--out', out).code, 0);
  assert.equal(readFileSync(out, 'utf8'), xsd);

  writeFileSync(out, 'keep me');
  const refused = run('schema', '--xsd', '--out', out);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /already exists; use --force/);
  assert.equal(readFileSync(out, 'utf8'), 'keep me');

  assert.equal(run('schema', '--xsd', '--profiles', 'Office', '--out', out, '--force').code, 0);
  assert.equal(readFileSync(out, 'utf8'), generateXsd({ profiles: ['Office'] }));
});

test('hsconfig schema: bad usage exits 2', () => {
  for (const args of [['schema'], ['schema', '--xsd', '--profiles', ' , '], ['schema', '--xsd', 'out.xsd'], ['schema', '--dtd']]) {
    const r = run(...args);
    assert.equal(r.code, 2, `hsconfig ${args.join(' ')}`);
    assert.match(r.stderr, /^hsconfig: /);
  }
  assert.match(run('--help').stdout, /schema --xsd/);
});
