// Formatting base-station configs (baseConfig/format.ts): text lines to `Pnnn=value` with comments kept and values
// untouched; XML configs as the handset files are; a range formats only its lines.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { formatBaseConfig, formatLine } from '../../server/src/baseConfig/format';
import { parseBaseConfig } from '../../server/src/baseConfig/parser';

const OPTIONS = { tabSize: 2, insertSpaces: true };
function formatted(text: string, range?: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  const doc = TextDocument.create('file:///c.txt', 'hsconfig-base', 1, text);
  return TextDocument.applyEdits(doc, formatBaseConfig(doc, parseBaseConfig(text), OPTIONS, range));
}

test('a text line: no indent, no spaces around =, the value as it stands', () => {
  assert.equal(formatLine('  P27762 = Office PBX'), 'P27762=Office PBX');
  assert.equal(formatLine('\tP271\t=\t1'), 'P271=1');
  assert.equal(formatLine('P27762=Office  '), 'P27762=Office  ', 'trailing spaces of a value are the checks\' to name, not formatting\'s to drop');
  assert.equal(formatLine('p27014 = 1'), 'p27014=1', 'a lower-case p is left for its quick fix');
  assert.equal(formatLine('profile.1.name = HQ'), 'profile.1.name=HQ');
  assert.equal(formatLine('   # a comment   '), '# a comment');
  assert.equal(formatLine(' \t '), '');
  assert.equal(formatLine('  not a setting'), 'not a setting');
  assert.equal(formatLine('P27762==x'), 'P27762==x', 'the value is what follows the first =');
});

test('a text config is formatted line by line, its line ends kept, and formatting twice changes nothing', () => {
  const text = '## Profiles ##\r\n  P271 = 1\r\n\r\n   \r\nP27762=  Office\r\n# end  ';
  const once = formatted(text);
  assert.equal(once, '## Profiles ##\r\nP271=1\r\n\r\n\r\nP27762=Office\r\n# end');
  assert.equal(formatted(once), once);
});

test('a range formats only the lines it touches', () => {
  assert.equal(formatted(' P1 = 1\n P2 = 2\n P3 = 3\n', { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } }), ' P1 = 1\nP2=2\n P3 = 3\n');
});

test('an XML config is indented by nesting, as a handset file is; one that is not well-formed is left alone', () => {
  const xml = '<?xml version="1.0"?>\n<gs_provision version="1">\n<config version="2">\n<!-- names -->\n<item name="profile.1.name">HQ</item>\n</config>\n</gs_provision>\n';
  assert.equal(formatted(xml), '<?xml version="1.0"?>\n<gs_provision version="1">\n  <config version="2">\n    <!-- names -->\n    <item name="profile.1.name">HQ</item>\n  </config>\n</gs_provision>\n');
  const broken = '<gs_provision>\n<config version="1">\n<P271>1</P27>\n</config>\n</gs_provision>\n';
  assert.equal(formatted(broken), broken);
});
