// Property test: formatting never changes what a file means. On generated handset files with random layout,
// comments, stray text and broken markup, format then parse gives the same tree, the same diagnostics (by code,
// severity, message and the text they cover), and formatting again changes nothing.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { allElements, childrenOf, type ElementSpec } from '../../server/src/handset/catalogue';
import { getLanguageService } from '../../server/src/handset/languageService';
import { elementValue, parseDocument, type XmlElement } from '../../server/src/xml/parser';

const service = getLanguageService();
const RUNS = Number(process.env.HSCONFIG_PROPERTY_RUNS ?? 10_000);

const space = fc.constantFrom('', ' ', '\n', '\n  ', '\n\t\t', '   \n\n    ', '\r\n', '\t');
const comment = fc.constantFrom('<!-- note -->', '<!--\n multi\n line -->', '<!---->', '<!-- <sip> -->');
const value = fc.oneof(
  fc.constantFrom('0', '1', '20', 'DID', 'Circular', 'profile1', 'Profile9', '02c332b510', ' padded ', 'a &amp; b', '<![CDATA[x<y]]>', 'x<!-- c -->y', ''),
  fc.string({ maxLength: 10 }).map((s) => s.replace(/[<&]/g, '')),
);

/** Markup between children: white space with the odd comment, and now and then stray text (meaning to keep). */
const between = fc.oneof(
  { weight: 8, arbitrary: space },
  { weight: 2, arbitrary: fc.tuple(space, comment, space).map((p) => p.join('')) },
  { weight: 1, arbitrary: fc.constantFrom(' stray ', '<![CDATA[ ]]>', '<?pi x?>') },
);

function elementArb(spec: ElementSpec, depth: number): fc.Arbitrary<string> {
  const names = allElements().map((e) => e.name);
  if (spec.value || depth > 4) {
    return fc.tuple(value, fc.boolean()).map(([v, empty]) => (empty && v === '' ? `<${spec.name}/>` : `<${spec.name}>${v}</${spec.name}>`));
  }
  const child = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...childrenOf(spec.name)).chain((c) => elementArb(c, depth + 1)) },
    { weight: 1, arbitrary: fc.constantFrom(...names, 'bogus').map((n) => `<${n} a="1">1</${n}>`) },
  );
  return fc
    .array(fc.tuple(between, child), { maxLength: 5 })
    .chain((kids) => between.map((last) => `<${spec.name}>${kids.map(([b, k]) => b + k).join('')}${last}</${spec.name}>`));
}

const root = allElements().find((e) => e.parent === null) as ElementSpec;
const documentArb = fc
  .tuple(fc.constantFrom('', '<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="1.0"?>'), fc.oneof(space, comment), elementArb(root, 0), fc.oneof(space, comment), fc.boolean())
  .map(([decl, before, body, after, bom]) => (bom ? '\uFEFF' : '') + decl + (decl ? before : '') + body + after);

/** A few random cuts and insertions, so that broken files are in the mix too. */
const anyDocument = fc.oneof(
  { weight: 4, arbitrary: documentArb },
  { weight: 1, arbitrary: fc.tuple(documentArb, fc.nat(), fc.constantFrom('<', '</x>', '>', '&', '')).map(([t, at, s]) => t.slice(0, at % (t.length + 1)) + s + t.slice(at % (t.length + 1))) },
);

function treeOf(text: string) {
  const describe = (el: XmlElement): unknown => ({
    name: el.name,
    attributes: el.attributes.map((a) => `${a.name}=${a.value ?? ''}`),
    value: elementValue(text, el).value,
    leaf: el.children.length === 0 ? text.slice(el.span.start, el.span.end) : undefined,
    children: el.children.map(describe),
  });
  const parsed = parseDocument(text);
  return {
    declaration: parsed.declaration && text.slice(parsed.declaration.span.start, parsed.declaration.span.end),
    wellFormed: !parsed.syntaxError,
    root: parsed.root && describe(parsed.root),
    comments: text.match(/<!--[\s\S]*?-->/g) ?? [],
  };
}

function diagnosticsOf(document: TextDocument) {
  return service.doValidation(document).map((d: Diagnostic) => ({
    code: d.code,
    severity: d.severity,
    message: d.message,
    covers: document.getText(d.range),
  }));
}

test(`format then parse: the same tree and the same diagnostics, and formatting twice changes nothing (${RUNS.toLocaleString('en')} documents)`, () => {
  fc.assert(
    fc.property(anyDocument, fc.constantFrom(1, 2, 4), fc.boolean(), (text, tabSize, insertSpaces) => {
      const options = { tabSize, insertSpaces };
      const before = TextDocument.create('file:///w/ipei_02c332b510.xml', 'hsconfig', 1, text);
      const formatted = TextDocument.applyEdits(before, service.format(before, options));
      const after = TextDocument.create('file:///w/ipei_02c332b510.xml', 'hsconfig', 2, formatted);
      assert.deepEqual(treeOf(formatted), treeOf(text));
      assert.deepEqual(diagnosticsOf(after), diagnosticsOf(before));
      assert.deepEqual(service.format(after, options), [], 'formatting again changed something');
    }),
    { numRuns: RUNS },
  );
});
