import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { InsertTextFormat, type CompletionItem, type TextEdit } from 'vscode-languageserver-types';
import { getLanguageService } from '../../server/src/handset/languageService';
import { withCursor } from './helpers';

const service = getLanguageService();

function complete(textWithBar: string, uri?: string) {
  const { document, position } = withCursor(textWithBar, uri);
  const items = service.doComplete(document, position).items;
  /** The text after accepting `label`, with snippet tab stops removed. */
  const accept = (label: string) => {
    const item = items.find((i) => i.label === label);
    assert.ok(item, `no completion ${label}; got ${items.map((i) => i.label).join(', ')}`);
    const plain = (item.textEdit as TextEdit).newText.replace(/\$\d/g, '');
    return TextDocument.applyEdits(document, [{ ...(item.textEdit as TextEdit), newText: plain }]);
  };
  return { items, labels: items.map((i) => i.label), accept };
}

const inUser = (inner: string) => `<hs_config>\n  <hs_settings>\n    <force_apply>1</force_apply>\n    <user>\n${inner}\n    </user>\n  </hs_settings>\n</hs_config>`;

test('inside <admin> only the admin settings are offered, in catalogue order', () => {
  const { labels } = complete('<hs_config>\n  <hs_settings>\n    <admin>\n      |\n    </admin>\n  </hs_settings>\n</hs_config>');
  assert.deepEqual(labels, ['disable_private_phonebook', 'disable_shared_phonebook', 'disable_conference', 'disable_transfer', 'custom_ringtone']);
});

test('an element that may occur once is not offered again; line is offered until there are 10', () => {
  const { labels } = complete('<hs_config>\n  <ipei>02c332b510</ipei>\n  |\n</hs_config>');
  assert.deepEqual(labels, ['hs_name', 'sip', 'hs_settings']);
  const nine = '<line><profile_name>profile1</profile_name><user_id>1</user_id></line>\n'.repeat(9);
  assert.deepEqual(complete(`<hs_config><sip>\n${nine}|\n</sip></hs_config>`).labels, ['line']);
  assert.deepEqual(complete(`<hs_config><sip>\n${nine}<line></line>|\n</sip></hs_config>`).labels, []);
});

test('elements are inserted with their end tag; containers open a new indented line', () => {
  const c = complete(inUser('      |'));
  assert.equal(c.accept('auto_answer'), inUser('      <auto_answer></auto_answer>'));
  const auto = c.items.find((i) => i.label === 'auto_answer') as CompletionItem;
  assert.equal(auto.insertTextFormat, InsertTextFormat.Snippet);
  assert.equal(auto.command?.command, 'editor.action.triggerSuggest', 'values are offered right after');
  const top = complete('<hs_config>\n  |\n</hs_config>');
  assert.equal(top.accept('sip'), '<hs_config>\n  <sip>\n\t\n</sip>\n</hs_config>');
});

test('after a typed < or a partial name only the rest is inserted', () => {
  assert.equal(complete(inUser('      <|')).accept('mute_as_dnd'), inUser('      <mute_as_dnd></mute_as_dnd>'));
  assert.equal(complete(inUser('      <cra|')).accept('cradle_hangup'), inUser('      <cradle_hangup></cradle_hangup>'));
});

test('the closing tag of the open element', () => {
  assert.equal(complete('<hs_config>\n  <sip>\n  </|').accept('/sip'), '<hs_config>\n  <sip>\n  </sip>');
  assert.equal(complete('<hs_config>\n  <sip>\n  |').accept('/sip'), '<hs_config>\n  <sip>\n  </sip>');
});

test('key-mapping values: every value 0–20 with its label, in numeric order', () => {
  const { items } = complete(inUser('      <key_up_idle_function>|</key_up_idle_function>'));
  assert.deepEqual(items.map((i) => i.label), Array.from({ length: 21 }, (_, i) => String(i)));
  assert.equal(items[4].labelDetails?.description, 'Outgoing Calls');
  const sorted = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
  assert.deepEqual(sorted.map((i) => i.label), items.map((i) => i.label), 'sortText keeps numeric order');
});

test('values replace what is already there', () => {
  const c = complete(inUser('      <lcd_backlight_cradle>1|</lcd_backlight_cradle>'));
  assert.deepEqual(c.items.map((i) => `${i.label} ${i.labelDetails?.description}`), ['0 Disabled', '1 Enabled', '2 Dim']);
  assert.equal(c.accept('2'), inUser('      <lcd_backlight_cradle>2</lcd_backlight_cradle>'));
});

test('0/1 switches show their meaning; ring types; ringtones', () => {
  assert.deepEqual(complete(inUser('      <auto_answer>|</auto_answer>')).items.map((i) => i.labelDetails?.description), ['No', 'Yes']);
  const ring = complete('<hs_config><sip><line><ring_type>|</ring_type></line></sip></hs_config>');
  assert.deepEqual(ring.labels, ['DID', 'Circular', 'Linear', 'Parallel', 'Shared']);
  const tones = complete('<hs_config><hs_settings><admin><custom_ringtone>|</custom_ringtone></admin></hs_settings></hs_config>');
  assert.equal(tones.items[3].labelDetails?.description, 'ring3.bin');
});

test('profile names inside profile_name, from the settings', () => {
  const text = '<hs_config><sip><line><profile_name>|</profile_name></line></sip></hs_config>';
  assert.deepEqual(complete(text).labels, ['profile1', 'profile2', 'profile3', 'profile4']);
  const custom = getLanguageService({ profiles: ['Office PBX'] });
  const { document, position } = withCursor(text);
  assert.deepEqual(custom.doComplete(document, position).items.map((i) => i.label), ['Office PBX']);
});

test('a profile item tells which of the base station\'s profiles it is, and inserts its name escaped', () => {
  const text = '<hs_config><sip><line><profile_name>|</profile_name></line></sip></hs_config>';
  const { items } = complete(text);
  assert.deepEqual(items.map((i) => [i.label, i.detail, i.labelDetails?.description, i.sortText]), [
    ['profile1', 'profile 1', 'profile 1', '000'],
    ['profile2', 'profile 2', 'profile 2', '001'],
    ['profile3', 'profile 3', 'profile 3', '002'],
    ['profile4', 'profile 4', 'profile 4', '003'],
  ]);
  const { document, position } = withCursor(text);
  const named = getLanguageService({ profiles: ['Sales', 'R&D'] }).doComplete(document, position).items;
  assert.deepEqual(named.map((i) => [i.label, i.detail, (i.textEdit as TextEdit).newText]), [
    ['Sales', 'profile 1', 'Sales'],
    ['R&D', 'profile 2', 'R&amp;D'],
  ]);
});

test('ipei offers the IPEI in the file name', () => {
  assert.deepEqual(complete('<hs_config><ipei>|</ipei></hs_config>', 'file:///srv/ipei_02C332B510.xml').labels, ['02c332b510']);
  assert.deepEqual(complete('<hs_config><ipei>|</ipei></hs_config>', 'file:///srv/desk.xml').labels, []);
});

test('an empty document offers the root', () => {
  assert.deepEqual(complete('|').labels, ['hs_config']);
});
