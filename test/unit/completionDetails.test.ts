// Completion in the details a user meets: the list's flags, each item's kind, text, detail and order.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CompletionItemKind } from 'vscode-languageserver-types';
import { getLanguageService } from '../../server/src/handset/languageService';
import { withCursor } from './helpers';

const service = getLanguageService();

function complete(textWithBar: string, uri?: string) {
  const { document, position } = withCursor(textWithBar, uri);
  return service.doComplete(document, position);
}

test('the list is complete: the editor filters it as the user types instead of asking again', () => {
  assert.equal(complete('<hs_config>|</hs_config>').isIncomplete, false);
  assert.equal(complete('<hs_config><sip><line><profile_name>|</profile_name></line></sip></hs_config>').isIncomplete, false);
});

test('on the name in an end tag, the one item is the element it closes, replacing just that name', () => {
  const { document, position } = withCursor('<hs_config><sip></s|ip></hs_config>');
  const items = service.doComplete(document, position).items;
  assert.deepEqual(items.map((i) => [i.label, i.detail, i.textEdit && 'range' in i.textEdit ? document.getText(i.textEdit.range) : '', i.textEdit?.newText]), [
    ['/sip', 'Close <sip>', 'sip', 'sip'],
  ]);
});

test('on the name of a complete start tag, an item replaces the name only, as plain text', () => {
  const { document, position } = withCursor('<hs_config><hs_na|me>Desk</hs_name></hs_config>');
  const item = service.doComplete(document, position).items.find((i) => i.label === 'hs_name');
  assert.ok(item?.textEdit && 'range' in item.textEdit);
  assert.equal(document.getText(item.textEdit.range), 'hs_name');
  assert.equal(item.textEdit.newText, 'hs_name');
  assert.equal(item.insertTextFormat, 1, 'plain text: no snippet tab stops in a tag name');
  assert.equal(item.command, undefined);
});

test('an element item: its kind, summary, documentation with its value, order, and what the editor filters on', () => {
  const { document, position } = withCursor('<hs_config>\n  |');
  const items = service.doComplete(document, position).items;
  const byLabel = (label: string) => {
    const item = items.find((i) => i.label === label);
    assert.ok(item, label);
    return item;
  };
  const name = byLabel('hs_name');
  assert.equal(name.kind, CompletionItemKind.Property, 'a value element');
  assert.equal(name.detail, 'Name shown for the handset (at most 10 characters).');
  assert.deepEqual(name.documentation, { kind: 'markdown', value: "Sets the handset's name on the base station. At most 10 characters. Leave it out to keep the current name.\n\n**Value:** text, at most 10 characters" });
  assert.equal(name.filterText, '<hs_name', 'the user typed nothing yet: the editor matches the < too');
  assert.equal(name.textEdit?.newText, '<hs_name>$1</hs_name>', 'a text value: the cursor waits inside');
  assert.equal(name.command, undefined, 'free text: nothing to suggest next');
  assert.equal(byLabel('sip').kind, CompletionItemKind.Module, 'a container');
  assert.match((byLabel('sip').documentation as { value: string }).value, /\n\n\*\*Holds:\*\* `<line>`$/, 'a container: the elements it holds, as hover says');
  assert.deepEqual(items.map((i) => i.sortText), items.map((_, i) => String(i).padStart(3, '0')).slice(0, -1).concat('~'));
  const close = items[items.length - 1];
  assert.deepEqual([close.label, close.detail, close.filterText, close.textEdit?.newText, close.kind], ['/hs_config', 'Close <hs_config>', '</hs_config', '</hs_config>', CompletionItemKind.Property]);
});

test('a closed container offers no closing tag; nothing is offered outside the root', () => {
  const { document, position } = withCursor('<hs_config>\n  |\n</hs_config>');
  assert.deepEqual(service.doComplete(document, position).items.map((i) => i.label), ['ipei', 'hs_name', 'sip', 'hs_settings']);
  const closed = withCursor('<hs_config><sip>|</sip></hs_config>');
  assert.deepEqual(service.doComplete(closed.document, closed.position).items.map((i) => i.label), ['line']);
  const after = withCursor('<hs_config></hs_config>\n|');
  assert.deepEqual(service.doComplete(after.document, after.position).items, []);
});

test('a profile or choice element suggests its values once inserted; after a typed < the item keeps no <', () => {
  const { document, position } = withCursor('<hs_config><sip><line>|</line></sip></hs_config>');
  const items = service.doComplete(document, position).items;
  const profile = items.find((i) => i.label === 'profile_name');
  assert.equal(profile?.textEdit?.newText, '<profile_name>$0</profile_name>');
  assert.equal(profile?.command?.command, 'editor.action.triggerSuggest');
  const ring = items.find((i) => i.label === 'ring_type');
  assert.equal(ring?.command?.command, 'editor.action.triggerSuggest');
  const typed = withCursor('<hs_config><sip><line><ri|</line></sip></hs_config>');
  const item = service.doComplete(typed.document, typed.position).items.find((i) => i.label === 'ring_type');
  assert.equal(item?.filterText, 'ring_type');
  assert.equal(item?.textEdit?.newText, 'ring_type>$0</ring_type>');
});

test('a value item: its kind and label, and documentation only when it says more than the label', () => {
  const { document, position } = withCursor('<hs_config><sip><line><ring_type>|</ring_type></line></sip></hs_config>');
  const items = service.doComplete(document, position).items;
  assert.ok(items.every((i) => i.kind === CompletionItemKind.EnumMember));
  assert.equal(items[0].detail, 'Ring this handset only');
  assert.equal(typeof items[0].documentation, 'string');
  const none = withCursor('<hs_config><hs_settings><user><key_up_idle_function>|</key_up_idle_function></user></hs_settings></hs_config>');
  const first = service.doComplete(none.document, none.position).items[0];
  assert.deepEqual([first.label, first.detail, first.documentation], ['0', 'None', undefined]);
  const ipei = withCursor('<hs_config><ipei>|</ipei></hs_config>', 'file:///srv/ipei_02C332B510.xml');
  const fromName = service.doComplete(ipei.document, ipei.position).items[0];
  assert.deepEqual([fromName.label, fromName.detail, fromName.labelDetails], ['02c332b510', 'IPEI from the file name', { description: 'IPEI from the file name' }]);
  const text = withCursor('<hs_config><hs_name>|</hs_name></hs_config>');
  assert.deepEqual(service.doComplete(text.document, text.position).items, [], 'free text has no values to offer');
});

test('on a tag name, the end tag is inserted only while the start tag is still being typed', () => {
  const newText = (textWithBar: string) => {
    const { document, position } = withCursor(textWithBar);
    return service.doComplete(document, position).items.find((i) => i.label === 'hs_name')?.textEdit?.newText;
  };
  assert.equal(newText('<hs_config><hs_na|me'), 'hs_name>$1</hs_name>');
  assert.equal(newText('<hs_config><hs_na|me>Desk'), 'hs_name', 'the start tag is complete, though the element is not closed');
  assert.equal(newText('<hs_config><hs_na|me/>'), 'hs_name');
});

test('renaming the tag of a choice element does not open the value list', () => {
  const { document, position } = withCursor('<hs_config><sip><line><ring_ty|pe>DID</ring_type></line></sip></hs_config>');
  const item = service.doComplete(document, position).items.find((i) => i.label === 'ring_type');
  assert.equal(item?.textEdit?.newText, 'ring_type');
  assert.equal(item?.command, undefined, 'the value is already there');
});
