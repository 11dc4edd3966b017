// What a user types or imports before a generation run, read on its own: an IPEI as typed, the handset list's text
// and header, the template, and the DID warning's words (the CLI tests see these only through dist/).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findDidConflicts } from '../../server/src/deploy/didConflicts';
import { ipeiReadingProblem, readIpei, type IpeiReading } from '../../shared/domain/ipeiInput';
import { readHandsetList, readTemplateText } from '../../server/src/deploy/prepareGeneration';
import { listRows } from '../../server/src/deploy/rowList';
import { getLanguageService } from '../../server/src/handset/languageService';
import { handset } from './helpers';

function reading(input: string): IpeiReading {
  const r = readIpei(input);
  assert.ok(!('problem' in r), `${input}: ${'problem' in r ? r.problem : ''}`);
  return r;
}

test('IPEI: a hex IPEI, in any case, with the decimal label form worked out', () => {
  assert.deepEqual(readIpei(' 02C332B510 '), {
    form: 'hex',
    hex: '02c332b510',
    decimal: '1131501774242',
    grouped: '11315 0177424 2',
    expectedCheckDigit: '2',
    checkDigitOk: true,
  });
  assert.equal(ipeiReadingProblem(reading('02c332b510')), undefined);
});

test('IPEI: a hex IPEI whose first digit is not 0 has no decimal form, and is still fine', () => {
  const r = reading('f2c332b510');
  assert.deepEqual([r.form, r.hex, r.decimal, r.grouped, r.expectedCheckDigit, r.checkDigitOk], ['hex', 'f2c332b510', undefined, undefined, undefined, true]);
  assert.equal(ipeiReadingProblem(r), undefined);
});

test('IPEI: the decimal label form, with or without spaces and hyphens', () => {
  for (const typed of ['1131501774242', '11315 0177424 2', ' 11315-0177424-2 ', '11315\t0177424 2']) {
    assert.deepEqual(readIpei(typed), {
      form: 'decimal',
      hex: '02c332b510',
      decimal: '1131501774242',
      grouped: '11315 0177424 2',
      givenCheckDigit: '2',
      expectedCheckDigit: '2',
      checkDigitOk: true,
    }, typed);
  }
});

test('IPEI: a wrong check digit is read, and its problem names the right digit', () => {
  const r = reading('11315 0177424 3');
  assert.deepEqual([r.hex, r.givenCheckDigit, r.expectedCheckDigit, r.checkDigitOk], ['02c332b510', '3', '2', false]);
  assert.equal(ipeiReadingProblem(r), 'The check digit of IPEI 11315 0177424 3 is wrong: it should be 2. Check the IPEI for a typo.');
});

test('IPEI: empty, out of range and malformed input each say what is wrong', () => {
  assert.deepEqual(readIpei(''), { problem: 'The IPEI is empty.' });
  assert.deepEqual(readIpei(' - '), { problem: 'The IPEI is empty.' });
  assert.deepEqual(readIpei(' 99999 0177424 2 '), {
    problem: '"99999 0177424 2" is not a decimal IPEI: its first 5 digits must be at most 65535 and the next 7 at most 1048575.',
  });
  assert.deepEqual(readIpei('11315 9999999 *'), {
    problem: '"11315 9999999 *" is not a decimal IPEI: its first 5 digits must be at most 65535 and the next 7 at most 1048575.',
  });
  for (const typed of ['02c332b51', '02c332b5100', '02c332b51g', '113150177424', '11315017742422', 'x1131501774242', '1131501774242x']) {
    assert.deepEqual(readIpei(typed), {
      problem: `"${typed}" is not an IPEI: give 10 hex digits (02c332b510) or the 13-digit decimal form (11315 0177424 2).`,
    }, typed);
  }
  assert.deepEqual(readIpei(' \t02c332b51 \n'), {
    problem: '"02c332b51" is not an IPEI: give 10 hex digits (02c332b510) or the 13-digit decimal form (11315 0177424 2).',
  }, 'the message quotes the input without the white space around it');
});

test('rows in messages: one, two, many, and past a limit only counted', () => {
  assert.equal(listRows([7]), '7');
  assert.equal(listRows([2, 3]), '2 and 3');
  assert.equal(listRows([2, 3, 7]), '2, 3 and 7');
  assert.equal(listRows([2, 3, 7, 9], 2), '2, 3 and 2 more');
  assert.equal(listRows([2, 3], 2), '2 and 3');
});

test('DID: one warning per shared account, naming every DID row; other accounts and single handsets are quiet', () => {
  const conflicts = findDidConflicts([
    { row: 2, profile: 'profile1', userId: '5328', ringType: 'DID' },
    { row: 3, profile: 'profile1', userId: '5328' },
    { row: 4, profile: 'profile1', userId: '5328', ringType: 'DID' },
    // Same user ID on another profile: another account.
    { row: 5, profile: 'profile2', userId: '5328', ringType: 'DID' },
    // One handset with the account on two lines is not two handsets.
    { row: 6, profile: 'profile3', userId: '7000', ringType: 'DID' },
    { row: 6, profile: 'profile3', userId: '7000', ringType: 'DID' },
    { row: 7, profile: 'profile1', userId: '8000', ringType: 'Parallel' },
    { row: 8, profile: 'profile1', userId: '8000' },
  ]);
  assert.deepEqual(conflicts, [
    {
      rows: [2, 3, 4],
      message:
        "User ID '5328' on 'profile1' is on 3 handsets, and rows 2 and 4 set its ring_type to DID, which makes the account ring one handset only: the handset provisioned last takes it over.",
    },
  ]);
  const twice = findDidConflicts([
    { row: 9, profile: 'profile1', userId: '1' },
    { row: 10, profile: 'profile1', userId: '1', ringType: 'DID' },
    { row: 10, profile: 'profile1', userId: '1', ringType: 'DID' },
  ]);
  assert.deepEqual(twice.map((c) => c.rows), [[9, 10]]);
  assert.match(twice[0].message, /on 2 handsets, and row 10 sets its ring_type/);
});

test('handset list: its columns and rows, or why its text or header cannot be used', () => {
  assert.deepEqual(readHandsetList('ipei;hs_name\n02c332b510;Desk\n'), {
    columns: [{ kind: 'value', element: 'ipei' }, { kind: 'value', element: 'hs_name' }],
    rows: [{ row: 2, cells: ['02c332b510', 'Desk'] }],
  });
  assert.deepEqual(readHandsetList('hs_name,colour\nDesk,red\n'), {
    problem:
      'the header cannot be used:\n  Unknown column "colour": no handset setting has this name.\n  The CSV has no "ipei" column: each row needs the IPEI of its handset.',
  });
  assert.deepEqual(readHandsetList('ipei,hs_nmae\n'), { problem: 'the header cannot be used:\n  Unknown column "hs_nmae": did you mean "hs_name"?' });
  assert.deepEqual(readHandsetList(''), { problem: 'The CSV has no header line naming its columns.' });
  const unclosed = readHandsetList('ipei\n"02c332b510\n');
  assert.ok('problem' in unclosed);
  assert.match(unclosed.problem, /^The CSV cannot be read: .*Quote Not Closed/);
});

test('template text: its settings, or none when it has errors; warnings and errors both shown', () => {
  const service = getLanguageService();
  const good = readTemplateText('file:///t/template.xml', handset({ name: '  <hs_name>Spare</hs_name>\n' }), service);
  assert.deepEqual(good, { config: { values: { hs_name: 'Spare' }, lines: [{ profile_name: 'profile1', user_id: '5328' }] }, diagnostics: [] });
  const warned = readTemplateText('file:///t/template.xml', handset({ name: '  <colour>red</colour>\n' }), service);
  assert.ok(warned.config, 'a warning alone keeps the template');
  assert.deepEqual(warned.diagnostics.map((d) => d.code), ['unknown-element']);
  const bad = readTemplateText('file:///t/template.xml', handset({ name: '  <hs_name>Much too long</hs_name>\n  <colour>red</colour>\n' }), service);
  assert.equal(bad.config, undefined);
  assert.deepEqual(bad.diagnostics.map((d) => d.code), ['value-too-long', 'unknown-element']);
});
