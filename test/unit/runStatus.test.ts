// A folder simulation's file in a word and a reason, as the sites view shows it: applied, stops, no slot, not requested.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { simulateFleet } from '../../server/src/baseStation/fleet';
import { runStatus } from '../../server/src/baseStation/runStatus';
import { factoryDefault, type BaseStation } from '../../shared/baseStation/model';
import { handset } from './helpers';

function station(provisioning = true): BaseStation {
  const m = factoryDefault();
  m.provisioning.handsetProvisioning = provisioning;
  return m;
}

const file = (ipei: string, users: string[], profile = 'profile1') =>
  handset({ ipei, name: '', sip: `  <sip>\n${users.map((u) => `    <line>\n      <profile_name>${profile}</profile_name>\n      <user_id>${u}</user_id>\n    </line>\n`).join('')}  </sip>\n` });

const statuses = (model: BaseStation, files: { name: string; text: string }[]) => simulateFleet(model, files).runs.map(runStatus);

test('applied files have their handset number and IPEI, and no reason', () => {
  assert.deepEqual(statuses(station(), [{ name: 'ipei_0000000001.xml', text: file('0000000001', ['100']) }]), [{ status: 'applied', ipei: '0000000001', handset: 1 }]);
});

test('a failed check stops the file, with the reason and without the simulation\'s tail', () => {
  const [s] = statuses(station(), [{ name: 'a.xml', text: file('0000000001', ['100'], 'Nowhere') }]);
  assert.equal(s.status, 'stops');
  assert.match(s.reason ?? '', /Nowhere/);
  assert.doesNotMatch(s.reason ?? '', /Provisioning stops here/);
});

test('no slot: lines past the account slots, and a handset past the handset numbers', () => {
  const files = Array.from({ length: 6 }, (_, i) => ({ name: `hs${i + 1}.xml`, text: file(`000000000${i + 1}`, [`${i}a`, `${i}b`]) }));
  const [, , , , fifth, sixth] = statuses(station(), files);
  assert.equal(fifth.status, 'applied');
  assert.deepEqual([sixth.status, sixth.handset], ['no-slot', undefined]);
  assert.match(sixth.reason ?? '', /handset numbers are taken/);
  const crowded = Array.from({ length: 3 }, (_, i) => ({ name: `hs${i + 1}.xml`, text: file(`000000000${i + 1}`, [`${i}a`, `${i}b`, `${i}c`, `${i}d`]) }));
  const last = statuses(station(), crowded)[2];
  assert.deepEqual([last.status, last.handset], ['no-slot', 3]);
  assert.match(last.reason ?? '', /no slot for it/);
});

test('not requested: handset provisioning off, or no IPEI to ask for the file with', () => {
  const [off] = statuses(station(false), [{ name: 'a.xml', text: file('0000000001', ['100']) }]);
  assert.equal(off.status, 'not-requested');
  assert.match(off.reason ?? '', /P27014/);
  const [nameless] = statuses(station(), [{ name: 'spare.xml', text: '<hs_config/>' }]);
  assert.equal(nameless.status, 'not-requested');
  assert.match(nameless.reason ?? '', /IPEI/);
});
