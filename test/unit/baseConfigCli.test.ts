// The CLI on base-station config files: `validate` tells them by content and reports as for handset files;
// `explain` prints a P-value's documentation.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
      `${file}:3:1 warning unknown-p-value P27104 is not a P-value of the DP75x template: the base station ignores it. Did you mean P27014 (Enable Handset Config Upgrade)? Also near: P27004 (Enable VLAN), P27804 (Home Number Attribute).`,
      `${file}:5:8 warning duplicate-profile-name Profile 2 has the same name as profile 1 ("office"): a handset file's <profile_name> could not tell them apart.`,
    ]);
    const json = JSON.parse(run('validate', '--json', file).stdout) as { diagnostics: { code: string }[] }[];
    assert.deepEqual(json[0].diagnostics.map((d) => d.code), ['value-not-in-set', 'unknown-p-value', 'duplicate-profile-name']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('validate <folder> walks for base-station configs in text and XML beside handset files, and skips unrelated files silently', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hsconfig-base-folder-'));
  try {
    mkdirSync(path.join(dir, 'handsets'));
    mkdirSync(path.join(dir, 'base', 'old'), { recursive: true });
    copyFileSync(path.join(FIXTURES, 'guide-example.xml'), path.join(dir, 'handsets', 'ipei_02c332b510.xml'));
    writeFileSync(path.join(dir, 'base', 'dp752.cfg'), '# office base\nP271=5\nP27762=office\n');
    writeFileSync(path.join(dir, 'base', 'dp752.txt'), 'P27762=office\r\nP27763=lab\r\n');
    writeFileSync(path.join(dir, 'base', 'old', 'v1.xml'), '<?xml version="1.0"?>\n<gs_provision version="1">\n<config version="1">\n<P27762>office</P27762>\n<P27763>office</P27763>\n</config>\n</gs_provision>\n');
    writeFileSync(path.join(dir, 'base', 'v2.XML'), '<gs_provision version="1"><config version="2"><item name="profile.1.name">office</item></config></gs_provision>\n');
    // Not ours: a readme, notes that mention a P-value, an ini file, other XML, and a P-value file with another extension.
    writeFileSync(path.join(dir, 'README.txt'), 'Base station settings live in base/.\nP271=1 turns profile 1 on.\nAsk the PBX team first.\n');
    writeFileSync(path.join(dir, 'phone.cfg'), '[network]\ndhcp=1\n');
    writeFileSync(path.join(dir, 'pom.xml'), '<project><modelVersion>4.0.0</modelVersion></project>\n');
    writeFileSync(path.join(dir, 'base', 'backup.bak'), 'P271=5\n');

    const r = run('validate', dir);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    const cfg = path.join(dir, 'base', 'dp752.cfg');
    const v1 = path.join(dir, 'base', 'old', 'v1.xml');
    const handset = path.join(dir, 'handsets', 'ipei_02c332b510.xml');
    assert.deepEqual(r.stdout.trim().split('\n'), [
      `${cfg}:2:6 error value-not-in-set P271 (Profile Active) takes 0 (no), 1 (yes); 5 is not one of them.`,
      `${v1}:5:9 warning duplicate-profile-name Profile 2 has the same name as profile 1 ("office"): a handset file's <profile_name> could not tell them apart.`,
      `${handset}:27:8 warning duplicate-element <cradle_answer> may appear only once here; this repeat is redundant or conflicting.`,
    ]);
    assert.match(r.stderr, /^5 files checked: 1 error, 2 warnings, 0 notes\.\n$/);

    const json = JSON.parse(run('validate', '--json', dir).stdout) as { file: string }[];
    assert.deepEqual(json.map((f) => path.relative(dir, f.file)), [
      path.join('base', 'dp752.cfg'),
      path.join('base', 'dp752.txt'),
      path.join('base', 'old', 'v1.xml'),
      path.join('base', 'v2.XML'),
      path.join('handsets', 'ipei_02c332b510.xml'),
    ]);

    // Without the broken file, the same folder passes: exit 0, the summary still on stderr.
    rmSync(cfg);
    const clean = run('validate', path.join(dir, 'base'));
    assert.equal(clean.code, 0, clean.stdout);
    assert.match(clean.stderr, /^3 files checked: 0 errors, 1 warning, 0 notes\.\n$/);
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

test("validate <folder> picks up the vendor's cfg<MAC> files (bare, .xml, .cfg) and skips cfg-like names that are not", () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hsconfig-base-mac-'));
  try {
    writeFileSync(path.join(dir, 'cfg000b82123456'), 'P27762=Office\nP27014 1\n');
    writeFileSync(path.join(dir, 'cfg000b82abcdef.xml'), '<gs_provision version="1"><config version="1"><P271>5</P271></config></gs_provision>\n');
    writeFileSync(path.join(dir, 'cfg000b82654321.cfg'), 'P27080=105\n');
    writeFileSync(path.join(dir, 'cfg000b8212345'), 'P271=5\n');
    writeFileSync(path.join(dir, 'changelog'), 'P271=5\n');
    const r = run('validate', dir);
    assert.deepEqual(r.stdout.trim().split('\n').map((l) => l.slice(dir.length + 1).split(' ').slice(0, 3).join(' ')), [
      'cfg000b82123456:2:1 warning malformed-line',
      'cfg000b82654321.cfg:1:8 error value-out-of-range',
      'cfg000b82abcdef.xml:1:53 error value-not-in-set',
    ]);
    assert.match(r.stderr, /3 files checked: 2 errors, 1 warning/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('validate on a file that is neither language: one not-hsconfig-file error saying why, no XML errors', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hsconfig-neither-'));
  try {
    const changelog = path.join(dir, 'changelog_DP7xx_config.txt');
    writeFileSync(changelog, '#####\n## DP7xx Change Log\n#####\n#P26006=1\nNumber: 0, 1\n');
    const pom = path.join(dir, 'pom.xml');
    writeFileSync(pom, '<?xml version="1.0"?>\n<project><modelVersion>4.0.0</modelVersion></project>\n');
    const r = run('validate', changelog, pom);
    assert.equal(r.code, 1);
    assert.deepEqual(r.stdout.trim().split('\n'), [
      `${changelog}:1:1 error not-hsconfig-file Not a handset file or a base-station config: it is not XML and has no Pnnn=value setting. hsconfig checks <hs_config> XML handset files and base-station configs (Pnnn=value text, or XML rooted in <gs_provision>), and does not check this file.`,
      `${pom}:1:1 error not-hsconfig-file Not a handset file or a base-station config: its root element is <project>, not <hs_config> or <gs_provision>. hsconfig checks <hs_config> XML handset files and base-station configs (Pnnn=value text, or XML rooted in <gs_provision>), and does not check this file.`,
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
