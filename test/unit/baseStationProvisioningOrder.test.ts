// One provisioning, in the order the vendor's guide describes it, written from the guide's sentences rather than from
// the code:
// - workflow, first sentence: a handset asks for its file when it registers for the first time or boots while
//   registered; the request comes after the registration;
// - `<line>`: lines are applied one after another (line 1, 2, 3 …); lines the new file no longer has are removed, and
//   their SIP accounts stay until a slot is needed, when they are removed as stale accounts;
// - workflow and `<user_id>`: an account with the same user ID (and server) is mapped to the line; otherwise a new
//   account takes the first empty account slot or, with every slot occupied and not every account in use on a
//   handset, the first stale one.
// Where the guide leaves a point open the result says what it assumed (see assumptions.ts).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { ASSUMPTIONS, assumptionsTable } from '../../server/src/baseStation/assumptions';
import { factoryDefault, HUNT_MODES, type BaseStation } from '../../shared/baseStation/model';
import { simulate } from '../../server/src/baseStation/simulate';
import type { SimulationResult } from '../../shared/baseStation/simulation';
import { handset } from './helpers';

const IPEI = '02c332b510';
const OTHER = '0000000002';

/** Provisioning on, no handset line set, accounts slot → user ID (profile1). */
function station(accounts: Record<number, string>, change: (m: BaseStation) => void = () => undefined): BaseStation {
  const m = factoryDefault();
  m.provisioning.handsetProvisioning = true;
  for (const h of m.handsets) h.lines.fill(0);
  for (const [slot, userId] of Object.entries(accounts)) m.accounts[Number(slot) - 1].userId = userId;
  change(m);
  return m;
}

const tenAccounts = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [i + 1, `u${i + 1}`])) as Record<number, string>;

function file(users: (string | [user: string, ring: string])[], ipei = IPEI): string {
  const line = (u: string | [string, string]) => {
    const [user, ring] = typeof u === 'string' ? [u, undefined] : u;
    return `    <line>\n      <profile_name>profile1</profile_name>\n      <user_id>${user}</user_id>\n${ring ? `      <ring_type>${ring}</ring_type>\n` : ''}    </line>\n`;
  };
  return handset({ ipei, sip: `  <sip>\n${users.map(line).join('')}  </sip>\n` });
}

const placed = (r: SimulationResult) => r.lines.map((l) => [l.userId, l.how, l.account, l.lineSlot]);
const warnings = (r: SimulationResult) => r.steps.filter((s) => s.status === 'warn').map((s) => s.message);
const assumed = (r: SimulationResult) => r.assumptions.map((a) => a.id);

describe('<line>: lines the file no longer has are removed before its lines are applied', () => {
  test('a handset holding all ten accounts gets a file with one new user: its ten accounts are stale and the first is reused', () => {
    const m = station(tenAccounts, (s) => {
      s.handsets[0].ipei = IPEI;
      s.handsets[0].lines = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    });
    const r = simulate(m, IPEI, file(['new']));
    assert.equal(r.outcome, 'applied');
    assert.deepEqual(placed(r), [['new', 'replaced', 1, 1]]);
    assert.deepEqual(r.after.handsets[0].lines, [1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual(r.after.accounts.map((a) => a.userId), ['new', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9', 'u10'], 'the other removed lines leave their accounts on the base station');
    const removedAt = r.steps.findIndex((s) => s.kind === 'line-removed');
    const appliedAt = r.steps.findIndex((s) => s.kind === 'account');
    assert.ok(removedAt >= 0 && removedAt < appliedAt, 'removal is reported before the lines are applied');
    assert.equal(r.steps.filter((s) => s.kind === 'line-removed').length, 10);
  });

  test('a file that keeps one line and replaces the others: the kept account stays put, the new users take the first stale accounts', () => {
    const m = station(tenAccounts, (s) => {
      s.handsets[0].ipei = IPEI;
      s.handsets[0].lines = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    });
    const r = simulate(m, IPEI, file(['n1', 'u5', 'n2']));
    assert.equal(r.outcome, 'applied');
    assert.deepEqual(placed(r), [
      ['n1', 'replaced', 1, 1],
      ['u5', 'reused', 5, 5],
      ['n2', 'replaced', 2, 2],
    ]);
    assert.deepEqual(r.after.handsets[0].lines, [1, 2, 0, 0, 5, 0, 0, 0, 0, 0]);
  });

  test('accounts another handset still holds are never taken, even when this handset drops them too', () => {
    const m = station(tenAccounts, (s) => {
      s.handsets[0].ipei = IPEI;
      s.handsets[0].lines = [1, 2, 3, 4, 5, 0, 0, 0, 0, 0];
      s.handsets[1].ipei = OTHER;
      s.handsets[1].lines = [3, 6, 7, 8, 9, 10, 0, 0, 0, 0];
    });
    const r = simulate(m, IPEI, file(['n1', 'n2', 'n3', 'n4', 'n5']));
    assert.equal(r.outcome, 'partly-applied');
    assert.deepEqual(placed(r), [
      ['n1', 'replaced', 1, 1],
      ['n2', 'replaced', 2, 2],
      ['n3', 'replaced', 4, 3],
      ['n4', 'replaced', 5, 4],
      ['n5', 'no-slot', undefined, undefined],
    ]);
    assert.deepEqual(r.after.handsets[1].lines, m.handsets[1].lines, 'HS2 keeps every line');
    assert.equal(r.after.accounts[2].userId, 'u3', 'account 3 is still on HS2');
    assert.ok(r.steps.some((s) => s.kind === 'line-removed' && /^HS1 line slot 3 held account 3 \(u3 on profile1\), .*, still on HS2\.$/.test(s.message)), 'the removal says the account is still in use');
    for (const slot of [6, 7, 8, 9, 10]) assert.equal(r.after.accounts[slot - 1].userId, `u${slot}`);
  });

  test('an empty account slot comes before a stale one', () => {
    const m = station({ 1: 'u1', 2: 'u2', 3: 'u3' }, (s) => {
      s.handsets[0].ipei = IPEI;
      s.handsets[0].lines = [1, 2, 3, 0, 0, 0, 0, 0, 0, 0];
    });
    const r = simulate(m, IPEI, file(['a', 'b']));
    assert.deepEqual(placed(r), [
      ['a', 'new', 4, 1],
      ['b', 'new', 5, 2],
    ]);
  });
});

describe('account settings the guide does not give', () => {
  test('a new account without <ring_type>: the slot keeps its HS mode, said as an assumption, and ringing another handset is a warning', () => {
    // The factory template rings account 1 on HS1 only; HS2's new account lands there.
    const m = station({}, (s) => (s.handsets[0].ipei = '0000000001'));
    const r = simulate(m, IPEI, file(['5328']));
    assert.equal(r.handset, 2);
    assert.deepEqual(placed(r), [['5328', 'new', 1, 1]]);
    assert.equal(r.after.accounts[0].hsMode, 1);
    assert.ok(assumed(r).includes('new-account-hs-mode'));
    assert.equal(warnings(r).length, 1);
    assert.match(warnings(r)[0], /^Account 1 rings only HS1, not HS2: .*<ring_type>/);
    const step = r.steps.find((s) => s.assumptions?.includes('new-account-hs-mode'));
    assert.match(step?.message ?? '', /the guide does not say .*; assumed/i);
  });

  test('a new account in an empty slot that a registered handset\'s line slot points at shows on that handset too: a warning', () => {
    const m = station({}, (s) => {
      s.handsets[0].ipei = '0000000001';
      s.handsets[0].lines[0] = 1;
      s.handsets[2].lines[0] = 1;
    });
    const r = simulate(m, IPEI, file([['5328', 'DID']]));
    assert.deepEqual(placed(r), [['5328', 'new', 1, 1]]);
    assert.deepEqual(r.after.handsets[0].lines[0], 1);
    assert.deepEqual(warnings(r), ['Account 1 was empty but is on a line slot of HS1: the new account shows there too. Clear that line slot on the base station, or give those handsets files of their own.'], 'HS3 is not registered: its own file will clear it');
    assert.ok(assumed(r).includes('empty-slot-on-handsets'));
  });

  test('a new account with <ring_type> needs no assumption about its HS mode', () => {
    const m = station({}, (s) => (s.handsets[0].ipei = '0000000001'));
    const r = simulate(m, IPEI, file([['5328', 'DID']]));
    assert.equal(r.after.accounts[0].hsMode, 2);
    assert.ok(!assumed(r).includes('new-account-hs-mode'));
    assert.deepEqual(warnings(r), []);
  });

  test('a replaced stale account keeps the HS mode and active flag it had: "ring only HS1" carried to HS2 is a warning', () => {
    const m = station(tenAccounts, (s) => {
      s.handsets[0].ipei = '0000000001';
      s.handsets[0].lines = [1, 2, 3, 4, 5, 6, 8, 9, 10, 0];
      s.handsets[1].ipei = IPEI;
      Object.assign(s.accounts[6], { hsMode: 1, active: false });
    });
    const r = simulate(m, IPEI, file(['new']));
    assert.deepEqual(placed(r), [['new', 'replaced', 7, 1]]);
    assert.equal(r.after.accounts[6].hsMode, 1);
    assert.equal(r.after.accounts[6].active, false);
    assert.ok(assumed(r).includes('stale-account-settings'));
    const w = warnings(r).join('\n');
    assert.match(w, /Account 7 rings only HS1, not HS2/);
    assert.match(w, /Account 7 is not active/);
  });

  test('a replaced account with <ring_type> Circular is not a trap', () => {
    const m = station(tenAccounts, (s) => {
      s.handsets[0].ipei = '0000000001';
      s.handsets[0].lines = [1, 2, 3, 4, 5, 6, 8, 9, 10, 0];
      s.accounts[6].hsMode = 1;
    });
    const r = simulate(m, IPEI, file([['new', 'Circular']]));
    assert.equal(r.after.accounts[6].hsMode, HUNT_MODES.Circular);
    assert.deepEqual(warnings(r), []);
  });
});

describe('registration is one event, before the file is read (workflow, first sentence)', () => {
  test('with handset provisioning off a new handset still registers; no file is asked for', () => {
    const r = simulate(station({}, (s) => (s.provisioning.handsetProvisioning = false)), IPEI, file(['1']));
    assert.equal(r.outcome, 'not-requested');
    assert.equal(r.handset, 1);
    assert.equal(r.after.handsets[0].ipei, IPEI);
    assert.deepEqual(r.difference.accounts, []);
    assert.deepEqual(r.difference.handsets, [{ number: 1, ipei: { before: null, after: IPEI } }]);
    assert.ok(assumed(r).includes('registration'));
  });

  test('a file that stops registers the handset the same way, and changes nothing else', () => {
    const stopped = simulate(station({}), IPEI, file(['1'], '02c332b599'));
    const off = simulate(station({}, (s) => (s.provisioning.handsetProvisioning = false)), IPEI, file(['1']));
    assert.equal(stopped.outcome, 'stopped');
    assert.equal(off.outcome, 'not-requested');
    assert.deepEqual(stopped.difference.handsets, off.difference.handsets, 'both paths register alike');
    assert.deepEqual(stopped.difference.accounts, []);
  });

  test('a handset that cannot register (every number taken) stops both paths alike', () => {
    const full = (on: boolean) => station({}, (s) => {
      s.provisioning.handsetProvisioning = on;
      s.handsets.forEach((h) => (h.ipei = `000000000${h.number}`));
    });
    for (const on of [true, false]) {
      const r = simulate(full(on), IPEI, file(['1']));
      assert.equal(r.outcome, 'stopped', `provisioning ${on ? 'on' : 'off'}`);
      assert.equal(r.handset, undefined);
      assert.match(r.steps.find((s) => s.status === 'fail')?.message ?? '', /all 5 handset numbers are taken/);
    }
  });
});

describe('assumptions are data beside the steps', () => {
  test('a line placed on a handset says which line slot reading it used', () => {
    const r = simulate(station({}), IPEI, file(['1', '2']));
    assert.ok(assumed(r).includes('line-slot'));
    assert.ok(assumed(r).includes('account-match'));
  });

  test('every assumption a step points to is in the list once, with what the guide leaves open and what was assumed', () => {
    const m = station(tenAccounts, (s) => {
      s.handsets[0].ipei = IPEI;
      s.handsets[0].lines = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    });
    const r = simulate(m, IPEI, file(['new', 'u3']));
    const ids = assumed(r);
    assert.equal(new Set(ids).size, ids.length);
    for (const s of r.steps) for (const id of s.assumptions ?? []) assert.ok(ids.includes(id), id);
    for (const a of r.assumptions) {
      assert.ok(a.silentOn && a.assumed && a.why, a.id);
      assert.deepEqual(a, ASSUMPTIONS.find((x) => x.id === a.id));
    }
    assert.ok(ids.includes('removal-first'));
  });

  test('the catalogue of assumptions has unique ids and full sentences', () => {
    assert.equal(new Set(ASSUMPTIONS.map((a) => a.id)).size, ASSUMPTIONS.length);
    for (const a of ASSUMPTIONS) for (const text of [a.silentOn, a.assumed, a.why]) assert.match(text, /^["A-Z<].*\.$/s, `${a.id}: ${text}`);
  });
});

test('the README lists every assumption, exactly as the catalogue has it', () => {
  const readme = readFileSync(path.join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
  const block = /<!-- assumptions:start[^>]*-->\n([\s\S]*?)\n<!-- assumptions:end -->/.exec(readme)?.[1];
  assert.ok(block, 'README.md has the assumptions markers');
  assert.equal(block, assumptionsTable(), 'paste assumptionsTable() from server/src/baseStation/assumptions.ts between the markers');
  for (const a of ASSUMPTIONS) assert.ok(block.includes(`| \`${a.id}\` |`), a.id);
});
