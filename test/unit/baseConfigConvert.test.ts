// Converting a base-station config between text, XML v1 and XML v2 (baseConfig/convert.ts), and comparing two
// configs P-value by P-value (baseConfig/configDiff.ts): nothing lost that the target can hold, nothing dropped
// without a word, on the fixtures written in the shape of the vendor's templates.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { ConfigShape } from '../../shared/protocol/status';
import { convertConfig } from '../../server/src/baseConfig/convert';
import { diffConfigs, diffLines, isEmptyDiff } from '../../server/src/baseConfig/configDiff';
import { parseBaseConfig, type BaseConfigDocument } from '../../server/src/baseConfig/parser';
import { validateBaseConfig } from '../../server/src/baseConfig/validate';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FIXTURES } from './helpers';

const fixture = (name: string) => parseBaseConfig(readFileSync(path.join(FIXTURES, 'base-config', name), 'utf8'));
/** Every setting as `P<n>=value` (or its key as written when the catalogue does not know it), in order. */
const values = (doc: BaseConfigDocument) => doc.settings.map((s) => `${s.entry ? `P${s.entry.p}` : s.key}=${s.value}`);
const convert = (doc: BaseConfigDocument, to: ConfigShape) => {
  const c = convertConfig(doc, to);
  return { ...c, doc: parseBaseConfig(c.text) };
};

test('text to XML v1 and back keeps every P-value and value of the factory text config, in order', () => {
  const text = fixture('dp75x-factory-text.txt');
  const v1 = convert(text, 'xml-v1');
  assert.equal(v1.doc.shape, 'xml-v1');
  assert.deepEqual(v1.leftOut, []);
  assert.deepEqual(values(v1.doc), values(text));
  const back = convert(v1.doc, 'text');
  assert.deepEqual(values(back.doc), values(text));
  assert.equal(back.written, text.settings.length);
});

test('text to XML v2 writes every P-value that has a v2 name and names each one it leaves out', () => {
  const text = fixture('dp75x-factory-text.txt');
  const v2 = convert(text, 'xml-v2');
  assert.equal(v2.doc.shape, 'xml-v2');
  const nameless = text.settings.filter((s) => !s.entry?.alias);
  assert.ok(nameless.length > 0, 'the fixture has P-values without a v2 name');
  assert.deepEqual(v2.leftOut.map((l) => l.key), nameless.map((s) => s.key));
  for (const l of v2.leftOut) assert.match(l.reason, /no v2 name/);
  assert.deepEqual(values(v2.doc), values(text).filter((_, i) => text.settings[i].entry?.alias));
  // And back to text: the same values as the source, less what v2 could not hold.
  assert.deepEqual(values(convert(v2.doc, 'text').doc), values(v2.doc));
});

test('XML v2 to text and back: every item with a P-number survives, empty ones as empty; the others are named', () => {
  const v2 = fixture('dp75x-factory-v2.xml');
  const text = convert(v2, 'text');
  assert.equal(text.written + text.leftOut.length, v2.settings.length);
  assert.deepEqual(text.leftOut.map((l) => l.key), v2.settings.filter((s) => !s.entry).map((s) => s.key));
  for (const l of text.leftOut) assert.match(l.reason, /no P-number/);
  const known = v2.settings.filter((s) => s.entry);
  assert.ok(known.some((s) => s.value === ''), 'the fixture has empty items');
  assert.deepEqual(values(convert(text.doc, 'xml-v2').doc), known.map((s) => `P${s.entry!.p}=${s.value}`));
});

test('each converted file is a clean config: well-formed XML, no line the checker cannot read', () => {
  for (const source of ['dp75x-factory-text.txt', 'dp75x-factory-v2.xml', 'quirks-office.txt', 'quirks-office-v1.xml']) {
    for (const to of ['text', 'xml-v1', 'xml-v2'] as const) {
      const { text } = convertConfig(fixture(source), to);
      const codes = validateBaseConfig(TextDocument.create('file:///c', 'hsconfig-base', 1, text), parseBaseConfig(text)).map((d) => String(d.code));
      for (const bad of ['xml-not-well-formed', 'malformed-line', 'root-not-gs-provision', 'config-version', 'unexpected-element-base']) assert.ok(!codes.includes(bad), `${source} → ${to}: ${bad}`);
    }
  }
});

test('markup in values is escaped in XML and read back as written; a comment never holds --', () => {
  const source = parseBaseConfig('# R&D -- lab\nP27762=R&D <lab> "x"\nP27763=a&amp;b\n');
  for (const to of ['xml-v1', 'xml-v2'] as const) {
    const out = convertConfig(source, to).text;
    assert.match(out, /<!-- R&D - - lab -->/);
    assert.deepEqual(values(parseBaseConfig(out)), ['P27762=R&D <lab> "x"', 'P27763=a&amp;b']);
  }
});

test('comments and blank lines carry over: a multi-line XML comment becomes one # line per line, and back', () => {
  const xml = '<gs_provision version="1"><config version="1">\n<!-- Office\n     site -->\n<P271>1</P271>\n\n<!-- names -->\n<P27762>office</P27762>\n</config></gs_provision>\n';
  const text = convertConfig(parseBaseConfig(xml), 'text').text;
  assert.equal(text, '# Office\n# site\nP271=1\n\n# names\nP27762=office\n');
  assert.equal(convertConfig(parseBaseConfig(text), 'text').text, text, 'text to text is stable');
});

test('a v2 value with a line break is left out of text, with the reason; the line end asked for is used', () => {
  const v2 = parseBaseConfig('<gs_provision version="1"><config version="2"><item name="profile.1.name">two\nlines</item><item name="profile.1.enable">1</item></config></gs_provision>');
  const c = convertConfig(v2, 'text', '\r\n');
  assert.deepEqual(c.leftOut.map((l) => [l.key, l.reason]), [['profile.1.name', 'its value holds a line break, which a text line cannot']]);
  assert.equal(c.text, 'P271=1\r\n');
});

test('diff: the same config in two shapes sets the same values', () => {
  const text = fixture('dp75x-factory-text.txt');
  assert.ok(isEmptyDiff(diffConfigs(text, convert(text, 'xml-v1').doc)));
  assert.ok(isEmptyDiff(diffConfigs(convert(text, 'xml-v1').doc, text)));
});

test('diff: added, removed and changed P-values, named, in P-number order; the last of a key set twice counts; an empty value is a value', () => {
  const a = parseBaseConfig('P27762=office\nP271=1\nP64=TZA+1\nP64=TZA+2\n');
  const b = parseBaseConfig('<gs_provision version="1"><config version="2"><item name="profile.1.name">Office</item><item name="profile.1.enable">1</item><item name="profile.2.name">branch</item><item name="maintenance.date_time.timezone"></item></config></gs_provision>');
  const diff = diffConfigs(a, b);
  assert.deepEqual(diff.changed.map((e) => [e.key, e.from, e.to]), [['P64', 'TZA+2', ''], ['P27762', 'office', 'Office']]);
  assert.deepEqual(diff.added.map((e) => [e.key, e.to]), [['P27763', 'branch']]);
  assert.deepEqual(diff.removed, []);
  assert.deepEqual(diffLines(diff), ['~ P64 Time Zone: TZA+2 → (empty)', '~ P27762 Profile Name: office → Office', '+ P27763 Profile Name: branch']);
  const gone = diffConfigs(b, parseBaseConfig('P271=1\nP12345=x\n'));
  assert.deepEqual(gone.removed.map((e) => e.key), ['P64', 'P27762', 'P27763']);
  assert.deepEqual(gone.added.map((e) => [e.key, e.name]), [['P12345', undefined]]);
});
