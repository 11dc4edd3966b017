// The CLI on base-station config files: `validate` tells them by content and reports as for handset files;
// `explain` prints a P-value's documentation.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { FIXTURES } from './helpers';

const CLI = path.join(__dirname, '..', '..', '..', 'dist', 'cli.js');

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: FIXTURES });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('validate: clean base-station configs in each shape exit 0', () => {
  const r = run('validate', 'base-config/quirks-office.txt', 'base-config/quirks-office-v1.xml', 'base-config/quirks-office-v2.xml');
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /3 files checked: 0 errors, 0 warnings, 0 notes/);
});

test('validate: a broken base-station config prints file:line:col severity code message and exits 1', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hsconfig-base-'));
  try {
    const file = path.join(dir, 'base.cfg');
    writeFileSync(file, '# base\nP271=5\nP27104=1\nP27762=office\nP27763=office\n');
    const r = run('validate', file);
    assert.equal(r.code, 1);
    assert.deepEqual(r.stdout.trim().split('\n'), [
      `${file}:2:6 error value-not-in-set P271 (Profile Active) takes 0 (no), 1 (yes); 5 is not one of them.`,
      `${file}:3:1 warning unknown-p-value P27104 is not a P-value of the DP75x template: the base station ignores it. Did you mean P27014 (Enable Handset Config Upgrade)?`,
      `${file}:5:8 warning duplicate-profile-name Profile 2 has the same name as profile 1 ("office"): a handset file's <profile_name> could not tell them apart.`,
    ]);
    const json = JSON.parse(run('validate', '--json', file).stdout) as { diagnostics: { code: string }[] }[];
    assert.deepEqual(json[0].diagnostics.map((d) => d.code), ['value-not-in-set', 'unknown-p-value', 'duplicate-profile-name']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('explain prints a P-value by number or by v2 name; an unknown one exits 2 with a suggestion', () => {
  const r = run('explain', 'P27762', 'provisioning.handset.enable');
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^P27762 — Profile Name · v2 profile\.1\.name\n/);
  assert.match(r.stdout, /- Type: text, at most 32 characters/);
  assert.match(r.stdout, /P27014 — Enable Handset Config Upgrade[\s\S]*- Values: 0 No, 1 Yes[\s\S]*- Takes effect after a reboot/);
  const json = JSON.parse(run('explain', '--json', 'P1359').stdout) as { p: number; type: unknown }[];
  assert.deepEqual(json[0].type, { kind: 'string', maxLength: 40, charset: 'printable' });
  const unknown = run('explain', 'P27104');
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /P27104 is not a P-value .* Did you mean P27014\?/);
});
