import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { checkDigit, decimalToHex, formatDecimal, hexToDecimal, ipeiFromFileName, isHexIpei, parseDecimalIpei } from '../../shared/domain/ipei';

// The count scales with HSCONFIG_PROPERTY_RUNS (default 10,000 gives the full count); Stryker's config sets it low.
const PROPERTY_RUNS = Math.max(20, Math.round((2000 * Number(process.env.HSCONFIG_PROPERTY_RUNS ?? 10_000)) / 10_000));

test('the worked example of facts.md converts both ways', () => {
  assert.equal(hexToDecimal('02c332b510'), '1131501774242');
  assert.equal(formatDecimal('1131501774242'), '11315 0177424 2');
  const d = parseDecimalIpei('11315 0177424 2');
  assert.ok(d);
  assert.equal(decimalToHex(d), '02c332b510');
  assert.equal(d.checkDigit, d.expectedCheckDigit);
});

test('the check digit follows the weighted sum modulo 11, with * for 10', () => {
  assert.equal(checkDigit('570050782068'), '7');
  assert.equal(checkDigit('100000000001'), '2'); // 1×1 + 12×1 = 13
  assert.equal(checkDigit('900000000000'), '9');
  assert.equal(checkDigit('000000000010'), '0'); // 11×1 = 11
  assert.equal(checkDigit('000000000100'), '*'); // 10×1 = 10
});

test('a wrong check digit is reported, not silently accepted', () => {
  const d = parseDecimalIpei('1131501774243');
  assert.ok(d);
  assert.equal(d.expectedCheckDigit, '2');
  assert.notEqual(d.checkDigit, d.expectedCheckDigit);
});

test('hex form validation', () => {
  assert.ok(isHexIpei('02c332b510'));
  assert.ok(isHexIpei('02C332B510'));
  assert.ok(!isHexIpei('02c332b51'));
  assert.ok(!isHexIpei('02c332b5100'));
  assert.ok(!isHexIpei('02c332b51g'));
  assert.equal(hexToDecimal('12c332b510'), undefined, 'a non-zero leading nibble has no 13-digit form');
});

test('the IPEI in a file name is the 10 hex digits right before .xml', () => {
  assert.equal(ipeiFromFileName('ipei_02c332b510.xml'), '02c332b510');
  assert.equal(ipeiFromFileName('02c332b510.xml'), '02c332b510');
  assert.equal(ipeiFromFileName('cafe02c332b510.xml.enc'), '02c332b510');
  assert.equal(ipeiFromFileName('handset.xml'), undefined);
  assert.equal(ipeiFromFileName('02c332b5.xml'), undefined);
});

test('hex → decimal → hex round-trips for every IPEI with a 0 leading nibble', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0, max: 0xfffff }), (emc, psn) => {
      const hex = decimalToHex({ emc, psn });
      const decimal = hexToDecimal(hex);
      assert.ok(decimal);
      const back = parseDecimalIpei(decimal);
      assert.ok(back);
      assert.equal(decimalToHex(back), hex);
      assert.equal(back.checkDigit, back.expectedCheckDigit);
    }),
    { numRuns: PROPERTY_RUNS },
  );
});

test('a decimal IPEI whose groups are past the hex form\'s range (EMC 0xffff, PSN 0xfffff) is not an IPEI', () => {
  const withCheck = (digits: string) => digits + checkDigit(digits);
  assert.deepEqual(parseDecimalIpei(withCheck('655351048575')), { emc: 0xffff, psn: 0xfffff, checkDigit: checkDigit('655351048575'), expectedCheckDigit: checkDigit('655351048575') });
  assert.equal(parseDecimalIpei(withCheck('655360000000')), undefined, 'EMC 65536');
  assert.equal(parseDecimalIpei(withCheck('000001048576')), undefined, 'PSN 1048576');
  assert.equal(parseDecimalIpei(`${withCheck('113150177424')}0`), undefined, '14 digits');
  assert.equal(parseDecimalIpei(`0${withCheck('113150177424')}`), undefined, '14 digits');
});
