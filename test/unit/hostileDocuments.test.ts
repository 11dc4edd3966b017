// Hostile documents (issue 15): out-of-range character references and deep nesting get a clear diagnostic, never
// a throw or a stack overflow, in every entry point.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readHandsetFile } from '../../server/src/baseStation/handsetFile';
import { importConfig } from '../../server/src/baseStation/importConfig';
import { elementValue, parseDocument } from '../../server/src/xml/parser';
import { runEveryEntryPoint } from './entryPoints';
import { codes, covered, diagnose, doc, handset } from './helpers';
import { getLanguageService } from '../../server/src/handset/languageService';

test('a character reference above U+10FFFF is a well-formedness error at the reference, and nothing throws', () => {
  for (const ref of ['&#x110000;', '&#1114112;', '&#xFFFFFFFFFFFF;', '&#99999999999999999999;']) {
    const text = handset({ ipei: ref });
    const [d, ...rest] = diagnose(text);
    assert.deepEqual(rest, [], ref);
    assert.equal(d.code, 'xml-not-well-formed', ref);
    assert.equal(covered(text, d), ref, `${ref}: the diagnostic should point at the reference, not at ${covered(text, d)}`);
    assert.match(String(d.message), /character reference/i);
    runEveryEntryPoint(text, { positions: 20 });
    const ipei = parseDocument(text).root!.children[0];
    assert.doesNotThrow(() => elementValue(text, ipei));
    assert.match((readHandsetFile(text) as { problem: string }).problem, /cannot read/);
  }
});

test('a character reference in an attribute or a second one in a value is no throw either', () => {
  runEveryEntryPoint(handset({ name: '  <hs_name a="&#x110000;">&#x41;&#x110000;</hs_name>\n' }), { positions: 30 });
});

function deep(levels: number, inner = '<hs_name>x</hs_name>'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<hs_config>\n<ipei>02c332b510</ipei>\n${'<a>'.repeat(levels)}${inner}${'</a>'.repeat(levels)}\n</hs_config>\n`;
}

test('10,000 nested elements: every entry point answers, no stack overflow', () => {
  const text = deep(10_000);
  const diagnostics = diagnose(text);
  assert.ok(codes(diagnostics).includes('unknown-element'));
  runEveryEntryPoint(text, { positions: 4 });
  const { root, syntaxError } = parseDocument(text);
  assert.equal(syntaxError, undefined);
  assert.equal(root!.children[1].name, 'a');
});

test('10,000 unclosed nested elements: the error names the innermost unclosed element', () => {
  const text = `<hs_config>${'<a>\n'.repeat(10_000)}`;
  const [d] = diagnose(text);
  assert.equal(d.code, 'xml-not-well-formed');
  runEveryEntryPoint(text, { positions: 4 });
  runEveryEntryPoint(`<hs_config>${'<a>'.repeat(10_000)}</b></hs_config>`, { positions: 4 });
});

test('deeply nested known containers (a <line> in a <line> …) are checked without recursion', () => {
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n<hs_config><ipei>02c332b510</ipei>${'<sip><line>'.repeat(10_000)}${'</line></sip>'.repeat(10_000)}</hs_config>`;
  assert.ok(diagnose(text).length > 0);
  runEveryEntryPoint(text, { positions: 4 });
});

test('end tags are matched in linear time: 200,000 levels parse well within the test timeout', { timeout: 60_000 }, () => {
  // The quadratic matcher took minutes here; a linear one takes a fraction of a second (npm run bench measures it).
  const text = deep(200_000);
  const { root, syntaxError } = parseDocument(text);
  assert.equal(syntaxError, undefined);
  assert.equal(root!.closed, true);
  const service = getLanguageService();
  const document = doc(text);
  assert.ok(service.doValidation(document).length > 0);
  assert.ok(service.getFoldingRanges(document).length >= 0);
});

test('bytes an editor could not read as UTF-8 (shown as U+FFFD) are an error there, and the preview stops on them', () => {
  const text = handset({ name: '  <hs_name>HS M\uFFFDller</hs_name>\n' });
  const d = diagnose(text).find((x) => x.code === 'not-utf8');
  assert.ok(d, 'no not-utf8 diagnostic');
  assert.equal(covered(text, d), '\uFFFD');
  assert.match(String(d.message), /Save with Encoding → UTF-8/);
  const read = readHandsetFile(text);
  assert.ok('problem' in read && /not UTF-8/.test(read.problem));
  runEveryEntryPoint(text);
});

test('a base-station config file with a character reference above U+10FFFF is not imported: the base station rejects it (issue 27)', () => {
  const text = '<config version="1">\n<P27762>&#x110000;</P27762>\n<P27763>Office</P27763>\n</config>\n';
  assert.throws(() => importConfig(text), /^Error: Not well-formed XML at line 2: .*character reference/);
});
