// Formatting: one element per line, indentation from the client's options, values and comments kept as written.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FormattingOptions } from 'vscode-languageserver-types';
import { getLanguageService } from '../../server/src/handset/languageService';
import { doc, fixture } from './helpers';

const service = getLanguageService();
const SPACES: FormattingOptions = { tabSize: 2, insertSpaces: true };

function formatted(text: string, options = SPACES, range?: { start: number; end: number }): string {
  const d = doc(text);
  const r = range && { start: d.positionAt(range.start), end: d.positionAt(range.end) };
  return TextDocument.applyEdits(d, service.format(d, options, r));
}

test('puts one element on each line, indented by nesting', () => {
  const text = '<?xml version="1.0" encoding="UTF-8"?><hs_config><ipei>02c332b510</ipei><sip><line><user_id>1</user_id></line></sip></hs_config>';
  assert.equal(
    formatted(text),
    '<?xml version="1.0" encoding="UTF-8"?>\n<hs_config>\n  <ipei>02c332b510</ipei>\n  <sip>\n    <line>\n      <user_id>1</user_id>\n    </line>\n  </sip>\n</hs_config>',
  );
});

test('indents with tabs or with the tab size, and keeps CRLF line ends', () => {
  const text = '<hs_config>\r\n<sip>\r\n<line><user_id>1</user_id></line></sip>\r\n</hs_config>\r\n';
  assert.equal(formatted(text, { tabSize: 4, insertSpaces: false }), '<hs_config>\r\n\t<sip>\r\n\t\t<line>\r\n\t\t\t<user_id>1</user_id>\r\n\t\t</line>\r\n\t</sip>\r\n</hs_config>\r\n');
  assert.equal(formatted(text, { tabSize: 4, insertSpaces: true }).split('\r\n')[2], '        <line>');
  assert.equal(formatted('<hs_config>\n\t<sip/>\t\n</hs_config>', SPACES), '<hs_config>\n  <sip/>\n</hs_config>', 'tabs turn into spaces');
});

test('keeps values byte for byte, comments where they stand, and a comment after an element on its line', () => {
  const text = '<hs_config>\n<hs_name>  Front &amp; back <!-- inner --> </hs_name>   <!-- the desk -->\n<!-- before sip -->\n        <sip/>\n</hs_config>\n';
  assert.equal(formatted(text), '<hs_config>\n  <hs_name>  Front &amp; back <!-- inner --> </hs_name> <!-- the desk -->\n  <!-- before sip -->\n  <sip/>\n</hs_config>\n');
});

test('leaves alone what it cannot format without changing meaning', () => {
  const notWellFormed = '<hs_config>\n<sip>\n</hs_config>';
  assert.deepEqual(service.format(doc(notWellFormed), SPACES), []);
  const textBesideChildren = '<hs_config>\n<sip>stray text<line><user_id>1</user_id></line></sip>\n</hs_config>\n';
  assert.equal(formatted(textBesideChildren), '<hs_config>\n  <sip>stray text<line><user_id>1</user_id></line></sip>\n</hs_config>\n');
});

test('formats the guide example without a change, and is idempotent on a messy file', () => {
  const guide = fixture('guide-example.xml');
  assert.deepEqual(service.format(doc(guide), SPACES), []);
  const messy = guide.replace(/\n\s*/g, '\n').replace(/<\/line>\n/, '</line>   ');
  const once = formatted(messy);
  assert.equal(once, guide);
  assert.equal(formatted(once), once);
});

test('range formatting changes only the lines that start inside the range', () => {
  const text = '<hs_config>\n<ipei>02c332b510</ipei>\n<hs_name>A</hs_name>\n<sip/>\n</hs_config>\n';
  const start = text.indexOf('<hs_name>');
  assert.equal(formatted(text, SPACES, { start, end: start + 5 }), '<hs_config>\n<ipei>02c332b510</ipei>\n  <hs_name>A</hs_name>\n<sip/>\n</hs_config>\n');
  const ipei = text.indexOf('<ipei>');
  assert.equal(
    formatted(text, SPACES, { start: ipei, end: start }),
    '<hs_config>\n  <ipei>02c332b510</ipei>\n<hs_name>A</hs_name>\n<sip/>\n</hs_config>\n',
    'a whole line selected ends at the start of the next one, which is not formatted',
  );
});

test('range formatting that reaches the end of the file also trims the blank lines after the root', () => {
  const text = '<hs_config>\n<sip/>\n</hs_config>\n\n\n';
  const close = text.indexOf('</hs_config>');
  assert.equal(formatted(text, SPACES, { start: close, end: text.length }), '<hs_config>\n<sip/>\n</hs_config>\n');
});

test('a byte-order mark and a comment opening the file stay at its very start', () => {
  assert.equal(formatted('\uFEFF<hs_config><sip/></hs_config>'), '\uFEFF<hs_config>\n  <sip/>\n</hs_config>');
  assert.equal(formatted('<!-- handset 1 --><hs_config><sip/></hs_config>'), '<!-- handset 1 -->\n<hs_config>\n  <sip/>\n</hs_config>');
  assert.equal(formatted('  <!-- handset 1 -->\n<hs_config/>\n'), '<!-- handset 1 -->\n<hs_config/>\n');
});

test('keeps the XML declaration, a DOCTYPE and comments before and after the root, and the final newline choice', () => {
  const text = '<?xml version="1.0" encoding="UTF-8"?>   <!-- provisioned -->\n\n<!DOCTYPE hs_config>\n<hs_config><ipei>02c332b510</ipei></hs_config><!-- end -->';
  assert.equal(formatted(text), '<?xml version="1.0" encoding="UTF-8"?> <!-- provisioned -->\n<!DOCTYPE hs_config>\n<hs_config>\n  <ipei>02c332b510</ipei>\n</hs_config> <!-- end -->');
  assert.equal(formatted('<hs_config/>', { ...SPACES, insertFinalNewline: true }), '<hs_config/>\n');
  assert.equal(formatted('<hs_config/>\n\n\n'), '<hs_config/>\n');
});

test('markup side by side before the root gets a line each; a DOCTYPE with an internal subset leaves the file alone', () => {
  const text = '<?xml version="1.0"?><?hsconfig keep?><!DOCTYPE hs_config><!-- a --><!-- b --><hs_config><hs_name>[desk]</hs_name></hs_config>';
  assert.equal(
    formatted(text),
    '<?xml version="1.0"?>\n<?hsconfig keep?>\n<!DOCTYPE hs_config> <!-- a --> <!-- b -->\n<hs_config>\n  <hs_name>[desk]</hs_name>\n</hs_config>',
  );
  assert.deepEqual(service.format(doc('<!DOCTYPE hs_config []>\n<hs_config><sip/></hs_config>'), SPACES), []);
});

test('a tab size outside 1 to 100, or none, indents by the nearest size that fits (issue 27, item 16)', () => {
  const text = '<hs_config><sip/></hs_config>';
  const indent = (tabSize: number) => formatted(text, { tabSize, insertSpaces: true }).split('\n')[1].indexOf('<');
  assert.deepEqual([2 ** 28, 1e6, 101, 0, -3, 2.7, Number.NaN].map(indent), [100, 100, 100, 1, 1, 2, 4]);
});

test('a CRLF file with comments beside, between and after elements keeps CRLF on every line it writes', () => {
  const text = '<?xml version="1.0"?>\r\n<!-- head -->\r\n<hs_config> <!-- after the root tag -->\r\n<ipei>02c332b510</ipei><!-- same line -->\r\n<!-- alone -->\r\n<sip><line><user_id>1</user_id></line></sip>\r\n</hs_config>\r\n<!-- tail -->\r\n';
  const out = formatted(text);
  assert.equal(out.replace(/\r\n/g, ''), out.replace(/\r\n/g, '').replace(/[\r\n]/g, ''), `a lone CR or LF: ${JSON.stringify(out)}`);
  assert.equal(
    out,
    '<?xml version="1.0"?>\r\n<!-- head -->\r\n<hs_config> <!-- after the root tag -->\r\n  <ipei>02c332b510</ipei> <!-- same line -->\r\n  <!-- alone -->\r\n  <sip>\r\n    <line>\r\n      <user_id>1</user_id>\r\n    </line>\r\n  </sip>\r\n</hs_config>\r\n<!-- tail -->\r\n',
  );
});
