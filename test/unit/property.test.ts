// Property test: whatever the text, the language service answers without throwing, and every range it returns lies
// inside the document with its start before its end.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { allElements, childrenOf, type ElementSpec } from '../../server/src/languageService/catalogue';
import { getLanguageService } from '../../server/src/languageService/languageService';
import { parseDocument, type XmlElement } from '../../server/src/languageService/parser';
import { doc } from './helpers';

const service = getLanguageService();

const value = fc.oneof(
  fc.constantFrom('0', '1', '2', '20', '21', '-1', 'yes', '', 'DID', 'circular', 'profile1', 'Profile9', '02c332b510', '1131501774242'),
  fc.string({ maxLength: 14 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
);

/** A document shaped by the catalogue, with random values, random repeats and the odd stray element. */
function elementArb(spec: ElementSpec, depth: number): fc.Arbitrary<string> {
  if (spec.value || depth > 4) return value.map((v) => `<${spec.name}>${v}</${spec.name}>`);
  const names = allElements().map((e) => e.name);
  const child = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...childrenOf(spec.name)).chain((c) => elementArb(c, depth + 1)) },
    { weight: 1, arbitrary: fc.constantFrom(...names, 'bogus', 'cradle_anwser').map((n) => `<${n}>1</${n}>`) },
  );
  return fc.array(child, { maxLength: 6 }).map((kids) => `<${spec.name}>\n${kids.join('\n')}\n</${spec.name}>`);
}

const root = allElements().find((e) => e.parent === null) as ElementSpec;
const shaped = fc
  .tuple(fc.boolean(), elementArb(root, 0))
  .map(([decl, body]) => (decl ? '<?xml version="1.0" encoding="UTF-8"?>\n' : '') + body);

const noise = fc.constantFrom('<', '>', '</', '/>', '&', '&amp;', '"', "'", '<!--', '-->', '<![CDATA[', ']]>', '<?', '?>', '\uD83D', '\uDE00', '😀', '\r\n', '\u0000', 'Salted__');

/** Deletes, inserts, duplicates or truncates at random places. */
const mutated = fc
  .tuple(shaped, fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.oneof(noise, fc.string({ maxLength: 8 })), fc.nat({ max: 3 })), { maxLength: 5 }))
  .map(([text, edits]) =>
    edits.reduce((t, [at, len, insert, kind]) => {
      const i = t.length ? at % (t.length + 1) : 0;
      switch (kind) {
        case 0:
          return t.slice(0, i) + t.slice(i + len);
        case 1:
          return t.slice(0, i) + insert + t.slice(i);
        case 2:
          return t.slice(0, i) + t.slice(i, i + len) + t.slice(i);
        default:
          return t.slice(0, i);
      }
    }, text),
  );

const anyText = fc.oneof({ weight: 3, arbitrary: shaped }, { weight: 6, arbitrary: mutated }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) });

test('validation never throws and keeps every range inside the document (10,000 documents)', () => {
  fc.assert(
    fc.property(anyText, (text) => {
      const document = doc(text);
      const end = document.positionAt(text.length);
      for (const d of service.doValidation(document)) {
        const { start, end: stop } = d.range;
        assert.ok(document.offsetAt(start) <= document.offsetAt(stop), 'start after end');
        for (const p of [start, stop]) {
          assert.ok(p.line >= 0 && p.character >= 0, 'negative position');
          assert.ok(p.line < end.line || (p.line === end.line && p.character <= end.character), 'past the end');
          assert.deepEqual(document.positionAt(document.offsetAt(p)), p, 'position not inside a line');
        }
        assert.equal(typeof d.code, 'string');
        assert.equal(d.source, 'hsconfig');
        assert.ok(typeof d.message === 'string' && d.message.length > 0);
      }
    }),
    { numRuns: Number(process.env.HSCONFIG_PROPERTY_RUNS ?? 10_000) },
  );
});

/** Every element's offsets are consistent: its name is where it says, and it nests inside its parent. */
function checkTree(text: string, el: XmlElement): void {
  assert.equal(text.slice(el.nameSpan.start, el.nameSpan.end), el.name);
  if (el.closeNameSpan) assert.equal(text.slice(el.closeNameSpan.start, el.closeNameSpan.end), el.name);
  assert.ok(el.span.start <= el.nameSpan.start && el.nameSpan.end <= el.span.end && el.span.end <= text.length);
  if (el.contentSpan) assert.ok(el.span.start < el.contentSpan.start && el.contentSpan.start <= el.contentSpan.end && el.contentSpan.end <= el.span.end);
  let previousEnd = el.contentSpan?.start ?? el.span.start;
  for (const c of el.children) {
    assert.equal(c.parent, el);
    assert.ok(c.span.start >= previousEnd, 'children overlap or stand outside their parent');
    assert.ok(c.span.end <= (el.contentSpan?.end ?? el.span.end));
    previousEnd = c.span.end;
    checkTree(text, c);
  }
}

test('the tolerant tree keeps consistent offsets for any text (10,000 documents)', () => {
  fc.assert(
    fc.property(anyText, (text) => {
      const { root } = parseDocument(text);
      if (root) checkTree(text, root);
    }),
    { numRuns: Number(process.env.HSCONFIG_PROPERTY_RUNS ?? 10_000) },
  );
});
