// The snippets: generated from the catalogue, and every one yields a clean file when accepted as offered.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateSnippets, keyMappingElements } from '../../server/src/assets/snippets';
import { ancestry, getElement, ROOT } from '../../server/src/handset/catalogue';
import { ipeiFromFileName } from '../../shared/domain/ipei';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { KEY_MAPPINGS } from '../../server/src/handset/keyMappings';
import { diagnose, handset } from './helpers';

/** `${TM_FILENAME/regex/format/}` as VS Code resolves it, for the format forms the snippets use (`$1`, `${1:-else}`). */
function resolveFileNameTransforms(text: string, fileName: string): string {
  return text.replace(/\$\{TM_FILENAME\/((?:\\.|[^/])*)\/((?:\\.|[^/])*)\/\}/g, (_, regex: string, format: string) => {
    const m = new RegExp(regex).exec(fileName);
    if (!m) return fileName;
    return format.replace(/\$\{(\d+):-([^}]*)\}|\$(\d+)/g, (_f, n: string, otherwise: string, plain: string) => (n ? m[Number(n)] || otherwise : m[Number(plain)] ?? ''));
  });
}

/** The text VS Code inserts, in a file of that name, when every placeholder is accepted with its default or first choice. */
function expand(body: readonly string[], fileName = 'Untitled-1'): string {
  const unescape = (s: string) => s.replace(/\\(.)/g, '$1');
  return resolveFileNameTransforms(body.join('\n'), fileName)
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
    const stops = [...resolveFileNameTransforms(snippet.body.join('\n'), 'Untitled-1').matchAll(/\$\{(\d+)[:|}]/g)].map((m) => Number(m[1]));
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
  const resolved = resolveFileNameTransforms(body, 'Untitled-1');
  for (const el of ['ipei', 'hs_name', 'user_id', 'auth_id', 'password', 'display_name']) assert.match(resolved, new RegExp(`<${el}>\\$\\{\\d+:[^}]+\\}</${el}>`));
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

test('the whole-file snippet fills <ipei> from the file name, as the base station requests it, else a placeholder', () => {
  const body = snippets['Handset file'].body;
  const ipeiIn = (fileName: string) => /<ipei>(.*)<\/ipei>/.exec(expand(body, fileName))?.[1];
  assert.equal(ipeiIn('ipei_02c332b510.xml'), '02c332b510');
  assert.equal(ipeiIn('ipei_02C332B510.xml.enc'), '02C332B510', 'with a postfix, in the case the name has');
  assert.equal(ipeiIn('hs_abc02c332b511.xml'), '02c332b511', 'a prefix ending in hex digits');
  assert.equal(ipeiIn('front-desk.xml'), '0000000000');
  assert.equal(ipeiIn('Untitled-1'), '0000000000');
  for (const name of ['02c332b510.xml', 'x02c332b51.xml', 'ipei_02c332b510.XML', 'ipei_02c332b5100.xml', 'a.xml.b02c332b510.xml']) {
    assert.equal(ipeiIn(name), ipeiFromFileName(name) ?? '0000000000', `the snippet reads ${name} as the diagnostics do`);
  }
  const filled = expand(body, 'ipei_02c332b512.xml');
  const problems = diagnose(filled, 'file:///w/ipei_02c332b512.xml').filter((d) => d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning);
  assert.deepEqual(problems, [], 'the filled-in file matches its name');
});
