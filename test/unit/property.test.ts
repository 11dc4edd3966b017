// Property test: whatever the text, the language service answers without throwing, and every range it returns lies
// inside the document with its start before its end. Beyond validation, every entry point (hover, completion, code
// actions, symbols, folding, selection ranges, inlay hints, status, the preview's simulation and the fleet
// simulation) gets the same mutated documents, deep ones, out-of-range character references and odd bytes.
// HSCONFIG_PROPERTY_RUNS sets the number of runs (default 10,000 for the cheap properties, a fortieth for the rest).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { allElements, childrenOf, type ElementSpec } from '../../server/src/handset/catalogue';
import { getLanguageService } from '../../server/src/handset/languageService';
import { parseDocument, type XmlElement } from '../../server/src/xml/parser';
import { decodeHandsetBytes } from '../../shared/domain/textBytes';
import { runEveryEntryPoint } from './entryPoints';
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

/** Nesting deeper than a call stack reaches, broken off or closed by the wrong name at random. */
const deep = fc
  .tuple(fc.integer({ min: 1_000, max: 5_000 }), fc.constantFrom('a', 'line', 'sip', 'hs_settings'), fc.constantFrom('close', 'open', 'wrong', 'text'))
  .map(([levels, name, ending]) => {
    const open = `<${name}>`.repeat(levels);
    const close = ending === 'open' ? '' : ending === 'wrong' ? `</b>${`</${name}>`.repeat(levels >> 1)}` : `</${name}>`.repeat(levels);
    const inner = ending === 'text' ? `x${'<x>y</x>'.repeat(3)}` : '<hs_name>x</hs_name>';
    return `<?xml version="1.0" encoding="UTF-8"?>\n<hs_config><ipei>02c332b510</ipei>${open}${inner}${close}</hs_config>`;
  });

/** Character references to no character, anywhere in a value or an attribute. */
const outOfRange = fc
  .tuple(shaped, fc.nat(), fc.constantFrom('&#x110000;', '&#1114112;', '&#xFFFFFFFF;', '&#99999999999999999999999;', '&#x0;', '&#xD800;', '&#;', '&#x;'))
  .map(([text, at, ref]) => {
    const gaps = [...text.matchAll(/>[^<]*</g)].map((m) => (m.index ?? 0) + 1);
    const i = gaps.length ? gaps[at % gaps.length] : 0;
    return text.slice(0, i) + ref + text.slice(i);
  });

/** Bytes as a file may hold them (Latin-1, UTF-16, cut-off UTF-8), read the lossy way an editor would. */
const oddBytes = fc
  .tuple(shaped, fc.constantFrom('latin1', 'utf16le', 'utf16be', 'cut') as fc.Arbitrary<'latin1' | 'utf16le' | 'utf16be' | 'cut'>, fc.nat())
  .map(([text, encoding, at]) => {
    const withUmlaut = text.replace('<hs_config>', encoding === 'latin1' ? '<hs_config><!-- Müller -->' : '<hs_config><!-- Müller ✓ -->');
    let bytes: Buffer;
    if (encoding === 'latin1') bytes = Buffer.from(withUmlaut, 'latin1');
    else if (encoding === 'utf16le') bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(withUmlaut, 'utf16le')]);
    else if (encoding === 'utf16be') bytes = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(withUmlaut, 'utf16le').swap16()]);
    else {
      const utf8 = Buffer.from(withUmlaut, 'utf8');
      bytes = Buffer.concat([utf8.subarray(0, at % (utf8.length + 1)), Buffer.from([0xe2, 0x9c]), utf8.subarray(at % (utf8.length + 1))]);
    }
    return { bytes, text: bytes.toString('utf8') };
  });

const anyText = fc.oneof({ weight: 3, arbitrary: shaped }, { weight: 6, arbitrary: mutated }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) });

const RUNS = Number(process.env.HSCONFIG_PROPERTY_RUNS ?? 10_000);
/** The costlier properties run a fortieth as often (HSCONFIG_PROPERTY_RUNS=400000 for a long run). */
const FEW_RUNS = Math.max(10, Math.round(RUNS / 40));

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
    { numRuns: RUNS },
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
    { numRuns: RUNS },
  );
});

/** The attribute reading as it was written first, as one regular expression over the tag: the oracle for the scanner. */
function attributesByRegex(text: string, from: number, to: number) {
  const pattern = /([A-Za-z_:][\w.:-]*)\s*(?:=\s*("[^"]*"|'[^']*'|[^\s>]*))?/g;
  const body = text.slice(from, to);
  return [...body.matchAll(pattern)].map((m) => {
    const start = from + (m.index as number);
    const attr = { name: m[1], span: { start, end: start + m[1].length } };
    if (m[2] === undefined) return attr;
    const quoted = /^["']/.test(m[2]);
    const value = quoted ? m[2].slice(1, -1) : m[2];
    const valueStart = start + m[0].length - m[2].length + (quoted ? 1 : 0);
    return { ...attr, value, valueSpan: { start: valueStart, end: valueStart + value.length } };
  });
}

test('attributes are read as the regular expression they replaced reads them, whatever the tag holds (10,000 tags)', () => {
  const piece = fc.constantFrom('a', 'b9', '_x', ':n', '-', '.', '=', '"', "'", ' ', '\t', '\n', '\u00a0', '\u2003', '>', '/', 'é', 'k="v"', "k='v'", 'k=v', '1');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 16 }), fc.boolean(), (pieces, selfClosing) => {
      const text = `<e ${pieces.join('')}${selfClosing ? '/>' : '>'}`;
      const { root } = parseDocument(text);
      assert.ok(root);
      const tagEnd = root.contentSpan?.start ?? root.span.end;
      const terminated = text.charCodeAt(tagEnd - 1) === 0x3e;
      const attributesEnd = terminated ? tagEnd - (root.selfClosing ? 2 : 1) : tagEnd;
      assert.deepEqual(root.attributes, attributesByRegex(text, root.nameSpan.end, attributesEnd));
    }),
    { numRuns: RUNS },
  );
});

test('every entry point answers on mutated documents and out-of-range character references', () => {
  fc.assert(
    fc.property(fc.oneof({ weight: 3, arbitrary: mutated }, { weight: 1, arbitrary: outOfRange }), (text) => runEveryEntryPoint(text, { positions: 8 })),
    { numRuns: FEW_RUNS },
  );
});

test('every entry point answers on documents nested thousands of levels deep', () => {
  fc.assert(
    fc.property(deep, (text) => runEveryEntryPoint(text, { positions: 3 })),
    { numRuns: Math.max(3, Math.round(FEW_RUNS / 50)) },
  );
});

test('Latin-1, UTF-16 and broken UTF-8 bytes: the CLI reading names the problem; the editor reading answers everywhere', () => {
  fc.assert(
    fc.property(oddBytes, ({ bytes, text }) => {
      const decoded = decodeHandsetBytes(bytes);
      // Control characters at the start read as an encrypted file, which has its own message.
      const binaryHead = [...text.slice(0, 64)].some((c) => c < ' ' && !'\t\n\r'.includes(c));
      if (!binaryHead || bytes[0] !== 0x3c) assert.equal(decoded.ok, false, 'bytes that are not UTF-8 passed as UTF-8');
      if (!decoded.ok) assert.match(decoded.problem, /UTF-16|not valid UTF-8/);
      runEveryEntryPoint(text, { positions: 8 });
    }),
    { numRuns: FEW_RUNS },
  );
});
