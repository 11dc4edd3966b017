import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SymbolKind, type SelectionRange } from 'vscode-languageserver-types';
import { getLanguageService } from '../../server/src/handset/languageService';
import { doc, fixture, withCursor } from './helpers';

const service = getLanguageService();
const guide = doc(fixture('guide-example.xml'));

test('outline: the handset, each line as user_id @ profile, the settings with their values', () => {
  const [handset] = service.findDocumentSymbols(guide);
  assert.equal(handset.name, 'Handset 02c332b510');
  assert.equal(handset.detail, 'HS 1FEDE');
  assert.equal(handset.kind, SymbolKind.Module);
  const sip = handset.children!.find((s) => s.name === 'sip')!;
  assert.deepEqual(sip.children!.map((s) => [s.name, s.detail]), [['5328 @ profile1', '1FEDE_Line_1']]);
  const user = handset.children!.find((s) => s.name === 'hs_settings')!.children!.find((s) => s.name === 'user')!;
  assert.deepEqual(user.children![6], { ...user.children![6], name: 'key_up_idle_function', detail: '4' });
  assert.equal(guide.getText().slice(guide.offsetAt(sip.selectionRange.start), guide.offsetAt(sip.selectionRange.end)), 'sip');
});

test('folding: every element over several lines (a two-line element has nothing to fold), and comments', () => {
  const d = doc('<hs_config>\n  <!-- a\n  b -->\n  <sip>\n    <line>\n    </line>\n  </sip>\n</hs_config>\n');
  assert.deepEqual(
    service.getFoldingRanges(d).map((r) => [r.startLine, r.endLine, r.kind ?? '']),
    [[0, 6, ''], [1, 2, 'comment'], [3, 5, '']],
  );
});

test('selection ranges grow from the value to the element, its parents and the file', () => {
  const { document, position } = withCursor('<hs_config>\n  <hs_settings>\n    <force_apply>1|</force_apply>\n  </hs_settings>\n</hs_config>');
  const [sel] = service.getSelectionRanges(document, [position]);
  const texts: string[] = [];
  for (let s: SelectionRange | undefined = sel; s; s = s.parent) texts.push(document.getText(s.range));
  assert.deepEqual(texts.slice(0, 2), ['1', '<force_apply>1</force_apply>']);
  assert.equal(texts[texts.length - 1], document.getText());
  for (let i = 1; i < texts.length; i++) assert.ok(texts[i].includes(texts[i - 1]), 'each range holds the one before');
});

test('inlay hints after key-mapping, level and ringtone values, not after 0/1 switches', () => {
  const all = { start: { line: 0, character: 0 }, end: guide.positionAt(guide.getText().length) };
  const hints = service.getInlayHints(guide, all);
  const labels = hints.map((h) => h.label);
  assert.equal(labels.length, 1 + 1 + 12, 'custom_ringtone, lcd_backlight_cradle and 12 key mappings');
  assert.ok(labels.includes('Outgoing Calls'));
  assert.ok(labels.includes('ring2.bin'));
  const outgoing = hints.find((h) => h.label === 'Outgoing Calls')!;
  assert.ok(guide.getText().slice(0, guide.offsetAt(outgoing.position)).endsWith('<key_up_idle_function>4'));
  assert.deepEqual(getLanguageService({ inlayHints: false }).getInlayHints(guide, all), []);
});

test('status: the IPEI, the name and how many lines', () => {
  assert.deepEqual(service.getDocumentStatus(guide), { ipei: '02c332b510', handsetName: 'HS 1FEDE', lines: 1 });
  assert.deepEqual(service.getDocumentStatus(doc('<hs_config/>')), { ipei: undefined, handsetName: undefined, lines: 0 });
});
