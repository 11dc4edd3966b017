// The language service object: one parse per document version (but never a stale one), settings that change,
// and the guards that apply to every feature.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../server/src/handset/languageService';
import { codes, handset } from './helpers';

const URI = 'file:///srv/ipei_02c332b510.xml';
const version = (n: number, text: string) => TextDocument.create(URI, 'hsconfig', n, text);
const everything = { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } };

test('a new text under the same version number is parsed again, not served from the cache', () => {
  const service = getLanguageService();
  assert.deepEqual(codes(service.doValidation(version(1, handset()))), []);
  assert.deepEqual(codes(service.doValidation(version(1, handset({ ipei: 'xyz' })))), ['ipei-invalid']);
  assert.deepEqual(codes(service.doValidation(version(2, handset({ ipei: 'xyz' })))), ['ipei-invalid']);
  assert.deepEqual(codes(service.doValidation(version(3, handset()))), []);
  service.forget(URI);
  assert.deepEqual(codes(service.doValidation(version(3, handset({ ipei: '' })))), ['empty-value']);
});

test('configure: new profiles and file-name affixes take effect at once; the rest of the settings stay', () => {
  const service = getLanguageService({ inlayHints: false });
  const text = handset().replace('>profile1<', '>Office<');
  assert.deepEqual(codes(service.doValidation(version(1, text))), ['profile-unknown']);
  service.configure({ profiles: ['Office'] });
  assert.deepEqual(service.settings.profiles, ['Office']);
  assert.equal(service.settings.inlayHints, false, 'an update keeps what it does not name');
  assert.deepEqual(codes(service.doValidation(version(1, text))), []);
});

test('inlay hints follow the setting', () => {
  const text = handset({ settings: '  <hs_settings>\n    <force_apply>1</force_apply>\n    <user>\n      <key_up_idle_function>4</key_up_idle_function>\n    </user>\n  </hs_settings>\n' });
  assert.deepEqual(getLanguageService().getInlayHints(version(1, text), everything).map((h) => h.label), ['Outgoing Calls']);
  assert.deepEqual(getLanguageService({ inlayHints: false }).getInlayHints(version(1, text), everything), []);
});

test('a document over the size limit is not formatted; one at the limit is', () => {
  const text = handset().replace('  <ipei>', '<ipei>');
  const options = { tabSize: 2, insertSpaces: true };
  assert.deepEqual(getLanguageService({ maxDocumentSize: text.length - 1 }).format(version(1, text), options), []);
  assert.equal(getLanguageService({ maxDocumentSize: text.length }).format(version(1, text), options).length, 1);
});

test('fix-all: asked for source.fixAll only, no quick fixes come back; without `only`, no source action', () => {
  const service = getLanguageService();
  const text = handset({ head: '', ipei: '1131501774242' });
  const document = version(1, text);
  const diagnostics = service.doValidation(document);
  const kinds = (only?: string[]) => service.doCodeActions(document, everything, diagnostics, only).map((a) => a.kind);
  assert.deepEqual(kinds(['source.fixAll']), ['source.fixAll.hsconfig']);
  assert.deepEqual(kinds(), ['quickfix', 'quickfix']);
  assert.deepEqual(kinds(['quickfix']), ['quickfix', 'quickfix']);
});

test("a diagnostic sent back without data takes the data of our diagnostic at the same place, not of one elsewhere", () => {
  const service = getLanguageService();
  const text = handset({ name: '  <hs_nam>A</hs_nam>\n  <hs_settins/>\n' });
  const document = version(1, text);
  const [first, second] = service.doValidation(document).filter((d) => d.code === 'unknown-element');
  const titles = (d: typeof first) => service.doCodeActions(document, d.range, [{ ...d, data: undefined }], ['quickfix']).map((a) => a.title).filter((t) => !t.startsWith('Fix all'));
  assert.deepEqual(titles(first), ['Rename to <hs_name>']);
  assert.deepEqual(titles(second), ['Rename to <hs_settings>']);
  const shifted = { ...second, range: { start: second.range.start, end: { ...second.range.end, character: second.range.end.character - 1 } } };
  assert.deepEqual(titles(shifted), [], 'a range that differs is not ours');
  const { start, end } = second.range;
  const moved = [
    { start: { ...start, character: start.character - 1 }, end },
    { start: { ...start, line: start.line - 1 }, end },
    { start, end: { ...end, line: end.line + 1 } },
  ];
  for (const range of moved) assert.deepEqual(titles({ ...second, range }), [], `not ours: ${JSON.stringify(range)}`);
  assert.deepEqual(titles({ ...second, code: 'value-case' }), [], 'another code at the same place is not ours');
  const foreign = { ...first, source: 'other', data: undefined };
  assert.deepEqual(service.doCodeActions(document, first.range, [foreign], ['quickfix']), [], "another tool's diagnostic with the same code offers neither our fix nor our fix-all");
});
