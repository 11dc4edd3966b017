// The folder's problems kept between changes (baseStation/fleetCache.ts, FolderProblems) against the same computed
// from scratch: random sequences of edits, new files, deletions and base-station changes on a small fleet (more
// IPEIs than handset numbers, more user IDs than account slots, duplicates, DID claims, broken files), compared
// after every step. Also: how much the cache saves, on a folder like the benchmark's.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { simulateFleet } from '../../server/src/baseStation/fleet';
import { FleetCache, sameData } from '../../server/src/baseStation/fleetCache';
import { cloneBaseStation, factoryDefault, type BaseStation } from '../../shared/baseStation/model';
import { crossFileDiagnostics, FolderProblems, HandsetIndex } from '../../server/src/workspace/handsetIndex';
import { handset } from './helpers';

const RUNS = Number(process.env.HSCONFIG_PROPERTY_RUNS ?? 300);

const IPEIS = ['02c332b510', '02c332b511', '02c332b512', '02c332b513', '02c332b514', '02c332b515', '02c332b516'];
const NAMES = ['a.xml', 'b.xml', 'desk/c.xml', 'z.xml', ...IPEIS.slice(0, 4).map((i) => `ipei_${i}.xml`)];

const line = fc
  .record({
    profile: fc.constantFrom('profile1', 'profile2', 'profile1', 'nope', ''),
    user: fc.constantFrom('100', '101', '102', '103', '104', '105', '106', '107', '108', '109', '110', '111', ''),
    ring: fc.constantFrom('', '', 'DID', 'Circular', 'Parallel', 'bogus'),
  })
  .map(({ profile, user, ring }) => `    <line>\n      <profile_name>${profile}</profile_name>\n      <user_id>${user}</user_id>\n${ring ? `      <ring_type>${ring}</ring_type>\n` : ''}    </line>\n`);

const fileText = fc.oneof(
  { weight: 12, arbitrary: fc.tuple(fc.constantFrom(...IPEIS), fc.array(line, { maxLength: 4 }), fc.constantFrom('', 'Desk', 'Lab')).map(([ipei, lines, name]) => handset({ ipei, name: name ? `  <hs_name>${name}</hs_name>\n` : '', sip: `  <sip>\n${lines.join('')}  </sip>\n` })) },
  { weight: 1, arbitrary: fc.constant(handset({ ipei: '' })) },
  { weight: 1, arbitrary: fc.constant('<hs_config>\n  <ipei>02c332b510</ipei>\n  <sip><line>\n</hs_config>\n') },
);

type Step = { kind: 'set'; name: string; text: string } | { kind: 'delete'; name: string } | { kind: 'model'; which: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 10, arbitrary: fc.record({ kind: fc.constant('set' as const), name: fc.constantFrom(...NAMES), text: fileText }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), name: fc.constantFrom(...NAMES) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('model' as const), which: fc.integer({ min: 0, max: 2 }) }) },
);

/** The base stations a run switches between: factory fresh, one with a handset and accounts, one with few slots. */
function models(): BaseStation[] {
  const fresh = factoryDefault();
  fresh.provisioning.handsetProvisioning = true;
  const held = cloneBaseStation(fresh);
  held.handsets[0] = { ...held.handsets[0], ipei: '02c332b515', lines: [1, 2, 0, 0, 0, 0, 0, 0, 0, 0] };
  held.accounts[0].userId = '100';
  held.accounts[1].userId = '999';
  const off = cloneBaseStation(fresh);
  off.provisioning.handsetProvisioning = false;
  return [fresh, held, off];
}

test('kept between changes, the folder simulation and its problems equal those computed from scratch', () => {
  fc.assert(
    fc.property(fc.array(step, { minLength: 1, maxLength: 25 }), (steps) => {
      const all = models();
      let model = all[0];
      const index = new HandsetIndex();
      const problems = new FolderProblems();
      const fleet = new FleetCache();
      for (const s of steps) {
        if (s.kind === 'set') index.set(`file:///fleet/${s.name}`, s.name, s.text);
        else if (s.kind === 'delete') index.delete(`file:///fleet/${s.name}`);
        else model = cloneBaseStation(all[s.which]); // a new object each time, as the server hands in
        const files = index.all();
        assert.deepStrictEqual(problems.compute(model, files), crossFileDiagnostics(model, files));
        const fleetFiles = files.map((f) => ({ name: f.name, text: f.text, ipei: f.ipei }));
        assert.deepStrictEqual(fleet.run(model, fleetFiles), simulateFleet(model, fleetFiles));
      }
    }),
    { numRuns: RUNS },
  );
});

function benchFolder(count: number): { name: string; text: string }[] {
  return Array.from({ length: count }, (_, n) => {
    const ipei = (0x02c332b000 + n).toString(16).padStart(10, '0');
    const sip = `  <sip>\n    <line>\n      <profile_name>profile${(n % 4) + 1}</profile_name>\n      <user_id>${5000 + n}</user_id>\n    </line>\n  </sip>\n`;
    return { name: `ipei_${ipei}.xml`, text: handset({ ipei, name: `  <hs_name>HS ${n}</hs_name>\n`, sip }) };
  });
}

test('after one file changes, only the files whose base station can differ are simulated again', () => {
  const model = factoryDefault();
  model.provisioning.handsetProvisioning = true;
  const files = benchFolder(200);
  const cache = new FleetCache();
  cache.run(model, files);
  assert.equal(cache.simulated, 200, 'the first run simulates every file');
  cache.run(model, files);
  assert.equal(cache.simulated, 0, 'nothing changed: nothing is simulated');
  const renamed = files.map((f, i) => (i === 100 ? { ...f, text: f.text.replace('HS 100', 'HS 100 b') } : f));
  assert.equal(cache.run(model, renamed).runs.length, 200);
  assert.equal(cache.simulated, 1, 'a file that changes nothing on the base station: only itself');
  const dropped = renamed.filter((_, i) => i !== 150);
  cache.run(model, dropped);
  assert.equal(cache.simulated, 0, 'a deleted file that changed nothing: no file');
  const first = dropped.map((f, i) => (i === 1 ? { ...f, text: f.text.replace('<user_id>5001<', '<user_id>42<') } : f));
  cache.run(model, first);
  assert.equal(cache.simulated, 198, 'a new account on a registered handset: every later file sees another base station');
  const other = cloneBaseStation(model);
  other.profiles[0].name = 'main';
  cache.run(other, first);
  assert.equal(cache.simulated, 199, 'another base station: everything again');
  const moved = first.map((f, i) => (i === 100 ? { ...f, name: `old-${f.name}` } : f));
  assert.equal(cache.run(other, moved).runs[100].file, `old-${first[100].name}`, 'a file renamed, its text the same: the run has the new name');
  assert.equal(cache.simulated, 1);
});

test('sameData: deep equality of plain data', () => {
  assert.ok(sameData({ a: [1, { b: 'x' }], c: null }, { a: [1, { b: 'x' }], c: null }));
  assert.ok(!sameData({ a: [1, 2] }, { a: [1, 2, 3] }));
  assert.ok(!sameData({ a: 1 }, { a: 1, b: undefined }));
  assert.ok(!sameData({ a: 1, c: 2 }, { a: 1, b: 2 }));
  assert.ok(!sameData([1], { 0: 1 }));
  assert.ok(!sameData(null, {}));
  assert.ok(!sameData('1', 1));
  const m = factoryDefault();
  assert.ok(sameData(m, cloneBaseStation(m)));
});

test('cloneBaseStation: a deep copy, equal and independent', () => {
  const m = models()[1];
  const copy = cloneBaseStation(m);
  assert.deepStrictEqual(copy, structuredClone(m));
  copy.handsets[0].lines[0] = 7;
  copy.accounts[0].userId = 'changed';
  copy.profiles[0].name = 'changed';
  copy.provisioning.serverPath = 'changed';
  assert.deepStrictEqual(m, models()[1]);
});

test('a file the caller gives another IPEI is simulated again, though its name and text are the same', () => {
  const model = factoryDefault();
  model.provisioning.handsetProvisioning = true;
  const text = handset({ ipei: '', name: '' });
  const cache = new FleetCache();
  assert.equal(cache.run(model, [{ name: 'a.xml', text, ipei: IPEIS[0] }]).runs[0].result?.ipei, IPEIS[0]);
  const again = cache.run(model, [{ name: 'a.xml', text, ipei: IPEIS[1] }]);
  assert.equal(cache.simulated, 1);
  assert.deepEqual(again, simulateFleet(model, [{ name: 'a.xml', text, ipei: IPEIS[1] }]));
});
