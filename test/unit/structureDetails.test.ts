// The smaller views in detail: inlay hints only in the range asked for, the status item's values, and which
// misspelt names get a "Did you mean".

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InlayHintKind, SymbolKind } from 'vscode-languageserver-types';
import { getLanguageService } from '../../server/src/handset/languageService';
import { closest } from '../../server/src/handset/suggest';
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

test('outline: a file without IPEI or name, a line without user or profile, an unknown element', () => {
  const text = '<hs_config>\n  <sip>\n    <line>\n      <display_name>Desk</display_name>\n    </line>\n  </sip>\n  <mystery><inner/></mystery>\n</hs_config>';
  const [top] = service.findDocumentSymbols(doc(text));
  assert.deepEqual([top.name, top.detail, top.kind], ['Handset (no IPEI)', undefined, SymbolKind.Module]);
  const [sip, mystery] = top.children!;
  assert.deepEqual([sip.name, sip.kind], ['sip', SymbolKind.Namespace]);
  const [line] = sip.children!;
  assert.deepEqual([line.name, line.detail, line.kind], ['? @ ?', 'Desk', SymbolKind.Field]);
  assert.deepEqual(line.children!.map((s) => [s.name, s.detail, s.kind, s.children]), [['display_name', 'Desk', SymbolKind.Property, []]]);
  assert.deepEqual([mystery.name, mystery.detail, mystery.kind, mystery.children!.map((s) => s.name)], ['mystery', undefined, SymbolKind.Namespace, ['inner']]);
  assert.deepEqual(service.findDocumentSymbols(doc('not xml')), []);
});

test('outline: an element that holds a value shows no children, even stray elements inside it', () => {
  const text = '<hs_config>\n  <hs_name>Desk<ipei>02c332b510</ipei></hs_name>\n</hs_config>';
  const [top] = service.findDocumentSymbols(doc(text));
  const [name] = top.children!;
  assert.equal(name.name, 'hs_name');
  assert.deepEqual(name.children, []);
});

test('outline: a nesting deeper than a hundred levels stops there and says so', () => {
  const depth = 105;
  const text = `<hs_config>${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}</hs_config>`;
  let s = service.findDocumentSymbols(doc(text))[0];
  let levels = 0;
  while (s.children && s.children.length) {
    s = s.children[0];
    levels++;
  }
  assert.equal(levels, 100);
  assert.equal(s.detail, 'elements nested deeper than 100 levels are not shown');
  const exactly = `<hs_config>${'<a>'.repeat(100)}${'</a>'.repeat(100)}</hs_config>`;
  for (s = service.findDocumentSymbols(doc(exactly))[0]; s.children && s.children.length; ) s = s.children[0];
  assert.equal(s.detail, undefined, 'the innermost element at the limit hides nothing');
});

test('folding: a comment of two lines folds on both; an element on two lines does not; CRLF counts once', () => {
  const d = doc('<hs_config>\r\n  <!-- a\r\n  b -->\r\n  <sip>\r\n  </sip>\r\n</hs_config>');
  assert.deepEqual(service.getFoldingRanges(d).map((r) => [r.startLine, r.endLine, r.kind ?? '']), [[0, 4, ''], [1, 2, 'comment']]);
  assert.deepEqual(service.getFoldingRanges(doc('<hs_config/>')), []);
});

test('selection ranges deeper than JSON can carry keep the innermost steps and the outermost ten', () => {
  const depth = 250;
  const text = `<hs_config>${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}</hs_config>`;
  const document = doc(text);
  const [sel] = service.getSelectionRanges(document, [document.positionAt(text.indexOf('</a>'))]);
  const steps: string[] = [];
  for (let s: typeof sel | undefined = sel; s; s = s.parent) steps.push(document.getText(s.range));
  assert.equal(steps.length, 201);
  assert.equal(steps[0], '<a></a>');
  assert.equal(steps[200], text);
  assert.equal(steps[199], text, 'the root element');
  assert.equal(steps[198], text.slice('<hs_config>'.length, -'</hs_config>'.length), "the root's inside");
  assert.equal(steps[189], `<a>${'<a>'.repeat(94)}${'</a>'.repeat(94)}</a>`, 'the 190th step, then the outermost ten');
});

test('selection ranges at every offset of a file with values: each range holds the position and the range before it', () => {
  const text = '<hs_config>\n  <hs_name>Desk</hs_name>\n  <sip>\n    <line><user_id> 5328 </user_id></line>\n  </sip>\n</hs_config>\n';
  const document = doc(text);
  for (let offset = 0; offset <= text.length; offset++) {
    const [sel] = service.getSelectionRanges(document, [document.positionAt(offset)]);
    let inner = { start: offset, end: offset };
    for (let s: typeof sel | undefined = sel; s; s = s.parent) {
      const range = { start: document.offsetAt(s.range.start), end: document.offsetAt(s.range.end) };
      assert.ok(range.start <= inner.start && inner.end <= range.end, `at ${offset}: ${JSON.stringify(range)} does not hold ${JSON.stringify(inner)}`);
      inner = range;
    }
  }
  const inside = (offset: number) => document.getText(service.getSelectionRanges(document, [document.positionAt(offset)])[0].range);
  const [onValue] = service.getSelectionRanges(document, [document.positionAt(text.indexOf('5328') + 2)]);
  assert.equal(document.getText(onValue.range), '5328');
  assert.equal(inside(text.indexOf('5328')), '5328', 'at the first character of the value');
  assert.equal(inside(text.indexOf('5328') + 4), '5328', 'right after the value');
  assert.equal(inside(text.indexOf('<line>') - 5), '\n    <line><user_id> 5328 </user_id></line>\n  ', 'right after <sip>');
  assert.equal(inside(text.indexOf('</sip>')), '\n    <line><user_id> 5328 </user_id></line>\n  ', 'right before </sip>');
  const [onEndName] = service.getSelectionRanges(document, [document.positionAt(text.indexOf('/hs_name') + 3)]);
  assert.equal(document.getText(onEndName.range), '<hs_name>Desk</hs_name>');
});

test('selection ranges: on a tag name, the name then the element; inside a container, its inside then the element; each holds the one before', () => {
  const text = '<hs_config>\n  <sip>\n    <line/>\n  </sip>\n</hs_config>';
  const document = doc(text);
  const chain = (offset: number) => {
    const [sel] = service.getSelectionRanges(document, [document.positionAt(offset)]);
    const texts: string[] = [];
    for (let s: typeof sel | undefined = sel; s; s = s.parent) texts.push(document.getText(s.range));
    return texts;
  };
  assert.deepEqual(chain(text.indexOf('sip') + 1).slice(0, 3), ['sip', '<sip>\n    <line/>\n  </sip>', '\n  <sip>\n    <line/>\n  </sip>\n']);
  for (let offset = 0; offset <= text.length; offset++) {
    const texts = chain(offset);
    for (let i = 1; i < texts.length; i++) assert.ok(texts[i].includes(texts[i - 1]), `at ${offset}: ${JSON.stringify(texts)}`);
  }
  assert.deepEqual(chain(text.indexOf('<line/>') + 7).slice(0, 2), ['<line/>', '\n    <line/>\n  ']);
  assert.deepEqual(chain(text.indexOf('sip')).slice(0, 2), ['sip', '<sip>\n    <line/>\n  </sip>'], 'right before the name: the name');
  assert.deepEqual(chain(text.indexOf('sip') + 3).slice(0, 2), ['sip', '<sip>\n    <line/>\n  </sip>'], 'right after the name: the name');
  assert.deepEqual(chain(text.length + 1 - 1).slice(-1), [text]);
  const outside = doc('');
  const [none] = service.getSelectionRanges(outside, [{ line: 0, character: 0 }]);
  assert.deepEqual(none, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, parent: undefined });
});
