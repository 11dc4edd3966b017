// Setting P-values in a config of each shape (baseConfig/configEdits.ts): the last setting of a P-value changes where
// it stands; a new one goes after the settings, indented as they are, escaped for XML; v2 refuses what it cannot name.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { setValuesEdits, type PValueToSet } from '../../server/src/baseConfig/configEdits';
import { parseBaseConfig } from '../../server/src/baseConfig/parser';

function set(text: string, values: PValueToSet[]): string | undefined {
  const doc = TextDocument.create('file:///c', 'hsconfig-base', 0, text);
  const edits = setValuesEdits(doc, parseBaseConfig(text), values);
  return edits && TextDocument.applyEdits(doc, edits);
}

test('text: the last of a P-value set twice is the one changed; a new one is a line at the end, with the file\'s line ends', () => {
  assert.equal(set('P27762=a\nP27762=b\n', [{ p: 27762, value: 'HQ' }]), 'P27762=a\nP27762=HQ\n');
  assert.equal(set('P271=1', [{ p: 27763, value: 'R&D' }]), 'P271=1\nP27763=R&D\n');
  assert.equal(set('P271=1\r\n', [{ p: 27763, value: 'x' }, { p: 401, value: '1' }]), 'P271=1\r\nP27763=x\r\nP401=1\r\n');
  assert.equal(set('', [{ p: 27763, value: 'x' }]), 'P27763=x\n');
});

test('XML v1: a new element before </config>, indented as the settings; an existing value replaced, escaped', () => {
  const v1 = '<gs_provision version="1">\n  <config version="1">\n    <P27762>Office</P27762>\n  </config>\n</gs_provision>\n';
  assert.equal(set(v1, [{ p: 27763, value: 'R&D' }]), '<gs_provision version="1">\n  <config version="1">\n    <P27762>Office</P27762>\n    <P27763>R&amp;D</P27763>\n  </config>\n</gs_provision>\n');
  assert.equal(set(v1, [{ p: 27762, value: '<HQ>' }]), v1.replace('Office', '&lt;HQ&gt;'));
  assert.equal(set('<gs_provision><config version="1"><P271>1</P271></config></gs_provision>', [{ p: 27763, value: 'x' }]), '<gs_provision><config version="1"><P271>1</P271><P27763>x</P27763></config></gs_provision>');
});

test('XML v2: a new item by its v2 name; a P-value with no v2 name, or a file with no <config>, gets no edit', () => {
  const v2 = '<gs_provision version="1">\n\t<config version="2">\n\t</config>\n</gs_provision>\n';
  assert.equal(set(v2, [{ p: 27763, value: 'Sales' }]), '<gs_provision version="1">\n\t<config version="2">\n\t  <item name="profile.2.name">Sales</item>\n\t</config>\n</gs_provision>\n');
  assert.equal(set(v2, [{ p: 2333, value: 'x' }]), undefined, 'P2333 has no v2 name');
  assert.equal(set('<gs_provision version="1"/>', [{ p: 27763, value: 'x' }]), undefined);
});
