// The language service with a base-station model: profile names from the model, and what hover on <user_id> says.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver-types';
import { factoryDefault, type BaseStation } from '../../shared/baseStation/model';
import { getLanguageService } from '../../server/src/handset/languageService';
import { lineAccountHover } from '../../server/src/links/lineAccountHover';
import { siteSettings } from '../../server/src/sites/siteSettings';
import { codes, diagnose, doc, handset, withCursor } from './helpers';

function station(change: (m: BaseStation) => void = () => undefined): BaseStation {
  const m = factoryDefault();
  m.profiles[0].name = 'Office';
  m.profiles[1].name = 'Trunk';
  for (const h of m.handsets) h.lines.fill(0);
  change(m);
  return m;
}

const sip = (...lines: [string, string][]) =>
  `  <sip>\n${lines.map(([p, u]) => `    <line>\n      <profile_name>${p}</profile_name>\n      <user_id>${u}</user_id>\n    </line>\n`).join('')}  </sip>\n`;

function hoverAt(textWithBar: string, baseStation?: BaseStation): string | undefined {
  const { document, position } = withCursor(textWithBar);
  const h = getLanguageService(siteSettings(baseStation), { hover: [lineAccountHover(() => baseStation)] }).doHover(document, position);
  return h ? (h.contents as MarkupContent).value : undefined;
}

describe('profile names from the base-station model', () => {
  test('checked against the model, replacing the profiles setting', () => {
    const office = handset({ sip: sip(['Office', '1']) });
    assert.deepEqual(codes(diagnose(office, undefined, siteSettings(station()))), []);
    assert.deepEqual(codes(diagnose(office, undefined, { ...siteSettings(station()), profiles: ['Other'] })), []);
    const factory = handset();
    const d = diagnose(factory, undefined, siteSettings(station()));
    assert.deepEqual(codes(d), ['profile-unknown']);
    assert.match(String(d[0].message), /the profiles are 'Office', 'Trunk', 'profile3', 'profile4'/);
  });

  test('without a model the profiles setting still rules, and dropping the model restores it', () => {
    assert.deepEqual(codes(diagnose(handset({ sip: sip(['Office', '1']) }))), ['profile-unknown']);
    const service = getLanguageService(siteSettings(station()));
    const document = doc(handset());
    assert.deepEqual(codes(service.doValidation(document)), ['profile-unknown']);
    service.configure(siteSettings(undefined));
    assert.deepEqual(codes(service.doValidation(document)), []);
  });

  test('completed and hovered from the model', () => {
    const { document, position } = withCursor(handset({ sip: '  <sip>\n    <line>\n      <profile_name>|</profile_name>\n    </line>\n  </sip>\n' }));
    const items = getLanguageService(siteSettings(station())).doComplete(document, position).items.map((i) => i.label);
    assert.deepEqual(items, ['Office', 'Trunk', 'profile3', 'profile4']);
    const m = station((s) => (s.profiles[1].sipServer = 'sip.example.net'));
    assert.equal(hoverAt(handset({ sip: sip(['Tr|unk', '1']) }), m), '**Profile 2: Trunk** — this line registers with its SIP server `sip.example.net`.');
  });
});

describe('hover on <user_id> with a model', () => {
  test('an existing account on the same profile is reused, with its slot', () => {
    const m = station((s) => {
      Object.assign(s.accounts[3], { userId: '5328', profile: 1, hsMode: 103 });
      s.handsets[1].lines[0] = 4;
    });
    assert.equal(hoverAt(handset({ sip: sip(['Office', '53|28']) }), m), '**Reuses account 4:** the base station already has `5328` on Office (HS mode Parallel, on HS2).');
  });

  test('an account on no handset is reused too, and the hover says it is on none', () => {
    const m = station((s) => Object.assign(s.accounts[3], { userId: '5328', profile: 1, hsMode: 103 }));
    assert.equal(hoverAt(handset({ sip: sip(['Office', '53|28']) }), m), '**Reuses account 4:** the base station already has `5328` on Office (HS mode Parallel, on no handset).');
  });

  test('an account on several handsets: the hover names them all', () => {
    const m = station((s) => {
      Object.assign(s.accounts[3], { userId: '5328', profile: 1, hsMode: 103 });
      s.handsets[1].lines[0] = 4;
      s.handsets[2].lines[3] = 4;
    });
    assert.equal(hoverAt(handset({ sip: sip(['Office', '53|28']) }), m), '**Reuses account 4:** the base station already has `5328` on Office (HS mode Parallel, on HS2, HS3).');
  });

  test('a line above without a user ID takes no slot', () => {
    const noUser = '    <line>\n      <profile_name>Office</profile_name>\n    </line>\n';
    const text = handset({ sip: sip(['Office', '8|']).replace('  <sip>\n', `  <sip>\n${noUser}`) });
    assert.equal(hoverAt(text, station()), '**Needs a new account:** no account has `8` on Office; this line takes slot 1, the first empty one.');
  });

  test('otherwise the line needs a new slot: the first empty one, after those the lines above take', () => {
    const m = station((s) => Object.assign(s.accounts[0], { userId: '5328', profile: 2 }));
    assert.equal(hoverAt(handset({ sip: sip(['Office', '53|28']) }), m), '**Needs a new account:** no account has `5328` on Office; this line takes slot 2, the first empty one.');
    assert.equal(hoverAt(handset({ sip: sip(['Office', '7'], ['Office', '8|']) }), m), '**Needs a new account:** no account has `8` on Office; this line takes slot 3, the first empty one.');
    assert.equal(hoverAt(handset({ sip: sip(['Office', '7'], ['Office', '|7']) }), m), '**Shares account 2** with a line above, which writes `7` on Office there.');
  });

  test('a full base station: a stale account is replaced, or there is no slot', () => {
    const full = (onHandsets: number[]) =>
      station((s) => {
        s.accounts.forEach((a) => Object.assign(a, { userId: `u${a.slot}`, profile: 1 }));
        s.handsets[0].lines = onHandsets.concat(Array(10 - onHandsets.length).fill(0));
      });
    assert.match(hoverAt(handset({ sip: sip(['Office', 'n|ew']) }), full([1, 2, 3])) ?? '', /this line replaces account 4 \(`u4`\), the first that is on no handset\.$/);
    assert.match(hoverAt(handset({ sip: sip(['Office', 'n|ew']) }), full([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])) ?? '', /^\*\*No account slot left:\*\*/);
  });

  test('the file\'s own handset: lines it no longer lists free their accounts first (guide, <line>)', () => {
    const mine = station((s) => {
      s.accounts.forEach((a) => Object.assign(a, { userId: `u${a.slot}`, profile: 1 }));
      s.handsets[0].ipei = '02c332b510';
      s.handsets[0].lines = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    });
    assert.match(hoverAt(handset({ sip: sip(['Office', 'u1'], ['Office', 'n|ew']) }), mine) ?? '', /this line replaces account 2 \(`u2`\), the first that is on no handset once this file has removed it from HS1\.$/);
    assert.match(hoverAt(handset({ sip: sip(['Office', 'n|ew'], ['Office', 'u1']) }), mine) ?? '', /this line replaces account 2 \(`u2`\)/, 'a line below that keeps account 1 keeps it from being stale');
    assert.match(hoverAt(handset({ ipei: '02c332b599', sip: sip(['Office', 'n|ew']) }), mine) ?? '', /^\*\*No account slot left:\*\*/, 'another handset\'s file cannot free HS1\'s accounts');
    const nameFirst = handset({ sip: sip(['Office', 'n|ew']) }).replace(/( {2}<ipei>.*\n)( {2}<hs_name>.*\n)/, '$2$1');
    assert.match(nameFirst, /<hs_name>Front desk<\/hs_name>\n {2}<ipei>/);
    assert.match(hoverAt(nameFirst, mine) ?? '', /this line replaces account 1 \(`u1`\), the first that is on no handset once this file has removed it from HS1\.$/, 'the <ipei> is found wherever it is');
  });

  test('without a model, or with an unknown profile, hover on <user_id> says nothing about accounts', () => {
    assert.equal(hoverAt(handset({ sip: sip(['Office', '53|28']) })), undefined);
    assert.equal(hoverAt(handset({ sip: sip(['Nowhere', '53|28']) }), station()), undefined);
  });
});
