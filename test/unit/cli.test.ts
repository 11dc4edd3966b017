// The CLI as users run it: dist/cli.js in a child process.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { BaseCode } from '../../server/src/baseConfig/codes';
import { BASE_CONFIG_FIXTURES as TEMPLATES, FACTORY_V2_CONFIG, FIXTURES } from './helpers';

const CLI = path.join(__dirname, '..', '..', '..', 'dist', 'cli.js');

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: FIXTURES });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('validate prints file:line:col severity code message and exits 1 on errors', () => {
  const r = run('validate', 'folder');
  assert.equal(r.code, 1);
  assert.deepEqual(r.stdout.trim().split('\n'), [
    `${path.join('folder', 'ipei_02c332b510.xml')}:27:8 warning duplicate-element <cradle_answer> may appear only once here; this repeat is redundant or conflicting.`,
    `${path.join('folder', 'nested', 'ipei_02c332b511.xml')}:4:12 error value-too-long <hs_name> takes at most 10 characters; this has 12.`,
  ]);
  assert.match(r.stderr, /2 files checked: 1 error, 1 warning, 0 notes/);
});

test('folders are walked for handset files (.xml rooted in hs_config); the readme and other XML beside them are skipped', () => {
  const r = run('validate', '--json', 'folder');
  const files = (JSON.parse(r.stdout) as { file: string }[]).map((f) => path.basename(f.file));
  assert.deepEqual(files, ['ipei_02c332b510.xml', 'ipei_02c332b511.xml']);
});

test('--json prints the report shape, exit 0 without errors', () => {
  const r = run('validate', '--json', 'guide-example.xml');
  assert.equal(r.code, 0);
  const [report] = JSON.parse(r.stdout) as { file: string; diagnostics: { range: unknown; severity: string; code: string; message: string }[] }[];
  assert.equal(report.file, 'guide-example.xml');
  assert.deepEqual(report.diagnostics.map((d) => [d.severity, d.code]), [['warning', 'duplicate-element']]);
  assert.deepEqual(report.diagnostics[0].range, { start: { line: 26, character: 7 }, end: { line: 26, character: 20 } });
});

test('--profiles replaces the factory profile names', () => {
  assert.equal(run('validate', '--profiles', 'Office,Trunk', 'guide-example.xml').code, 1);
  assert.equal(run('validate', '--profiles', 'profile1', 'guide-example.xml').code, 0);
});

test('bad usage exits 2 with a message', () => {
  for (const args of [[], ['validate'], ['frobnicate'], ['validate', '--nope', 'x'], ['validate', 'missing.xml']]) {
    const r = run(...args);
    assert.equal(r.code, 2, `hsconfig ${args.join(' ')}`);
    assert.match(r.stderr, /hsconfig|Usage/);
  }
  assert.equal(run('--help').code, 0);
  assert.match(run('--version').stdout, /^\d+\.\d+\.\d+/);
});

test("the vendor's base-station templates are not handset files", () => {
  // A walked folder of base-station configs (issue 13): each checked as one, none by the handset rules.
  const walked = run('validate', '--json', TEMPLATES);
  assert.equal(walked.code, 0);
  const reports = JSON.parse(walked.stdout) as { file: string; diagnostics: { code: string }[] }[];
  // quirks-template.txt, the generator's broken test template, is mostly P-value lines with two stray ones: a config
  // with slips (issue 27), whose stray lines are named, not a text the handset rules judge.
  assert.deepEqual(reports.map((r) => path.basename(r.file)), ['dp75x-factory-text.txt', 'dp75x-factory-v2.xml', 'quirks-office-v1.xml', 'quirks-office-v2.xml', 'quirks-office.txt', 'quirks-template-v2.xml', 'quirks-template.txt', 'values-template-v2.xml', 'values-template.txt']);
  const baseCodes = new Set<string>(Object.values(BaseCode));
  assert.ok(reports.every((r) => r.diagnostics.every((d) => baseCodes.has(d.code))), walked.stdout);
  // Named on the command line, a base-station config is checked as one (issue 13): no errors, no handset rules.
  const named = run('validate', FACTORY_V2_CONFIG);
  assert.equal(named.code, 0);
  assert.doesNotMatch(named.stdout, /root-not-hs-config/);
});

test('--base checks profile names against a described base station', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hsconfig-cli-base-'));
  try {
    const base = path.join(dir, 'dp750.txt');
    writeFileSync(base, 'P27762=Office PBX\n');
    const renamed = run('validate', '--base', base, 'guide-example.xml');
    assert.equal(renamed.code, 1);
    assert.match(renamed.stdout, /profile-unknown .*Office PBX/);
    assert.equal(run('validate', '--base', base, '--profiles', 'profile1', 'guide-example.xml').code, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('<command> --help prints that command and exits 0; a command named like an object property is unknown (issue 27)', () => {
  for (const command of ['validate', 'encrypt', 'explain']) {
    for (const flag of ['--help', '-h']) {
      const r = run(command, flag);
      assert.equal(r.code, 0, `${command} ${flag}: ${r.stderr}`);
      assert.match(r.stdout, new RegExp(`^Usage: hsconfig ${command} `));
      assert.match(r.stdout, /Exit status: 0 success/);
    }
  }
  for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
    const r = run(name);
    assert.equal(r.code, 2, name);
    assert.match(r.stderr, new RegExp(`^hsconfig: Unknown command: ${name}\\b`));
  }
});
