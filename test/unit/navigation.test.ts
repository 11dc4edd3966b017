// Navigation across handset files and the base-station file.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { findValueReferences, findWorkspaceSymbols, valueAt } from '../../server/src/workspace/navigation';
import { modelProfileNames, writtenInJson } from '../../server/src/links/modelProfileNames';
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

test('the profiles a base-station model JSON defines: the value of each profiles[i].name, inside its quotes', () => {
  const defs = modelProfileNames(base.text);
  assert.deepEqual(defs.map((d) => [d.name, d.profile, base.text.slice(d.span.start, d.span.end)]), [['Office', 1, 'Office'], ['Trunk', 2, 'Trunk']]);
  const doc = TextDocument.create(base.uri, 'json', 0, base.text);
  assert.deepEqual(doc.positionAt(defs[1].span.start), { line: 3, character: 27 });
});

test('a "name" elsewhere in the model (a handset, an account) is not taken for a profile; escapes are read and written', () => {
  const text = '{\n  "handsets": [{ "number": 1, "name": "Trunk" }],\n  "profiles": [{ "index": 3, "name": "R\\"D" }]\n}\n';
  const defs = modelProfileNames(text);
  assert.deepEqual(defs.map((d) => [d.name, d.profile, text.slice(d.span.start, d.span.end)]), [['R"D', 3, 'R\\"D']]);
  assert.equal(writtenInJson('Head "A" & office'), 'Head \\"A\\" & office');
  assert.deepEqual(modelProfileNames('not json at all'), []);
  assert.deepEqual(modelProfileNames('{"profiles": {"name": "x"}}'), []);
});

test('workspace symbols: a handset by IPEI in hex or decimal, by name, user ID or display name', () => {
  const names = (q: string) => findWorkspaceSymbols(files, q).map((s) => `${s.name} @ ${s.containerName}`);
  assert.deepEqual(names('02c332b511'), ['02c332b511 — ipei @ Warehouse']);
  assert.deepEqual(names('11315 0177424'), ['02c332b510 — ipei @ Front desk'], 'the decimal form on the label, spaces ignored');
  assert.deepEqual(names('wareh'), ['Warehouse — hs_name @ Warehouse']);
  assert.deepEqual(names('5328'), ['5328 — user_id @ Front desk', '5328 — user_id @ Warehouse']);
  assert.deepEqual(names('recep'), ['Reception — display_name @ Front desk']);
});
