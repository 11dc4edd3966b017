// The provisioning workflow, branch by branch: request, stops, account reuse and allocation, line slots, ring
// types, settings, handset numbers.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { factoryDefault, type BaseStation } from '../../shared/baseStation/model';
import { factoryWithProvisioning } from '../../server/src/baseStation/requester';
import { requestUrl, simulate } from '../../server/src/baseStation/simulate';
import type { SimulationResult } from '../../shared/baseStation/simulation';
import { previewReport } from '../../server/src/cli/simulationReport';
import { getElement } from '../../server/src/handset/catalogue';
import { handset } from './helpers';

const IPEI = '02c332b510';

/** A base station with provisioning on, handset lines all empty, and the given accounts (slot → [user, profile]). */
function station(accounts: Record<number, [string, number]> = {}, change: (m: BaseStation) => void = () => undefined): BaseStation {
  const m = factoryDefault();
  m.provisioning.handsetProvisioning = true;
  for (const h of m.handsets) h.lines.fill(0);
  for (const [slot, [userId, profile]] of Object.entries(accounts)) Object.assign(m.accounts[Number(slot) - 1], { userId, profile });
  change(m);
  return m;
}

interface LineSpec {
  user?: string;
  profile?: string;
  ring?: string;
  auth?: string;
  display?: string;
}

function line(l: LineSpec): string {
  const el = (name: string, v: string | undefined) => (v === undefined ? '' : `      <${name}>${v}</${name}>\n`);
  return `    <line>\n${el('display_name', l.display)}${el('profile_name', l.profile ?? 'profile1')}${el('user_id', l.user)}${el('auth_id', l.auth)}${el('ring_type', l.ring)}    </line>\n`;
}

function file(lines: LineSpec[], parts: { ipei?: string; settings?: string; name?: string } = {}): string {
  return handset({ ipei: parts.ipei, name: parts.name, sip: `  <sip>\n${lines.map(line).join('')}  </sip>\n`, settings: parts.settings });
}

const messages = (r: SimulationResult) => r.steps.map((s) => `${s.status} ${s.message}`);
/**
 * Every step as a reader sees it: status, kind, text, what it points at (the text there, or the file lines of a span
 * that covers several) and the assumptions it rests on.
 */
function story(r: SimulationResult, text: string): string[] {
  const lineAt = (offset: number) => text.slice(0, offset).split('\n').length;
  return r.steps.map((s) => {
    const there = s.span && text.slice(s.span.start, s.span.end);
    const at = !s.span ? '' : there?.includes('\n') ? ` @lines ${lineAt(s.span.start)}-${lineAt(s.span.end)}` : ` @${JSON.stringify(there)}`;
    return `${s.status} ${s.kind}: ${s.message}${at}${s.assumptions ? ` ?${s.assumptions.join(',')}` : ''}`;
  });
}

const failures = (r: SimulationResult) => r.steps.filter((s) => s.status === 'fail').map((s) => s.message);

describe('request', () => {
  test('the URL is protocol, server path, prefix, IPEI, .xml and postfix', () => {
    const m = station();
    assert.equal(requestUrl(m, '02C332B510'), 'http://fm.grandstream.com/gs/ipei_02c332b510.xml');
    Object.assign(m.provisioning, { protocol: 'TFTP', serverPath: '192.0.2.7/', filePrefix: 'handset/ipei_', filePostfix: '.enc' });
    assert.equal(requestUrl(m, IPEI), 'tftp://192.0.2.7/handset/ipei_02c332b510.xml.enc');
    m.provisioning.protocol = 'HTTPS';
    const r = simulate(m, IPEI, file([{ user: '1' }]));
    assert.equal(r.url, 'https://192.0.2.7/handset/ipei_02c332b510.xml.enc');
    assert.ok(messages(r).includes('info The base station requests https://192.0.2.7/handset/ipei_02c332b510.xml.enc.'));
  });

  test('with handset provisioning off nothing is requested and the file changes nothing (a registered handset stays as it is)', () => {
    const m = station({}, (s) => {
      s.provisioning.handsetProvisioning = false;
      s.handsets[0].ipei = IPEI;
    });
    const r = simulate(m, IPEI, file([{ user: '1' }]));
    assert.equal(r.outcome, 'not-requested');
    assert.equal(r.steps.length, 2);
    assert.match(r.steps[1].message, /Handset provisioning is off on the base station \(P27014 = 0\)/);
    assert.ok(!r.steps.some((s) => s.kind === 'request'));
    assert.deepEqual(r.after, m);
    assert.deepEqual(r.difference, { accounts: [], handsets: [], settings: [] });
  });
});

describe('stops', () => {
  test('an IPEI mismatch stops everything, pointing at the <ipei> value', () => {
    const m = station({}, (s) => (s.handsets[0].ipei = IPEI));
    const text = file([{ user: '1' }], { ipei: '02c332b511' });
    const r = simulate(m, IPEI, text);
    assert.equal(r.outcome, 'stopped');
    assert.deepEqual(failures(r), ["The file is for IPEI '02c332b511', not for 02c332b510, the handset that asked for it. Provisioning stops here: the file changes nothing."]);
    const span = r.steps[r.steps.length - 1].span;
    assert.equal(text.slice(span?.start, span?.end), '02c332b511');
    assert.deepEqual(r.after, m);
    assert.deepEqual(r.lines, []);
  });

  test('an unknown profile on any line stops everything, even after good lines', () => {
    const text = file([{ user: '1' }, { user: '2', profile: 'Profile1' }]);
    const r = simulate(station(), IPEI, text);
    assert.equal(r.outcome, 'stopped');
    assert.match(failures(r)[0], /^Line 2 names profile 'Profile1', which the base station does not have \(it has 'profile1', 'profile2', 'profile3', 'profile4'\)\./);
    const span = r.steps[r.steps.length - 1].span;
    assert.equal(text.slice(span?.start, span?.end), 'Profile1');
    assert.deepEqual(r.difference.accounts, [], 'line 1 was not applied');
  });

  test('a missing or empty user ID stops everything', () => {
    for (const user of [undefined, '', '   ']) {
      const r = simulate(station(), IPEI, file([{ user: '1' }, { user }]));
      assert.equal(r.outcome, 'stopped', `user ${JSON.stringify(user)}`);
      assert.match(failures(r)[0], /^Line 2 has no user ID\./);
      assert.deepEqual(r.difference.accounts, []);
    }
  });

  test('the profile check comes before the user-ID check, as the guide orders them', () => {
    // One line breaking both rules, and a file whose first line lacks a user ID while its second names no profile.
    for (const lines of [[{ user: '', profile: 'sales' }], [{ user: '' }, { user: '2', profile: 'sales' }]]) {
      const r = simulate(station(), IPEI, file(lines));
      assert.equal(r.outcome, 'stopped');
      assert.equal(failures(r).length, 1);
      assert.ok(failures(r)[0].startsWith(`Line ${lines.length} names profile 'sales', which the base station does not have`), failures(r)[0]);
      assert.deepEqual(r.steps.map((step) => `${step.status} ${step.kind}`).slice(-2), ['pass ipei', 'fail profile']);
    }
  });

  test('a file with no <ipei>, or one the base station cannot read, stops', () => {
    assert.match(failures(simulate(station(), IPEI, '<?xml version="1.0"?>\n<hs_config><hs_name>x</hs_name></hs_config>'))[0], /^The file has no <ipei>\./);
    assert.match(failures(simulate(station(), IPEI, '<hs_config><ipei>02c332b510</ipei>'))[0], /^The base station cannot read the file: /);
    assert.match(failures(simulate(station(), IPEI, 'Salted__\u0001\u0002'))[0], /^The file is encrypted/);
  });
});

describe('accounts', () => {
  test('an account with the same user ID on the same profile is reused as it is', () => {
    const m = station({ 3: ['5328', 1] }, (s) => (s.accounts[2].displayName = 'Kept'));
    const r = simulate(m, IPEI, file([{ user: '5328', display: 'Ignored' }]));
    assert.equal(r.outcome, 'applied');
    assert.deepEqual(r.lines.map((l) => [l.how, l.account, l.lineSlot]), [['reused', 3, 1]]);
    assert.deepEqual(r.difference.accounts, []);
    assert.deepEqual(r.difference.handsets[0].lines, { before: Array(10).fill(0), after: [3, 0, 0, 0, 0, 0, 0, 0, 0, 0] });
    assert.match(messages(r).join('\n'), /Line 1 \(5328 on profile1\): account 3 already has this user ID on this profile and is reused as it is; put on HS1 line slot 1, the first free one\./);
  });

  test('the same user ID on another profile is another account: the first empty slot is written', () => {
    const m = station({ 1: ['5328', 2], 3: ['900', 1] });
    const r = simulate(m, IPEI, file([{ user: '5328', auth: 'a5328', display: 'Front' }]));
    assert.deepEqual(r.lines.map((l) => [l.how, l.account]), [['new', 2]]);
    assert.deepEqual(r.difference.accounts, [
      { slot: 2, field: 'userId', before: '', after: '5328' },
      { slot: 2, field: 'authId', before: '', after: 'a5328' },
      { slot: 2, field: 'displayName', before: '', after: 'Front' },
    ]);
    assert.equal(r.after.accounts[1].hsMode, 101, 'without <ring_type> the HS mode stays');
  });

  test('when every slot is used, the first account on no handset is replaced', () => {
    const all = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [i + 1, [`u${i + 1}`, 1]])) as Record<number, [string, number]>;
    const m = station(all, (s) => {
      s.handsets[1].lines = [1, 2, 3, 4, 5, 6, 0, 8, 0, 0];
      s.handsets[2].lines = [10, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    });
    const r = simulate(m, IPEI, file([{ user: 'new1', profile: 'profile2' }, { user: 'new2' }]));
    assert.equal(r.outcome, 'applied');
    assert.deepEqual(r.lines.map((l) => [l.how, l.account, l.lineSlot]), [['replaced', 7, 1], ['replaced', 9, 2]]);
    assert.deepEqual(r.difference.accounts.filter((c) => c.field === 'userId'), [
      { slot: 7, field: 'userId', before: 'u7', after: 'new1' },
      { slot: 9, field: 'userId', before: 'u9', after: 'new2' },
    ]);
    assert.equal(r.after.accounts[6].profile, 2);
    assert.match(messages(r).join('\n'), /every account slot is in use, so it replaces account 7 \(u7\), the first that is on no handset/);
  });

  test('when every slot is used, a later line counts the account an earlier one replaced: its user ID shares it, the old one is gone', () => {
    const all = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [i + 1, [`u${i + 1}`, 1]])) as Record<number, [string, number]>;
    const m = station(all, (s) => {
      s.handsets[1].lines = [1, 2, 3, 4, 5, 6, 0, 8, 0, 0];
      s.handsets[2].lines = [10, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    });
    const r = simulate(m, IPEI, file([{ user: 'new1' }, { user: 'new1' }, { user: 'u7' }]));
    assert.deepEqual(r.lines.map((l) => [l.how, l.account, l.lineSlot]), [['replaced', 7, 1], ['reused', 7, 1], ['replaced', 9, 2]]);
    assert.deepEqual([r.after.accounts[6].userId, r.after.accounts[8].userId], ['new1', 'u7']);
  });

  test('with no empty and no stale slot the line fails and the others still apply', () => {
    const all = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [i + 1, [`u${i + 1}`, 1]])) as Record<number, [string, number]>;
    const m = station(all, (s) => (s.handsets[1].lines = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    const r = simulate(m, IPEI, file([{ user: 'nobody' }, { user: 'u4' }]));
    assert.equal(r.outcome, 'partly-applied');
    assert.deepEqual(r.lines.map((l) => [l.how, l.account, l.lineSlot]), [['no-slot', undefined, undefined], ['reused', 4, 1]]);
    assert.deepEqual(failures(r), ['Line 1 (nobody on profile1): no account matches, no slot is empty and every account is on a handset, so there is no slot for it. The line is not applied.']);
  });

  test('two lines with one user ID share one account', () => {
    const r = simulate(station(), IPEI, file([{ user: '7' }, { user: '7' }]));
    assert.deepEqual(r.lines.map((l) => [l.how, l.account, l.lineSlot]), [['new', 1, 1], ['reused', 1, 1]]);
  });
});

describe('line slots', () => {
  test('lines no longer in the file leave the handset; their accounts stay', () => {
    const m = station({ 1: ['100', 1], 2: ['200', 1], 5: ['500', 1] }, (s) => {
      s.handsets[0].ipei = IPEI;
      s.handsets[0].lines = [1, 2, 0, 5, 0, 0, 0, 0, 0, 0];
    });
    const r = simulate(m, IPEI, file([{ user: '500' }, { user: '300' }]));
    assert.deepEqual(r.after.handsets[0].lines, [3, 0, 0, 5, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual(r.lines.map((l) => [l.how, l.account, l.lineSlot]), [['reused', 5, 4], ['new', 3, 1]]);
    assert.equal(r.after.accounts[0].userId, '100');
    assert.equal(r.after.accounts[1].userId, '200');
    const removed = r.steps.filter((s) => s.kind === 'line-removed').map((s) => s.message);
    assert.deepEqual(removed, [
      'HS1 line slot 1 held account 1 (100 on profile1), which no line of the file asks for: the line is removed first; the account stays on the base station, stale from now on: a line that needs a slot may replace it.',
      'HS1 line slot 2 held account 2 (200 on profile1), which no line of the file asks for: the line is removed first; the account stays on the base station, stale from now on: a line that needs a slot may replace it.',
    ]);
    assert.match(messages(r).join('\n'), /Line 1 \(500 on profile1\): .*; already on HS1 line slot 4, where it stays\./);
  });

  test('a file without lines clears every line slot of the handset', () => {
    const m = station({ 1: ['100', 1] }, (s) => {
      s.handsets[0].ipei = IPEI;
      s.handsets[0].lines[0] = 1;
    });
    const r = simulate(m, IPEI, handset({ sip: '' }));
    assert.equal(r.outcome, 'applied');
    assert.deepEqual(r.after.handsets[0].lines, Array(10).fill(0));
  });
});

describe('ring types', () => {
  const cases: [string, number][] = [['DID', 3], ['Circular', 101], ['Linear', 102], ['Parallel', 103], ['Shared', 104]];
  for (const [ring, mode] of cases) {
    test(`${ring} sets HS mode ${mode}`, () => {
      const m = station({ 1: ['1', 1] }, (s) => {
        s.handsets[0].ipei = '0000000001';
        s.handsets[1].ipei = '0000000002';
        s.accounts[0].hsMode = ring === 'Linear' ? 101 : 102;
      });
      const r = simulate(m, IPEI, file([{ user: '1', ring }]));
      assert.equal(r.handset, 3);
      assert.equal(r.after.accounts[0].hsMode, mode);
      assert.deepEqual(r.difference.accounts, [{ slot: 1, field: 'hsMode', before: m.accounts[0].hsMode, after: mode }]);
      assert.equal(r.lines[0].hsMode, mode);
    });
  }

  test('the cases above are every ring type the catalogue offers', () => {
    const spec = getElement('ring_type')?.value;
    assert.deepEqual(spec?.kind === 'choice' ? spec.choices.map((c) => c.value).sort() : spec, cases.map(([ring]) => ring).sort());
  });

  test('a ring type the catalogue does not know leaves the HS mode, on a new account assumed kept', () => {
    const text = file([{ user: '1', ring: 'circular' }]);
    const r = simulate(station(), IPEI, text);
    assert.equal(r.after.accounts[0].hsMode, 1);
    assert.deepEqual(r.lines[0].hsMode, undefined);
    assert.ok(story(r, text).includes(`info ring-type: <ring_type> 'circular' is not a ring type; account 1 keeps HS mode HS1. @"circular" ?new-account-hs-mode`), story(r, text).join('\n'));
  });
});

describe('name and settings', () => {
  const settings = (force: string | undefined) =>
    `  <hs_settings>\n${force === undefined ? '' : `    <force_apply>${force}</force_apply>\n`}    <admin>\n      <custom_ringtone>2</custom_ringtone>\n      <auto_answer>1</auto_answer>\n    </admin>\n    <user>\n      <cradle_answer>1</cradle_answer>\n      <mute_as_dnd>7</mute_as_dnd>\n    </user>\n  </hs_settings>\n`;
  const applied = (r: SimulationResult) => r.difference.settings.map((s) => `${s.name}=${s.value} ${s.applied ? 'applied' : 'skipped'} (${s.reason})`);

  test('force_apply 1 applies user settings; admin settings always apply', () => {
    const r = simulate(station(), IPEI, file([{ user: '1' }], { settings: settings('1') }));
    assert.deepEqual(applied(r), [
      'custom_ringtone=2 applied (admin setting: always applied)',
      'auto_answer=1 skipped (it belongs in <user>, not <admin>)',
      'cradle_answer=1 applied (user setting: <force_apply> is 1)',
      "mute_as_dnd=7 skipped ('7' is not one of its values)",
    ]);
  });

  for (const force of ['0', undefined]) {
    test(`force_apply ${force ?? 'absent'} skips user settings`, () => {
      const r = simulate(station(), IPEI, file([{ user: '1' }], { settings: settings(force) }));
      assert.deepEqual(applied(r).slice(0, 3), [
        'custom_ringtone=2 applied (admin setting: always applied)',
        'auto_answer=1 skipped (it belongs in <user>, not <admin>)',
        'cradle_answer=1 skipped (user setting: <force_apply> is not 1)',
      ]);
      assert.match(messages(r).join('\n'), force ? /<force_apply> is 0: user settings are not applied/ : /There is no <force_apply>: user settings are not applied/);
    });
  }

  test('hs_name names the handset', () => {
    const r = simulate(station(), IPEI, file([{ user: '1' }], { name: '  <hs_name>Lobby</hs_name>\n' }));
    assert.deepEqual(r.difference.handsets[0].name, { before: 'DECT 1', after: 'Lobby' });
  });

  test('an empty hs_name keeps the handset its name, and says so', () => {
    const r = simulate(station(), IPEI, file([{ user: '1' }], { name: '  <hs_name></hs_name>\n' }));
    assert.equal(r.after.handsets[0].name, 'DECT 1');
    assert.equal(r.difference.handsets[0].name, undefined);
    assert.ok(messages(r).includes("info <hs_name> is empty: HS1 keeps its name 'DECT 1'."));
  });

  test('a file with Windows line ends is read, and only <line> elements of <sip> are lines', () => {
    const text = file([{ user: '1' }]).replace('  <sip>\n', '  <sip>\n    <note>x</note>\n').replace(/\n/g, '\r\n');
    const r = simulate(station(), IPEI, text);
    assert.equal(r.outcome, 'applied', messages(r).join('\n'));
    assert.deepEqual(r.lines.map((l) => [l.line, l.how]), [[1, 'new']]);
  });

  test('XML that is no handset file stops at its root element', () => {
    const text = '<?xml version="1.0"?>\n<project/>\n';
    const r = simulate(station(), IPEI, text);
    assert.deepEqual(failures(r), ["The file's root element is not <hs_config>, so it is no handset file. Provisioning stops here: the file changes nothing."]);
    const span = r.steps[r.steps.length - 1].span;
    assert.equal(text.slice(span?.start, span?.end), 'project');
  });

  test('a file without lines passes no judgement on lines: no profile or user-ID step', () => {
    const r = simulate(station(), IPEI, handset({ sip: '' }));
    assert.equal(r.outcome, 'applied');
    assert.deepEqual(r.steps.filter((s) => s.kind === 'profile' || s.kind === 'user-id'), []);
  });

  test('a new account that rings only the last handset (HS5) is a warning for another handset', () => {
    const m = station({}, (s) => (s.accounts[0].hsMode = 5));
    const r = simulate(m, IPEI, file([{ user: '1' }]));
    assert.ok(r.steps.some((s) => s.status === 'warn' && s.kind === 'hs-mode' && s.message.startsWith('Account 1 rings only HS5, not HS1')), messages(r).join('\n'));
  });
});

describe('handset number', () => {
  test('a registered IPEI keeps its number', () => {
    const m = station({}, (s) => {
      s.handsets[0].ipei = '0000000001';
      s.handsets[3].ipei = IPEI;
    });
    const r = simulate(m, IPEI.toUpperCase(), file([{ user: '1', ring: 'DID' }]));
    assert.equal(r.handset, 4);
    assert.equal(r.after.accounts[0].hsMode, 4);
    assert.equal(r.difference.handsets[0].ipei, undefined);
  });

  test('a new IPEI takes the first free number', () => {
    const m = station({}, (s) => {
      s.handsets[0].ipei = '0000000001';
      s.handsets[2].ipei = '0000000003';
    });
    const r = simulate(m, IPEI, file([{ user: '1' }]));
    assert.equal(r.handset, 2);
    assert.deepEqual(r.difference.handsets[0].ipei, { before: null, after: IPEI });
  });

  test('with every number taken the handset cannot register', () => {
    const m = station({}, (s) => s.handsets.forEach((h) => (h.ipei = `000000000${h.number}`)));
    const r = simulate(m, IPEI, file([{ user: '1' }]));
    assert.equal(r.outcome, 'stopped');
    assert.equal(r.handset, undefined);
    assert.match(failures(r)[0], /^IPEI 02c332b510 is not registered and all 5 handset numbers are taken: the handset cannot register\./);
    assert.deepEqual(r.after, m);
  });
});

test('a result is plain JSON: it survives a round trip unchanged', () => {
  const r = simulate(station({ 2: ['5', 1] }), IPEI, file([{ user: '5', ring: 'DID' }, { user: '6' }], { settings: '  <hs_settings><admin><disable_transfer>1</disable_transfer></admin></hs_settings>\n' }));
  assert.deepEqual(JSON.parse(JSON.stringify(r)), r);
});

describe('whole results: every step with its status, text, place and assumptions', () => {
  const tenAccounts = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [i + 1, [`u${i + 1}`, 1]])) as Record<number, [string, number]>;
  const STOP = 'Provisioning stops here: the file changes nothing.';
  const REQUEST = 'info request: The base station requests http://fm.grandstream.com/gs/ipei_02c332b510.xml.';
  const NEW_HS1 = 'info handset: IPEI 02c332b510 is new: it registers as HS1, the first free handset number, before any file is read. ?registration,handset-number';
  const CHECKED = ['pass ipei: The file\'s <ipei> matches the handset (02c332b510). @"02c332b510"', 'pass profile: Every line names a profile of the base station.', 'pass user-id: Every line has a user ID.'];

  test('a registered handset: dropped lines removed first (a doubled slot, a shared account, an empty one), reuse, a new account, admin settings only', () => {
    const m = station({ 1: ['100', 1], 2: ['200', 1], 3: ['300', 1], 5: ['500', 2] }, (s) => {
      s.handsets[0].ipei = IPEI;
      s.handsets[0].lines = [1, 1, 3, 6, 5, 0, 0, 0, 0, 0];
      s.handsets[1].ipei = '0000000002';
      s.handsets[1].lines = [2, 3, 5, 0, 0, 0, 0, 0, 0, 0];
      s.handsets[2].lines = [5, 0, 0, 0, 0, 0, 0, 0, 0, 0];
      s.accounts[1].hsMode = 2;
    });
    const settings = '  <hs_settings>\n    <admin>\n      <custom_ringtone>2</custom_ringtone>\n    </admin>\n  </hs_settings>\n';
    const text = file([{ user: '200', ring: 'Bogus' }, { user: '400', auth: 'a400', display: 'Four' }, { user: '300' }], { settings });
    const r = simulate(m, IPEI, text);
    assert.equal(r.outcome, 'applied');
    assert.equal(r.handset, 1);
    const removed = (slot: number, account: number, who: string, fate: string) =>
      `info line-removed: HS1 line slot ${slot} held account ${account} (${who}), which no line of the file asks for: the line is removed first; the account stays on the base station, ${fate}. ?removal-first`;
    const stale = 'stale from now on: a line that needs a slot may replace it';
    assert.deepEqual(story(r, text), [
      'info handset: IPEI 02c332b510 is registered as HS1. ?registration',
      REQUEST,
      ...CHECKED,
      removed(1, 1, '100 on profile1', stale),
      removed(2, 1, '100 on profile1', stale),
      'info line-removed: HS1 line slot 4 held account 6, which is empty: the slot is cleared first.',
      removed(5, 5, '500 on profile2', 'still on HS2, HS3'),
      'pass account: Line 1 (200 on profile1): account 2 already has this user ID on this profile and is reused as it is; put on HS1 line slot 1, the first free one. @lines 6-10 ?account-match,reused-account-fields,line-slot',
      "info ring-type: <ring_type> 'Bogus' is not a ring type; account 2 keeps HS mode HS2. @\"Bogus\"",
      'pass account: Line 2 (400 on profile1): written as a new account into slot 4, the first empty one; put on HS1 line slot 2, the first free one. @lines 11-16 ?account-match,line-slot',
      'info ring-type: Line 2 has no <ring_type>: the guide does not say which HS mode a new account gets; assumed account 4 keeps HS mode Circular. @lines 11-16 ?new-account-hs-mode',
      'pass account: Line 3 (300 on profile1): account 3 already has this user ID on this profile and is reused as it is; already on HS1 line slot 3, where it stays. @lines 17-20 ?account-match,reused-account-fields,line-slot',
      "info hs-name: HS1 is named 'Front desk'. @\"Front desk\"",
      'pass setting: <custom_ringtone> 2: applied (admin setting: always applied). @"<custom_ringtone>2</custom_ringtone>"',
    ]);
    assert.deepEqual(r.lines.map((l) => [l.line, l.userId, l.how, l.account, l.lineSlot]), [[1, '200', 'reused', 2, 1], [2, '400', 'new', 4, 2], [3, '300', 'reused', 3, 3]]);
    assert.deepEqual(r.after.handsets[0].lines, [2, 4, 3, 0, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual(r.difference.accounts, [
      { slot: 4, field: 'userId', before: '', after: '400' },
      { slot: 4, field: 'authId', before: '', after: 'a400' },
      { slot: 4, field: 'displayName', before: '', after: 'Four' },
    ]);
  });

  test('a new handset on a full base station: stale accounts replaced (kept HS mode, inactive, unknown ring, DID, a hunt group), user settings forced', () => {
    const m = station(tenAccounts, (s) => {
      s.handsets[0].ipei = '0000000001';
      s.handsets[0].lines = [1, 2, 3, 4, 0, 0, 0, 0, 0, 0];
      for (const a of s.accounts) Object.assign(a, { authId: `old${a.slot}`, displayName: `Old ${a.slot}` });
      Object.assign(s.accounts[4], { hsMode: 3, active: false });
    });
    const settings = '  <hs_settings>\n    <force_apply>1</force_apply>\n    <user>\n      <cradle_answer>1</cradle_answer>\n      <mute_as_dnd>7</mute_as_dnd>\n    </user>\n  </hs_settings>\n';
    const text = file([{ user: 'a' }, { user: 'b', ring: 'hunt' }, { user: 'c', ring: 'DID', auth: 'c-auth' }, { user: 'd', ring: 'Linear', display: 'Dee' }], { name: '', settings });
    const r = simulate(m, IPEI, text);
    assert.equal(r.outcome, 'applied');
    const replaced = (line: number, user: string, slot: number, lines: string) =>
      `pass account: Line ${line} (${user} on profile1): every account slot is in use, so it replaces account ${slot} (u${slot}), the first that is on no handset; put on HS2 line slot ${line}, the first free one. @lines ${lines} ?account-match,new-account-fields,line-slot`;
    assert.deepEqual(story(r, text), [
      'info handset: IPEI 02c332b510 is new: it registers as HS2, the first free handset number, before any file is read. ?registration,handset-number',
      REQUEST,
      ...CHECKED,
      replaced(1, 'a', 5, '5-8'),
      'info ring-type: Line 1 has no <ring_type>: the guide does not say whether a replaced account keeps its HS mode; assumed account 5 keeps HS mode HS3. @lines 5-8 ?stale-account-settings',
      'warn hs-mode: Account 5 rings only HS3, not HS2: calls to line 1 would not ring this handset. Give the line a <ring_type> (DID to ring only HS2). @lines 5-8 ?stale-account-settings',
      'warn account: Account 5 is not active on the base station, and nothing in the file activates it: line 1 would not register. Activate the account on the base station. @lines 5-8 ?stale-account-settings',
      replaced(2, 'b', 6, '9-13'),
      "info ring-type: <ring_type> 'hunt' is not a ring type; account 6 keeps HS mode Circular. @\"hunt\" ?stale-account-settings",
      replaced(3, 'c', 7, '14-19'),
      'info ring-type: <ring_type> DID: account 7 rings only HS2 (HS mode HS2). @"DID"',
      replaced(4, 'd', 8, '20-25'),
      'info ring-type: <ring_type> Linear: account 8 hunts Linear (HS mode Linear). @"Linear"',
      'info force-apply: <force_apply> is 1: user settings are applied. @"1"',
      'pass setting: <cradle_answer> 1: applied (user setting: <force_apply> is 1). @"<cradle_answer>1</cradle_answer>"',
      "info setting: <mute_as_dnd> 7: not applied ('7' is not one of its values). @\"7\"",
    ]);
    assert.deepEqual(r.lines.map((l) => [l.how, l.account, l.lineSlot, l.hsMode, l.ringType]), [
      ['replaced', 5, 1, undefined, undefined],
      ['replaced', 6, 2, undefined, undefined],
      ['replaced', 7, 3, 2, 'DID'],
      ['replaced', 8, 4, 102, 'Linear'],
    ]);
    const change = (slot: number, field: string, before: unknown, after: unknown) => ({ slot, field, before, after });
    assert.deepEqual(r.difference.accounts, [
      change(5, 'userId', 'u5', 'a'), change(5, 'authId', 'old5', ''), change(5, 'displayName', 'Old 5', ''),
      change(6, 'userId', 'u6', 'b'), change(6, 'authId', 'old6', ''), change(6, 'displayName', 'Old 6', ''),
      change(7, 'userId', 'u7', 'c'), change(7, 'authId', 'old7', 'c-auth'), change(7, 'displayName', 'Old 7', ''), change(7, 'hsMode', 101, 2),
      change(8, 'userId', 'u8', 'd'), change(8, 'authId', 'old8', ''), change(8, 'displayName', 'Old 8', 'Dee'), change(8, 'hsMode', 101, 102),
    ]);
    assert.deepEqual(r.assumptions.map((a) => a.id).sort(), ['account-match', 'handset-number', 'line-slot', 'new-account-fields', 'registration', 'stale-account-settings']);
  });

  test('a new account on an empty slot other registered handsets show, ringing another handset; user settings not forced', () => {
    const m = station({}, (s) => {
      s.accounts[0].hsMode = 3;
      for (const n of [3, 4, 5]) s.handsets[n - 1].lines[0] = 1;
      s.handsets[2].ipei = '0000000003';
      s.handsets[3].ipei = '0000000004';
    });
    const settings = '  <hs_settings>\n    <user>\n      <cradle_answer>1</cradle_answer>\n    </user>\n  </hs_settings>\n';
    const text = file([{ user: '1' }], { name: '', settings });
    const r = simulate(m, IPEI, text);
    assert.deepEqual(story(r, text), [
      NEW_HS1,
      REQUEST,
      ...CHECKED,
      'pass account: Line 1 (1 on profile1): written as a new account into slot 1, the first empty one; put on HS1 line slot 1, the first free one. @lines 5-8 ?account-match,line-slot',
      'info ring-type: Line 1 has no <ring_type>: the guide does not say which HS mode a new account gets; assumed account 1 keeps HS mode HS3. @lines 5-8 ?new-account-hs-mode',
      'warn hs-mode: Account 1 rings only HS3, not HS1: calls to line 1 would not ring this handset. Give the line a <ring_type> (DID to ring only HS1). @lines 5-8 ?new-account-hs-mode',
      'warn account: Account 1 was empty but is on a line slot of HS3, HS4: the new account shows there too. Clear that line slot on the base station, or give those handsets files of their own. @lines 5-8 ?empty-slot-on-handsets',
      'info force-apply: There is no <force_apply>: user settings are not applied.',
      'info setting: <cradle_answer> 1: not applied (user setting: <force_apply> is not 1). @"<cradle_answer>1</cradle_answer>"',
    ]);
  });

  test('a line with no slot left: it fails, the next line still applies; the outcome is partly applied', () => {
    const m = station(tenAccounts, (s) => {
      s.handsets[0].ipei = '0000000001';
      s.handsets[0].lines = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    });
    const text = file([{ user: 'x' }, { user: 'u2', ring: 'Parallel' }], { name: '' });
    const r = simulate(m, IPEI, text);
    assert.equal(r.outcome, 'partly-applied');
    assert.deepEqual(story(r, text).slice(5), [
      'fail account: Line 1 (x on profile1): no account matches, no slot is empty and every account is on a handset, so there is no slot for it. The line is not applied. @lines 5-8 ?account-match',
      'pass account: Line 2 (u2 on profile1): account 2 already has this user ID on this profile and is reused as it is; put on HS2 line slot 1, the first free one. @lines 9-13 ?account-match,reused-account-fields,line-slot',
      'info ring-type: <ring_type> Parallel: account 2 hunts Parallel (HS mode Parallel). @"Parallel"',
    ]);
    assert.deepEqual(r.lines.map((l) => [l.how, l.account, l.lineSlot]), [['no-slot', undefined, undefined], ['reused', 2, 1]]);
  });

  test('an eleventh line is past the line slots: said, pointed at, not applied', () => {
    const text = file(Array.from({ length: 11 }, (_, i) => ({ user: `${i + 1}` })), { name: '' });
    const r = simulate(station(), IPEI, text);
    assert.equal(r.outcome, 'applied');
    assert.equal(r.lines.length, 10);
    assert.deepEqual(story(r, text).slice(-2), [
      'info ring-type: Line 10 has no <ring_type>: the guide does not say which HS mode a new account gets; assumed account 10 keeps HS mode Circular. @lines 41-44 ?new-account-hs-mode',
      'info account: Line 11 is past the 10 line slots of a handset and is not applied. @lines 45-48',
    ]);
  });

  test('each stop: its text and what it points at', () => {
    const lineWithout = (tag: string) => file([{ user: '1' }]).replace(new RegExp(`<${tag}>[^<]*</${tag}>`), '');
    const cases: [ipei: string, text: string, steps: string[]][] = [
      ['xyz', file([{ user: '1' }]), [`fail handset: 'xyz' is not an IPEI (10 hex digits). ${STOP}`]],
      [IPEI, '<hs_config>\n  <hs_name>x</hs_name>\n</hs_config>\n', [NEW_HS1, REQUEST, `fail ipei: The file has no <ipei>. ${STOP} @"hs_config"`]],
      [IPEI, '<hs_config>\n  <ipei></ipei>\n</hs_config>\n', [NEW_HS1, REQUEST, `fail ipei: The file has no <ipei>. ${STOP} @"ipei"`]],
      [IPEI, file([{ user: '1' }, { user: '2', profile: '' }]), [NEW_HS1, REQUEST, CHECKED[0], `fail profile: Line 2 has no profile name. ${STOP} @"profile_name"`]],
      [IPEI, lineWithout('profile_name'), [NEW_HS1, REQUEST, CHECKED[0], `fail profile: Line 1 has no profile name. ${STOP} @lines 6-9`]],
      [IPEI, file([{ user: '1' }, { user: '' }]), [NEW_HS1, REQUEST, ...CHECKED.slice(0, 2), `fail user-id: Line 2 has no user ID. ${STOP} @"user_id"`]],
      [IPEI, lineWithout('user_id'), [NEW_HS1, REQUEST, ...CHECKED.slice(0, 2), `fail user-id: Line 1 has no user ID. ${STOP} @lines 6-9`]],
    ];
    for (const [ipei, text, steps] of cases) {
      const r = simulate(station(), ipei, text);
      assert.equal(r.outcome, 'stopped');
      assert.deepEqual(story(r, text), steps);
      assert.deepEqual([r.lines, r.difference.accounts, r.difference.settings], [[], [], []]);
    }
  });

  test('slashes that end the server path are dropped from the request URL, however many', () => {
    const m = station({}, (s) => (s.provisioning.serverPath = 'example.com/gs//'));
    assert.equal(simulate(m, IPEI, file([{ user: '1' }])).url, 'http://example.com/gs/ipei_02c332b510.xml');
  });

  test("the report marks each step by its status and says the outcome in words", () => {
    const report = (m: BaseStation, text: string) => previewReport(simulate(m, IPEI, text), 'ipei_02c332b510.xml', 'base.json', text).join('\n');
    const full = station(tenAccounts, (s) => (s.handsets[1].lines = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    const partly = report(full, file([{ user: 'x' }, { user: 'u2' }]));
    assert.match(partly, /^Outcome +applied, but some lines found no account slot$/m);
    assert.match(partly, /^ {2}• The base station requests /m);
    assert.match(partly, /^ {2}✖ Line 1 \(x on profile1\): no account matches/m);
    assert.match(partly, /^ {2}✔ Line 2 \(u2 on profile1\): account 2 already has/m);
    const warned = report(station({}, (s) => (s.accounts[0].hsMode = 3)), file([{ user: '1' }]));
    assert.match(warned, /^Outcome +applied$/m);
    assert.match(warned, /^ {2}⚠ Account 1 rings only HS3, not HS1/m);
    assert.match(report(station(), file([{ user: '1' }], { ipei: '0000000009' })), /^Outcome +stopped: the file changes nothing$/m);
    assert.match(report(station({}, (s) => (s.provisioning.handsetProvisioning = false)), file([{ user: '1' }])), /^Outcome +not requested: handset provisioning is off$/m);
  });
});

describe('reading the file', () => {
  test('a byte that is not UTF-8 stops the run, pointing at the replacement character', () => {
    const text = file([{ user: '1' }]).replace('<user_id>1', '<user_id>1\uFFFD');
    const r = simulate(station(), IPEI, text);
    const last = r.steps[r.steps.length - 1];
    assert.equal(r.outcome, 'stopped');
    assert.equal(text.slice(last.span?.start, last.span?.end), '\uFFFD');
    const first = simulate(station(), IPEI, `\uFFFD${file([{ user: '1' }])}`);
    assert.equal(first.outcome, 'stopped');
    assert.deepEqual(first.steps[first.steps.length - 1].span, { start: 0, end: 1 }, 'the very first character too');
  });

  test('only the setting blocks of <hs_settings> hold settings: an unknown block, a misplaced container or one inside <force_apply> is no setting', () => {
    const settings = '  <hs_settings>\n    <extras><cradle_answer>1</cradle_answer></extras>\n    <force_apply><cradle_answer>1</cradle_answer></force_apply>\n    <sip><cradle_answer>1</cradle_answer></sip>\n    <user>\n      <cradle_answer>0</cradle_answer>\n    </user>\n  </hs_settings>\n';
    const r = simulate(station(), IPEI, file([{ user: '1' }], { settings }));
    assert.deepEqual(r.difference.settings.map((s) => `${s.name}=${s.value}`), ['cradle_answer=0']);
  });
});

test('a file with no <line> is applied, with a warning that the handset is left without its lines (issue 27)', () => {
  const r = simulate(factoryWithProvisioning(), '02c332b510', '<?xml version="1.0" encoding="UTF-8"?>\n<hs_config>\n  <ipei>02c332b510</ipei>\n</hs_config>\n');
  assert.equal(r.outcome, 'applied');
  const warning = r.steps.find((s) => s.status === 'warn' && s.kind === 'line-removed');
  assert.equal(warning?.message, 'The file has no <line>: HS1 is left without the line it had. Add a <sip><line> for each account the handset should keep.');
});
