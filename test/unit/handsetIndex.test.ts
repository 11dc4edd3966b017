// The workspace index and the problems only the folder as a whole shows.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { factoryWithProvisioning } from '../../server/src/baseStation/requester';
import { crossFileDiagnostics, HandsetIndex, sameFolderProblems } from '../../server/src/workspace/handsetIndex';
import { handset } from './helpers';

const line = (user: string, ring = '') => `    <line>\n      <profile_name>profile1</profile_name>\n      <user_id>${user}</user_id>\n${ring ? `      <ring_type>${ring}</ring_type>\n` : ''}    </line>\n`;
const uri = (name: string) => `file:///fleet/${name}`;
const ipeiOf = (n: number) => `02c332b5${n.toString(16).padStart(2, '0')}`;

function indexOf(files: Record<string, string>): HandsetIndex {
  const index = new HandsetIndex();
  for (const [name, text] of Object.entries(files)) index.set(uri(name), name, text);
  return index;
}

test('keeps handset files only, in name order, and tells whether an update changed anything', () => {
  const index = indexOf({ 'b.xml': handset({ ipei: ipeiOf(2) }), 'a.xml': handset(), 'notes.xml': '<notes/>' });
  assert.deepEqual(index.all().map((f) => f.name), ['a.xml', 'b.xml']);
  assert.equal(index.get(uri('b.xml'))?.ipei, ipeiOf(2));
  assert.equal(index.set(uri('a.xml'), 'a.xml', handset()), false);
  assert.equal(index.set(uri('a.xml'), 'a.xml', handset({ name: '' })), true);
  assert.equal(index.set(uri('a.xml'), 'a.xml', '<other/>'), true, 'a file that stopped being a handset file leaves');
  assert.deepEqual(index.all().map((f) => f.name), ['b.xml']);
  assert.equal(index.delete(uri('b.xml')), true);
  assert.equal(index.size, 0);
});

test('two files for one IPEI: both are marked, on their <ipei>', () => {
  const index = indexOf({ 'ipei_02c332b510.xml': handset(), 'desk/ipei_02c332b510.xml': handset(), 'other.xml': handset({ ipei: ipeiOf(3) }) });
  const problems = crossFileDiagnostics(factoryWithProvisioning(), index.all());
  assert.deepEqual([...problems.keys()].sort(), [uri('desk/ipei_02c332b510.xml'), uri('ipei_02c332b510.xml')]);
  const [d] = problems.get(uri('ipei_02c332b510.xml'))!;
  assert.equal(d.code, 'folder-duplicate-ipei');
  assert.match(String(d.message), /Handset 02c332b510 has 2 files in this folder: this one and desk\/ipei_02c332b510\.xml/);
  assert.deepEqual(d.range, { start: { line: 2, character: 8 }, end: { line: 2, character: 18 } });
});

test('an account two handsets both set to DID is marked in both files, on the line', () => {
  const index = indexOf({
    'a.xml': handset({ sip: `  <sip>\n${line('5328', 'DID')}  </sip>\n` }),
    'b.xml': handset({ ipei: ipeiOf(2), sip: `  <sip>\n${line('5328', 'DID')}  </sip>\n` }),
  });
  const problems = crossFileDiagnostics(factoryWithProvisioning(), index.all());
  for (const name of ['a.xml', 'b.xml']) {
    const [d] = problems.get(uri(name)) ?? [];
    assert.equal(d?.code, 'folder-did-conflict', name);
    assert.match(String(d.message), /ring only its own handset \(DID\) by HS1 \(a\.xml\) and HS2 \(b\.xml\)/);
  }
});

test('more accounts than the base station has slots, and more handsets than it has numbers', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 7; i++) files[`h${i}.xml`] = handset({ ipei: ipeiOf(i + 16), sip: `  <sip>\n${line(String(100 + 3 * i))}${line(String(101 + 3 * i))}${line(String(102 + 3 * i))}  </sip>\n` });
  const problems = crossFileDiagnostics(factoryWithProvisioning(), indexOf(files).all());
  assert.deepEqual(problems.get(uri('h3.xml'))?.map((d) => d.code), ['folder-account-slots', 'folder-account-slots'], '10 account slots: the fourth handset gets one of its three');
  assert.deepEqual(problems.get(uri('h5.xml'))?.map((d) => d.code), ['folder-handset-number'], '5 handset numbers: the sixth file gets none');
  assert.ok([...problems.values()].flat().every((d) => String(d.message).startsWith('With the folder provisioned in turn (7 files, by name)')));
  assert.ok(!problems.has(uri('h0.xml')), 'the first files get what they ask for');
});

test('sameFolderProblems: two lists of a file’s folder problems compared field by field', () => {
  const files = { 'a.xml': handset(), 'desk/a.xml': handset() };
  const [d] = crossFileDiagnostics(factoryWithProvisioning(), indexOf(files).all()).get(uri('a.xml')) ?? [];
  const copy = structuredClone(d);
  assert.ok(sameFolderProblems([d], [copy]));
  assert.ok(sameFolderProblems(undefined, []), 'no problems either way');
  assert.ok(!sameFolderProblems([d], []));
  assert.ok(!sameFolderProblems([d], [{ ...copy, message: 'other' }]));
  assert.ok(!sameFolderProblems([d], [{ ...copy, code: 'folder-did-conflict' }]));
  assert.ok(!sameFolderProblems([d], [{ ...copy, severity: 1 }]));
  for (const edge of ['start', 'end'] as const) {
    for (const field of ['line', 'character'] as const) {
      const moved = structuredClone(d);
      moved.range[edge][field]++;
      assert.ok(!sameFolderProblems([d], [moved]), `${edge}.${field}`);
    }
  }
});

test('a file deleted after the sorted list was read leaves it: its duplicate-IPEI problem clears (issue 27, seeded bug)', () => {
  const index = indexOf({ 'ipei_02c332b510.xml': handset(), 'desk/ipei_02c332b510.xml': handset() });
  assert.equal(crossFileDiagnostics(factoryWithProvisioning(), index.all()).size, 2, 'the sorted list is built here');
  index.delete(uri('desk/ipei_02c332b510.xml'));
  assert.deepEqual(index.all().map((f) => f.name), ['ipei_02c332b510.xml']);
  assert.equal(crossFileDiagnostics(factoryWithProvisioning(), index.all()).size, 0);
  index.set(uri('b.xml'), 'b.xml', handset({ ipei: ipeiOf(9) }));
  assert.deepEqual(index.all().map((f) => f.name), ['b.xml', 'ipei_02c332b510.xml'], 'an added file joins the sorted list');
});
