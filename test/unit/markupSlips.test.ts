// A bare `&` or a stray `<` in XML (issue 25): the shared XML floor names it at the character itself, the rest of
// the file is still checked, and a quick fix writes the reference, in the handset language and the base config alike.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { getBaseConfigService } from '../../server/src/baseConfig/baseConfigService';
import { getLanguageService } from '../../server/src/handset/languageService';
import { parseDocument } from '../../server/src/xml/parser';
import { returnsWithin } from './deadline';
import { covered, doc, handset } from './helpers';

/** [covered text, message] of the floor's first error and of each slip; the error found past the slips. */
function floor(text: string) {
  const parsed = parseDocument(text);
  const at = (s: { span: { start: number; end: number } }) => text.slice(s.span.start, s.span.end);
  return { first: parsed.syntaxError && [at(parsed.syntaxError), parsed.syntaxError.message], slips: parsed.markupSlips.map((s) => [s.span.start, at(s), s.replacement]), other: parsed.otherSyntaxError?.message };
}

test('the floor names a bare & and a stray < at the character, and judges the rest as if each were written right', () => {
  const text = '<a><b>R&D</b><c>x < 5</c><d>&amp; &lt; &#38; &#x26; &nbsp;</d></a>';
  const { first, slips, other } = floor(text);
  assert.deepEqual(first, ['&', '"&" must be written &amp; in XML: a bare & starts an entity reference such as &lt;.']);
  assert.deepEqual(slips, [[text.indexOf('&D'), '&', '&amp;'], [text.indexOf('< 5'), '<', '&lt;']]);
  assert.match(String(other), /Unknown entity/, 'a well-formed reference to an unknown entity is the parser\'s to report, after the slips');
  assert.deepEqual(floor('<a>AT&T &#; & &x &#x; a<1 a<=b a<</a>').slips.map(([, c]) => c), ['&', '&', '&', '&', '&', '<', '<', '<'], '&#; and &x (no ;) are bare too');
  assert.deepEqual(floor('<a t="R&D" u="&amp;">x</a>').slips.map(([, c]) => c), ['&'], 'in an attribute value too');
});

test('the floor leaves alone what is no slip: comments, CDATA, processing instructions, tags, a later real error', () => {
  assert.deepEqual(floor('<?xml version="1.0"?><!-- R&D < x --><a><![CDATA[R&D < x]]><?pi a&b?><é/>ok</a>'), { first: undefined, slips: [], other: undefined });
  const later = floor('<a>R&D<b></a>');
  assert.deepEqual(later.first?.[0], '&', 'the slip comes first');
  assert.match(String(later.other), /does not match|never closed/, 'the error past it is still found');
  const earlier = floor('<a></b>R&D</a>');
  assert.match(String(earlier.first?.[1]), /never opened|does not match/, 'an error before the slip is the first');
});

test('a file of slips is linear and names the first hundred', async () => {
  const text = `<a>${'R&D x<1 '.repeat(200_000)}</a>`;
  const found = await returnsWithin<{ slips: unknown[]; all: number[] }>(5000, 'server/src/xml/markupSlips', 'findMarkupSlips', text);
  assert.equal(found.slips.length, 100);
  assert.equal(found.all.length, 400_000);
  const parsed = await returnsWithin<{ otherSyntaxError?: unknown }>(10_000, 'server/src/xml/parser', 'parseDocument', text);
  assert.equal(parsed.otherSyntaxError, undefined, 'nothing else is wrong');
});

const HANDSET_URI = 'file:///srv/ipei_02c332b510.xml';
const handsetService = getLanguageService();

/** The text with the preferred fix of the diagnostic on `needle` applied. */
function applyFix(service: { doCodeActions(d: TextDocument, r: Diagnostic['range'], ds: Diagnostic[]): { isPreferred?: boolean; edit?: { changes?: Record<string, unknown> } }[] }, document: TextDocument, d: Diagnostic): string {
  const action = service.doCodeActions(document, d.range, [{ ...d, data: undefined }]).find((a) => a.isPreferred);
  assert.ok(action, 'a preferred fix');
  return TextDocument.applyEdits(document, action.edit?.changes?.[document.uri] as never);
}

test('handset file: R&D in a value is an error at the &, the file is still checked past it, and the fix writes &amp;', () => {
  const text = handset({ name: '  <hs_name>R&D</hs_name>\n' }).replace('<profile_name>profile1</profile_name>', '<profile_name>profile1</profile_name>\n      <profile_name>profile1</profile_name>');
  const document = doc(text, HANDSET_URI);
  const diagnostics = handsetService.doValidation(document);
  const slip = diagnostics.find((d) => d.code === 'xml-not-well-formed');
  assert.ok(slip);
  assert.equal(covered(text, slip), '&');
  assert.equal(document.positionAt(text.indexOf('R&D') + 1).line, slip.range.start.line);
  assert.match(String(slip.message), /must be written &amp;/);
  assert.ok(diagnostics.some((d) => d.code === 'duplicate-element'), `checked past the slip: ${JSON.stringify(diagnostics.map((d) => d.code))}`);
  const fixed = applyFix(handsetService, document, slip);
  assert.equal(fixed, text.replace('R&D', 'R&amp;D'));
  assert.ok(!handsetService.doValidation(doc(fixed, HANDSET_URI)).some((d) => d.code === 'xml-not-well-formed'));
});

test('handset file: a stray < gets &lt;; any other well-formedness error still stops the checks and has no such fix', () => {
  const text = handset({ name: '  <hs_name>a < b</hs_name>\n' });
  const document = doc(text, HANDSET_URI);
  const slip = handsetService.doValidation(document).find((d) => d.code === 'xml-not-well-formed');
  assert.ok(slip);
  assert.equal(covered(text, slip), '<');
  assert.equal(applyFix(handsetService, document, slip), text.replace('a < b', 'a &lt; b'));
  const broken = doc(handset().replace('</hs_config>', ''), HANDSET_URI);
  const only = handsetService.doValidation(broken);
  assert.deepEqual(only.map((d) => d.code), ['xml-not-well-formed']);
  assert.deepEqual(handsetService.doCodeActions(broken, only[0].range, only), []);
});

test('base config v2: R&D in an item is an error at the &, the other items are still checked, and the fix writes &amp;', () => {
  const text = '<gs_provision version="1">\n  <config version="2">\n    <item name="profile.1.name">R&D</item>\n    <item name="profile.2.name">R&D</item>\n    <item name="profile.1.enable">7</item>\n  </config>\n</gs_provision>\n';
  const document = TextDocument.create('file:///work/base.xml', 'hsconfig-base', 1, text);
  const service = getBaseConfigService();
  const diagnostics = service.doValidation(document);
  const found = diagnostics.map((d) => [d.code, document.getText(d.range), document.offsetAt(d.range.start)]);
  assert.deepEqual(found.filter(([code]) => code === 'xml-not-well-formed'), [
    ['xml-not-well-formed', '&', text.indexOf('R&D') + 1],
    ['xml-not-well-formed', '&', text.lastIndexOf('R&D') + 1],
  ]);
  assert.ok(found.some(([code, at]) => code === 'value-not-in-set' && at === '7'), 'the rest of the file is still checked');
  assert.match(String(diagnostics[0].message), /^Not well-formed XML: "&" must be written &amp; in XML/);
  assert.equal(applyFix(service, document, diagnostics[0]), text.replace('R&D', 'R&amp;D'));
});
