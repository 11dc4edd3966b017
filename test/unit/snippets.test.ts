// The snippets: generated from the catalogue, and every one yields a clean file when accepted as offered.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateSnippets, keyMappingElements } from '../../server/src/assets/snippets';
import { ancestry, getElement, ROOT } from '../../server/src/languageService/catalogue';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { KEY_MAPPINGS } from '../../server/src/languageService/keyMappings';
import { diagnose, handset } from './helpers';

/** The text VS Code inserts when every placeholder is accepted with its default or first choice. */
function expand(body: readonly string[]): string {
  const unescape = (s: string) => s.replace(/\\(.)/g, '$1');
  return body
    .join('\n')
    .replace(/\$\{\d+\|((?:\\.|[^\\,|])*)(?:,(?:\\.|[^\\|])*)*\|\}/g, (_, first: string) => unescape(first))
    .replace(/\$\{\d+:((?:\\.|[^\\}])*)\}/g, (_, text: string) => unescape(text))
    .replace(/\$\{\d+\}|\$\d+/g, '')
    .replace(/\t/g, '  ');
}

/** Puts a snippet that starts with an element inside the elements it belongs in, in an otherwise clean file. */
function inHost(text: string): string {
  if (text.startsWith('<?xml')) return text;
  const first = /^<([\w.-]+)/.exec(text)?.[1] ?? '';
  const spec = getElement(first);
  assert.ok(spec, `the snippet starts with <${first}>, which the catalogue does not know`);
  const wrappers = ancestry(spec).filter((name) => name !== ROOT);
  const wrapped = wrappers.reduceRight((inner, name) => `<${name}>\n${inner}\n</${name}>`, text);
  return handset({ sip: '', settings: wrapped + '\n' });
}

const snippets = generateSnippets();

test('the snippets are a whole file, a line, the settings block and the key mappings', () => {
  assert.deepEqual(Object.values(snippets).map((s) => s.prefix), ['hs_config', 'hs_line', 'hs_settings', 'hs_key_mappings']);
});

for (const [name, snippet] of Object.entries(snippets)) {
  test(`snippet '${name}' accepted as offered leaves no errors or warnings`, () => {
    const text = inHost(expand(snippet.body));
    const problems = diagnose(text).filter((d) => d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning);
    assert.deepEqual(problems.map((d) => `${d.code}: ${d.message}`), [], text);
  });

  test(`snippet '${name}' numbers its tab stops 1, 2, 3 … and ends with $0`, () => {
    const stops = [...snippet.body.join('\n').matchAll(/\$\{(\d+)[:|}]/g)].map((m) => Number(m[1]));
    assert.deepEqual(stops, stops.map((_, i) => i + 1));
    assert.equal(snippet.body[snippet.body.length - 1], '$0');
  });
}

test('the whole-file snippet offers the factory profiles and every ring type, and declares UTF-8', () => {
  const body = snippets['Handset file'].body.join('\n');
  assert.match(body, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<hs_config>/);
  assert.match(body, /<profile_name>\$\{\d+\|profile1,profile2,profile3,profile4\|\}<\/profile_name>/);
  assert.match(body, /<ring_type>\$\{\d+\|DID,Circular,Linear,Parallel,Shared\|\}<\/ring_type>/);
  assert.match(body, /<force_apply>\$\{\d+\|0,1\|\}<\/force_apply>/);
  for (const el of ['ipei', 'hs_name', 'user_id', 'auth_id', 'password', 'display_name']) assert.match(body, new RegExp(`<${el}>\\$\\{\\d+:[^}]+\\}</${el}>`));
  assert.doesNotMatch(body, /<admin>|<user>/);
});

test('the settings snippet has force_apply and every admin and user setting, each with its choices', () => {
  const body = snippets['Handset settings'].body.join('\n');
  const settings = [...body.matchAll(/<(\w+)>\$\{\d+\|/g)].map((m) => m[1]);
  assert.equal(settings[0], 'force_apply');
  assert.deepEqual(settings.slice(1).map((s) => getElement(s)?.parent), [...Array(5).fill('admin'), ...Array(19).fill('user')]);
  assert.match(body, /<custom_ringtone>\$\{\d+\|0,1,2,3,4,5,6,7,8,9,10\|\}<\/custom_ringtone>/);
});

test('the key-mapping snippet has the 12 key settings, each offering the whole key-mapping table', () => {
  const body = snippets['Key mappings'].body;
  assert.equal(keyMappingElements().length, 12);
  const table = KEY_MAPPINGS.map((k) => k.value).join(',');
  assert.deepEqual(
    body.slice(0, -1).map((line) => /^<(\w+)>\$\{\d+\|([^|]*)\|\}<\/\1>$/.exec(line)?.slice(1)),
    keyMappingElements().map((e) => [e.name, table]),
  );
});

test('choices are escaped for the snippet syntax', () => {
  const body = generateSnippets(['a,b', 'c|d', 'e\\f'])['SIP line'].body;
  assert.equal(body[1], '\t<profile_name>${1|a\\,b,c\\|d,e\\\\f|}</profile_name>');
  assert.match(expand(body), /<profile_name>a,b<\/profile_name>/);
});
