// Provisioning several handset files in turn against one base station.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { simulateFleet } from '../../server/src/baseStation/fleet';
import { factoryDefault, type BaseStation } from '../../server/src/baseStation/model';
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
