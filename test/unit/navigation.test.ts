// Navigation across handset files and the base-station file.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import { findProfileDefinition, findValueReferences, findWorkspaceSymbols, renameProfile, valueAt } from '../../server/src/workspace/navigation';
import { handset } from './helpers';

const line = (profile: string, user: string, display = '') =>
  `    <line>\n${display ? `      <display_name>${display}</display_name>\n` : ''}      <profile_name>${profile}</profile_name>\n      <user_id>${user}</user_id>\n    </line>\n`;
const files = [
  { uri: 'file:///f/a.xml', text: handset({ sip: `  <sip>\n${line('Office', '5328', 'Reception')}${line('Trunk', '7000')}  </sip>\n` }) },
  { uri: 'file:///f/b.xml', text: handset({ ipei: '02c332b511', name: '  <hs_name>Warehouse</hs_name>\n', sip: `  <sip>\n${line('Office', '5328')}  </sip>\n` }) },
  { uri: 'file:///f/notes.xml', text: '<notes><profile_name>Office</profile_name></notes>' },
];
const base = { uri: 'file:///f/.vscode/hsconfig-base-station.json', text: '{\n  "profiles": [\n    { "index": 1, "name": "Office" },\n    { "index": 2, "name": "Trunk" }\n  ]\n}\n' };

test('the value under the cursor: a profile name or a user ID', () => {
  const at = (needle: string) => valueAt(files[0], files[0].text.indexOf(needle) + 1);
  assert.deepEqual(at('Office'), { element: 'profile_name', value: 'Office', span: { start: files[0].text.indexOf('Office'), end: files[0].text.indexOf('Office') + 6 } });
  assert.equal(at('5328')?.element, 'user_id');
  assert.equal(at('Reception'), undefined);
});

test('references of a profile name and of a user ID across handset files, not other XML', () => {
  assert.deepEqual(findValueReferences(files, 'profile_name', 'Office').map((l) => `${l.uri.slice(10)}:${l.range.start.line}`), ['a.xml:7', 'b.xml:6']);
  assert.deepEqual(findValueReferences(files, 'user_id', '7000').map((l) => l.uri), ['file:///f/a.xml']);
});

test('the definition of a profile in the base-station model JSON', () => {
  const def = findProfileDefinition(base, 'Trunk');
  assert.deepEqual(def?.range, { start: { line: 3, character: 27 }, end: { line: 3, character: 32 } });
  assert.equal(findProfileDefinition(base, 'Nowhere'), undefined);
});

test('renaming a profile changes every handset file and the base-station file', () => {
  const edit = renameProfile(files, base, 'Office', 'Head & office');
  const apply = (f: { uri: string; text: string }) => TextDocument.applyEdits(TextDocument.create(f.uri, 'x', 1, f.text), (edit.changes?.[f.uri] ?? []) as TextEdit[]);
  assert.deepEqual(Object.keys(edit.changes ?? {}).sort(), [base.uri, files[0].uri, files[1].uri].sort());
  assert.equal((apply(files[0]).match(/<profile_name>Head &amp; office<\/profile_name>/g) ?? []).length, 1);
  assert.match(apply(files[1]), /<profile_name>Head &amp; office<\/profile_name>/);
  assert.match(apply(base), /"name": "Head & office"/);
  assert.match(apply(files[0]), /<profile_name>Trunk<\/profile_name>/);
});

test('workspace symbols: a handset by IPEI in hex or decimal, by name, user ID or display name', () => {
  const names = (q: string) => findWorkspaceSymbols(files, q).map((s) => `${s.name} @ ${s.containerName}`);
  assert.deepEqual(names('02c332b511'), ['02c332b511 — ipei @ Warehouse']);
  assert.deepEqual(names('11315 0177424'), ['02c332b510 — ipei @ Front desk'], 'the decimal form on the label, spaces ignored');
  assert.deepEqual(names('wareh'), ['Warehouse — hs_name @ Warehouse']);
  assert.deepEqual(names('5328'), ['5328 — user_id @ Front desk', '5328 — user_id @ Warehouse']);
  assert.deepEqual(names('recep'), ['Reception — display_name @ Front desk']);
});
