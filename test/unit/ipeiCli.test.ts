// `hsconfig ipei` as users run it: dist/cli.js in a child process.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { test } from 'node:test';
import { readIpei } from '../../shared/domain/ipeiInput';

const CLI = path.join(__dirname, '..', '..', '..', 'dist', 'cli.js');

function hsconfig(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, 'ipei', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('a hex IPEI prints both forms, the grouped form, the check digit and the requested file name', () => {
  const r = hsconfig('02C332B510');
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(r.stdout.trim().split('\n'), [
    'hex:         02c332b510',
    'decimal:     1131501774242',
    'grouped:     11315 0177424 2',
    'check digit: 2 (computed from the hex form)',
    'file name:   ipei_02c332b510.xml',
  ]);
});

test('decimal input with spaces, hyphens, or split over several arguments', () => {
  for (const args of [['1131501774242'], ['11315 0177424 2'], ['11315-0177424-2'], ['11315', '0177424', '2']]) {
    const r = hsconfig(...args);
    assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stdout, /^hex: +02c332b510$/m);
    assert.match(r.stdout, /^check digit: 2 \(correct\)$/m);
  }
  assert.match(hsconfig('57005 0782068 7').stdout, /^hex: +0deadbeef4$/m, 'the worked example of facts.md');
});

test('a wrong check digit names the right one and exits 1', () => {
  const r = hsconfig('11315 0177424 3');
  assert.equal(r.code, 1);
  assert.match(r.stdout, /^check digit: 3 is WRONG, it should be 2/m);
  assert.match(r.stdout, /^hex: +02c332b510$/m, 'the forms are still shown');
});

test('--prefix, --postfix and --json', () => {
  const r = hsconfig('--json', '--prefix', 'hs-', '--postfix', '.enc', '1131501774243');
  assert.equal(r.code, 1);
  assert.deepEqual(JSON.parse(r.stdout), {
    input: '1131501774243',
    valid: false,
    form: 'decimal',
    hex: '02c332b510',
    decimal: '1131501774243',
    grouped: '11315 0177424 3',
    checkDigit: { given: '3', expected: '2', ok: false },
    fileName: 'hs-02c332b510.xml.enc',
  });
  const ok = JSON.parse(hsconfig('--json', '--prefix', '', '02c332b510').stdout) as { valid: boolean; fileName: string };
  assert.equal(ok.valid, true);
  assert.equal(ok.fileName, '02c332b510.xml');
});

test('invalid values exit 1 with a plain message; bad usage exits 2', () => {
  for (const value of ['xyz', '02c332b51', '9999999999999', '02c332b5100', '']) {
    const r = hsconfig(value);
    assert.equal(r.code, 1, value);
    assert.match(r.stderr, /not an IPEI|not a decimal IPEI|empty/, value);
  }
  assert.equal(JSON.parse(hsconfig('--json', 'xyz').stdout).valid, false);
  assert.equal(hsconfig().code, 2);
  assert.equal(hsconfig('--prefix', 'a/b', '02c332b510').code, 2);
});

test('a hex IPEI whose first digit is not 0 has no decimal form', () => {
  const r = readIpei('12c332b510');
  assert.ok(!('problem' in r));
  assert.equal(r.decimal, undefined);
  assert.equal(r.checkDigitOk, true);
  assert.match(hsconfig('12c332b510').stdout, /^decimal: +none/m);
});
