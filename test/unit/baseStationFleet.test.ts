// Provisioning several handset files in turn against one base station.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { simulateFleet } from '../../server/src/baseStation/fleet';
import { factoryDefault, type BaseStation } from '../../shared/baseStation/model';
import { handset } from './helpers';

function station(): BaseStation {
  const m = factoryDefault();
  m.provisioning.handsetProvisioning = true;
  return m;
}

function file(ipei: string, lines: [user: string, ring?: string][]): string {
  const sip = lines.map(([u, r]) => `    <line>\n      <profile_name>profile1</profile_name>\n      <user_id>${u}</user_id>\n${r ? `      <ring_type>${r}</ring_type>\n` : ''}    </line>\n`).join('');
  return handset({ ipei, name: '', sip: `  <sip>\n${sip}  </sip>\n` });
}

test('handsets register in turn and share accounts by user ID', () => {
  const r = simulateFleet(station(), [
    { name: 'a.xml', text: file('0000000001', [['100'], ['shared']]) },
    { name: 'b.xml', text: file('0000000002', [['200'], ['shared']]) },
  ]);
  assert.deepEqual(r.runs.map((x) => [x.file, x.result?.outcome, x.result?.handset]), [['a.xml', 'applied', 1], ['b.xml', 'applied', 2]]);
  assert.deepEqual(r.handsets.slice(0, 2).map((h) => [h.number, h.ipei, h.lines.map((l) => `${l.lineSlot}:${l.account}:${l.userId}`)]), [
    [1, '0000000001', ['1:1:100', '2:2:shared']],
    [2, '0000000002', ['1:3:200', '2:2:shared']],
  ]);
  assert.deepEqual(r.shortages, []);
  assert.deepEqual(r.conflicts, []);
  assert.equal(r.difference.accounts.filter((c) => c.field === 'userId').length, 3);
});

test('where account slots run out, and where handset numbers do', () => {
  const files = Array.from({ length: 6 }, (_, i) => ({ name: `hs${i + 1}.xml`, text: file(`000000000${i + 1}`, [[`${i}a`], [`${i}b`]]) }));
  const r = simulateFleet(station(), files);
  assert.deepEqual(r.runs.map((x) => x.result?.outcome), ['applied', 'applied', 'applied', 'applied', 'applied', 'stopped']);
  assert.equal(r.after.accounts.filter((a) => a.userId).length, 10);
  assert.deepEqual(r.shortages.map((s) => [s.file, s.kind]), [['hs6.xml', 'handset-number']]);
  const tight = simulateFleet(station(), [...files.slice(0, 5), { name: 'hs1-again.xml', text: file('0000000001', [['0a'], ['0b'], ['extra']]) }]);
  assert.deepEqual(tight.shortages.map((s) => [s.file, s.kind]), [['hs1-again.xml', 'account-slot']]);
  assert.match(tight.shortages[0].message, /^Line 3 \(extra on profile1\): no account matches/);
});

test('two handsets that both want one account for themselves alone are a conflict', () => {
  const r = simulateFleet(station(), [
    { name: 'a.xml', text: file('0000000001', [['5328', 'DID']]) },
    { name: 'b.xml', text: file('0000000002', [['5328', 'DID']]) },
    { name: 'c.xml', text: file('0000000003', [['77', 'DID'], ['5328', 'Parallel']]) },
  ]);
  assert.equal(r.conflicts.length, 1);
  const c = r.conflicts[0];
  assert.deepEqual([c.account, c.userId, c.claims.map((x) => [x.handset, x.file])], [1, '5328', [[1, 'a.xml'], [2, 'b.xml']]]);
  assert.equal(c.message, 'Account 1 (5328 on profile1) is set to ring only its own handset (DID) by HS1 (a.xml) and HS2 (b.xml); an account has one HS mode, so the last file wins and it rings only HS2.');
  assert.equal(r.after.accounts[0].hsMode, 103, 'the last file to touch it set Parallel');
});

test('the IPEI comes from the file, else from its name; a file with neither is reported', () => {
  const noIpei = handset({ ipei: '' });
  const r = simulateFleet(station(), [
    { name: 'dir/ipei_0000000009.xml', text: noIpei },
    { name: 'dir/other.xml', text: noIpei },
  ]);
  assert.equal(r.runs[0].result?.ipei, '0000000009');
  assert.match(r.runs[0].result?.steps.at(-1)?.message ?? '', /^The file has no <ipei>/);
  assert.equal(r.runs[1].result, undefined);
  assert.match(r.runs[1].problem ?? '', /no handset would ask for it/);
});

// Re-provisioning with fewer lines (guide, `<line>`): a handset's dropped lines free their accounts when its own file
// is applied, and not before; the folder's order is an assumption the result lists.
function heldByHs1(): BaseStation {
  const m = station();
  for (const h of m.handsets) h.lines.fill(0);
  m.accounts.forEach((a, i) => (a.userId = `u${i + 1}`));
  m.handsets[0].ipei = '0000000001';
  m.handsets[0].lines = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  return m;
}

const eightNew = Array.from({ length: 8 }, (_, i): [string] => [`n${i + 1}`]);

test('a handset re-provisioned with fewer lines frees its accounts for its own new lines and for the handsets after it', () => {
  const r = simulateFleet(heldByHs1(), [
    { name: 'a.xml', text: file('0000000001', [['u1'], ['new']]) },
    { name: 'b.xml', text: file('0000000002', eightNew) },
  ]);
  assert.deepEqual(r.runs.map((x) => x.result?.outcome), ['applied', 'applied']);
  assert.deepEqual(r.shortages, []);
  assert.deepEqual(r.handsets[0].lines.map((l) => `${l.lineSlot}:${l.account}:${l.userId}`), ['1:1:u1', '2:2:new']);
  assert.deepEqual(r.handsets[1].lines.map((l) => l.account), [3, 4, 5, 6, 7, 8, 9, 10]);
  assert.ok(r.assumptions.some((a) => a.id === 'fleet-order'));
  assert.ok(r.assumptions.some((a) => a.id === 'removal-first'));
});

test('in the other order the same folder runs short: the accounts are freed only when the handset that drops them asks', () => {
  const r = simulateFleet(heldByHs1(), [
    { name: 'a.xml', text: file('0000000002', eightNew) },
    { name: 'b.xml', text: file('0000000001', [['u1'], ['new']]) },
  ]);
  assert.deepEqual(r.runs.map((x) => x.result?.outcome), ['partly-applied', 'applied']);
  assert.equal(r.shortages.length, 8);
  assert.ok(r.shortages.every((s) => s.file === 'a.xml' && s.kind === 'account-slot'));
});

test('a DID claim counts while the handset still holds the account: a later file for it that drops the line withdraws it', () => {
  const m = heldByHs1();
  m.handsets[1].ipei = '0000000002';
  m.handsets[1].lines[0] = 1;
  const both = simulateFleet(m, [
    { name: 'a.xml', text: file('0000000001', [['u1', 'DID'], ['new']]) },
    { name: 'b.xml', text: file('0000000002', [['u1', 'DID'], ...eightNew.slice(0, 7)]) },
  ]);
  assert.deepEqual(both.shortages, []);
  assert.deepEqual(both.conflicts.map((c) => [c.account, c.claims.map((x) => x.handset)]), [[1, [1, 2]]]);
  const dropped = simulateFleet(m, [
    { name: 'a.xml', text: file('0000000001', [['u1', 'DID'], ['new']]) },
    { name: 'b.xml', text: file('0000000002', [['u1', 'DID']]) },
    { name: 'c.xml', text: file('0000000001', [['new']]) },
  ]);
  assert.deepEqual(dropped.handsets[0].lines.map((l) => l.userId), ['new']);
  assert.deepEqual(dropped.conflicts, [], 'HS1 no longer holds account 1, so only HS2 claims it');
});

test('warnings from the files are gathered with the file they come from', () => {
  const m = station();
  m.handsets[0].ipei = '0000000009';
  const r = simulateFleet(m, [{ name: 'a.xml', text: file('0000000001', [['100']]) }]);
  assert.equal(r.runs[0].result?.handset, 2);
  assert.deepEqual(r.warnings.map((w) => [w.file, w.message.split(':')[0]]), [
    ['a.xml', 'Account 1 rings only HS1, not HS2'],
    ['a.xml', 'Account 1 was empty but is on a line slot of HS1'],
  ]);
});

test('a claim counts from the last file of its handset that was applied, partly applied included; a stopped file changes nothing', () => {
  const m = station();
  const stopped = handset({ ipei: '0000000001', name: '', sip: '  <sip>\n    <line>\n      <profile_name>nowhere</profile_name>\n      <user_id>5328</user_id>\n    </line>\n  </sip>\n' });
  const r = simulateFleet(m, [
    { name: 'a.xml', text: file('0000000001', [['5328', 'DID']]) },
    { name: 'b.xml', text: file('0000000002', [['5328', 'DID']]) },
    { name: 'a-broken.xml', text: stopped },
  ]);
  assert.deepEqual(r.runs.map((x) => x.result?.outcome), ['applied', 'applied', 'stopped']);
  assert.deepEqual(r.conflicts.map((c) => c.claims.map((x) => x.file)), [['a.xml', 'b.xml']]);
  assert.deepEqual(r.shortages, [], 'a stop for an unknown profile is no shortage of slots');

  const full = station();
  full.accounts.forEach((a, i) => (a.userId = `u${i + 1}`));
  full.handsets[2].ipei = '0000000003';
  full.handsets[2].lines = [2, 3, 4, 5, 6, 7, 8, 9, 10, 0];
  const partly = simulateFleet(full, [
    { name: 'a.xml', text: file('0000000001', [['u1', 'DID'], ['nowhere']]) },
    { name: 'b.xml', text: file('0000000002', [['u1', 'DID']]) },
  ]);
  assert.deepEqual(partly.runs.map((x) => x.result?.outcome), ['partly-applied', 'applied']);
  assert.deepEqual(partly.conflicts.map((c) => c.claims.map((x) => x.file)), [['a.xml', 'b.xml']]);
});

test('a later file of a handset that keeps the line but no longer sets DID withdraws its claim', () => {
  const r = simulateFleet(station(), [
    { name: 'a.xml', text: file('0000000001', [['5328', 'DID']]) },
    { name: 'b.xml', text: file('0000000002', [['5328', 'DID']]) },
    { name: 'a2.xml', text: file('0000000001', [['5328', 'Parallel']]) },
  ]);
  assert.deepEqual(r.handsets[0].lines.map((l) => l.userId), ['5328']);
  assert.deepEqual(r.conflicts, []);
});

test('a conflict names the profile of the account it is about', () => {
  const m = station();
  m.accounts[0].userId = 'other';
  const onProfile2 = (ipei: string) => file(ipei, [['77', 'DID']]).replace('profile1', 'profile2');
  const r = simulateFleet(m, [
    { name: 'a.xml', text: onProfile2('0000000001') },
    { name: 'b.xml', text: onProfile2('0000000002') },
  ]);
  assert.deepEqual(r.conflicts.map((c) => c.message), ['Account 2 (77 on profile2) is set to ring only its own handset (DID) by HS1 (a.xml) and HS2 (b.xml); an account has one HS mode, so the last file wins and it rings only HS2.']);
});

test('the result is independent of the model it started from, also when no file changed it', () => {
  const m = station();
  for (const files of [[], [{ name: 'x.xml', text: 'not xml' }]]) {
    const r = simulateFleet(m, files);
    assert.deepEqual(r.after, m);
    r.after.accounts[0].userId = 'changed';
    r.after.handsets[0].name = 'changed';
    assert.deepEqual(m, station());
  }
});
