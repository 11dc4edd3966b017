// The smaller views in detail: inlay hints only in the range asked for, the status item's values, and which
// misspelt names get a "Did you mean".

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InlayHintKind } from 'vscode-languageserver-types';
import { getLanguageService } from '../../server/src/languageService/languageService';
import { closest } from '../../server/src/languageService/suggest';
import { doc, handset } from './helpers';

const service = getLanguageService();

const userSettings = (inner: string) =>
  handset({ settings: `  <hs_settings>\n    <force_apply>1</force_apply>\n    <user>\n${inner}    </user>\n  </hs_settings>\n` });

test('an inlay hint: the label after the value, padded, with the longer meaning as its tooltip', () => {
  const text = userSettings('      <key_up_idle_function>4</key_up_idle_function>\n      <key_down_idle_function>0</key_down_idle_function>\n');
  const document = doc(text);
  const all = { start: { line: 0, character: 0 }, end: document.positionAt(text.length) };
  const hints = service.getInlayHints(document, all);
  assert.deepEqual(hints.map((h) => [h.label, document.offsetAt(h.position), h.kind, h.paddingLeft, h.tooltip]), [
    ['Outgoing Calls', text.indexOf('4</key_up') + 1, InlayHintKind.Parameter, true, 'Call History › Outgoing Calls'],
    ['None', text.indexOf('0</key_down') + 1, InlayHintKind.Parameter, true, 'None'],
  ]);
});

test('inlay hints only for elements that reach into the range asked for', () => {
  const text = userSettings('      <key_up_idle_function>4</key_up_idle_function>\n      <key_down_idle_function>0</key_down_idle_function>\n');
  const document = doc(text);
  const lineOf = (s: string) => document.positionAt(text.indexOf(s)).line;
  const up = lineOf('<key_up_idle_function>');
  const down = lineOf('<key_down_idle_function>');
  const labels = (startLine: number, endLine: number) =>
    service.getInlayHints(document, { start: { line: startLine, character: 0 }, end: { line: endLine, character: 0 } }).map((h) => h.label);
  assert.deepEqual(labels(down, down + 1), ['None']);
  const upStart = document.positionAt(text.indexOf('<key_up_idle_function>'));
  const toStart = service.getInlayHints(document, { start: { line: up, character: 0 }, end: upStart }).map((h) => h.label);
  assert.deepEqual(toStart, ['Outgoing Calls'], 'a range ending where the element starts still reaches it');
  assert.deepEqual(labels(up, up), [], 'the indentation before it does not');
  const upEnd = document.positionAt(text.indexOf('</key_up_idle_function>') + '</key_up_idle_function>'.length);
  const fromEnd = service.getInlayHints(document, { start: upEnd, end: upEnd }).map((h) => h.label);
  assert.deepEqual(fromEnd, ['Outgoing Calls'], 'a range starting where the element ends still reaches it');
  assert.deepEqual(labels(down + 1, down + 3), []);
  const invalid = doc(userSettings('      <key_up_idle_function>99</key_up_idle_function>\n'));
  assert.deepEqual(service.getInlayHints(invalid, { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } }), [], 'no hint for a value the checks reject');
});

test('the status item: an empty <ipei> or <hs_name> counts as absent; lines are counted', () => {
  const text = handset({ ipei: '', name: '  <hs_name></hs_name>\n' });
  assert.deepEqual(service.getDocumentStatus(doc(text)), { ipei: undefined, handsetName: undefined, lines: 1 });
  assert.deepEqual(service.getDocumentStatus(doc('')), { ipei: undefined, handsetName: undefined, lines: 0 });
  const two = handset({ sip: '  <sip>\n    <line/>\n    <hs_name/>\n    <line/>\n  </sip>\n' });
  assert.equal(service.getDocumentStatus(doc(two)).lines, 2);
});

test('"Did you mean": case does not count, up to a third of the length (at least 2) may differ, earlier names win ties', () => {
  assert.equal(closest('HS_NAME', ['hs_name']), 'hs_name');
  assert.equal(closest('ab', ['xy']), 'xy', 'two edits on a short word');
  assert.equal(closest('ab', ['xyz']), undefined);
  assert.equal(closest('abcdefghi', ['abcxyzghi']), 'abcxyzghi', 'three edits on nine letters');
  assert.equal(closest('abcdefghi', ['abwxyzghi']), undefined, 'four is too many');
  assert.equal(closest('abcdefgh', ['abxyzfgh']), undefined, 'a third of eight is two');
  assert.equal(closest('cat', ['cut', 'cot']), 'cut');
  assert.equal(closest('cat', ['dog', 'cot', 'cut']), 'cot');
  assert.equal(closest('kitten', ['sitting']), undefined, 'three edits on six letters');
  assert.equal(closest('ktten', ['kitten']), 'kitten', 'an insertion');
  assert.equal(closest('kitten', ['kiten']), 'kiten', 'a deletion');
  assert.equal(closest('x', []), undefined);
});
