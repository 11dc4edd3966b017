// Editing base-station configs (issue 25): a completion replaces the whole key it stands in, nothing is offered
// inside a comment.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { getBaseConfigService } from '../../server/src/baseConfig/baseConfigService';
import { withCursor } from './helpers';

const service = getBaseConfigService();

/** The completion items at the `|`, and the text once the one labelled `label` is accepted (both of its edits). */
function complete(textWithBar: string, label: string): { items: CompletionItem[]; accepted?: string } {
  const { document, position } = withCursor(textWithBar, 'file:///work/base.cfg');
  const items = service.doComplete(document, position).items;
  const item = items.find((i) => i.label === label);
  if (!item) return { items };
  const edits = [item.textEdit as TextEdit, ...(item.additionalTextEdits ?? [])];
  return { items, accepted: TextDocument.applyEdits(document, edits) };
}

const v1 = (inside: string) => `<gs_provision version="1">\n  <config version="1">\n${inside}\n  </config>\n</gs_provision>\n`;
const v2 = (inside: string) => `<gs_provision version="1">\n  <config version="2">\n${inside}\n  </config>\n</gs_provision>\n`;

test('text: completing inside a key replaces the whole key and keeps its = and value', () => {
  assert.equal(complete('P27|762=profile1\n', 'P27762').accepted, 'P27762=profile1\n');
  assert.equal(complete('P1=2\n  P2776|2=profile1\nP2=3\n', 'P27763').accepted, 'P1=2\n  P27763=profile1\nP2=3\n');
  assert.equal(complete('|P27762=profile1\n', 'P27763').accepted, 'P27763=profile1\n', 'the cursor before the P');
  assert.equal(complete('P27|762\n', 'P27762').accepted, 'P27762=\n', 'a key without its = gets one');
  assert.equal(complete('P1=2\nP277|\n', 'P27762').accepted, 'P1=2\nP27762=\n', 'a new key, as before');
});

test('XML v1: completing inside an element name renames it, end tag included; a new element gets the whole element', () => {
  assert.equal(complete(v1('    <P27|762>profile1</P27762>'), 'P27763').accepted, v1('    <P27763>profile1</P27763>'));
  assert.equal(complete(v1('    <P27|762/>'), 'P27763').accepted, v1('    <P27763/>'));
  const fresh = complete(v1('    <P2776|\n    <P1>2</P1>'), 'P27762');
  assert.equal(fresh.items.find((i) => i.label === 'P27762')?.insertTextFormat, 2, 'a snippet');
  assert.equal(fresh.accepted, v1('    <P27762>${1:profile1}</P27762>\n    <P1>2</P1>'));
});

test('XML v2: completing inside an item name replaces the whole name; no element snippet inside a written tag', () => {
  assert.equal(complete(v2('    <item name="profile.1|.nam">profile1</item>'), 'profile.1.name').accepted, v2('    <item name="profile.1.name">profile1</item>'));
  assert.deepEqual(complete(v2('    <it|em name="profile.1.name">profile1</item>'), 'profile.1.name').items, []);
  assert.ok(complete(v2('    <it|\n'), 'profile.1.name').accepted?.includes('<item name="profile.1.name">${1:profile1}</item>'), 'a new item, as before');
});

test('nothing is offered inside a comment, in any shape', () => {
  assert.deepEqual(complete('# P27|\nP1=2\n', 'P27762').items, []);
  assert.deepEqual(complete('  #|\nP1=2\n', 'P27762').items, []);
  assert.deepEqual(complete(v2('    <!-- <|  -->'), 'profile.1.name').items, []);
  assert.deepEqual(complete(v2('    <!-- <item name="profile.1|  -->'), 'profile.1.name').items, []);
  assert.deepEqual(complete(v1('    <!-- <P|  -->'), 'P27762').items, []);
  assert.deepEqual(complete(v1('    <!-- an open comment <P|'), 'P27762').items, []);
  assert.ok(complete(v1('    <!-- closed --> <P|'), 'P27762').accepted, 'after a comment closes, completion is back');
  assert.ok(complete(v2('    <!-- closed --><|'), 'profile.1.name').accepted);
});

