// Sites in the CLI (issue 24), as users run it: dist/cli.js in a child process on a copy of the fixture repository
// (test/fixtures/sites), in a temporary folder with no .git, so the current folder bounds each file's search.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';

const CLI = path.join(__dirname, '..', '..', '..', 'dist', 'cli.js');
const FIXTURE = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'sites');
const copies: string[] = [];
after(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A fresh copy of the fixture repository to run in (and change). */
function repository(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hsconfig-sites-cli-'));
  cpSync(FIXTURE, dir, { recursive: true });
  copies.push(dir);
  return dir;
}

function run(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `file code` for each problem of a text report, the file relative to the current folder. */
function problems(stdout: string): string[] {
  return stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => /^(\S+?):\d+:\d+ \w+ (\S+)/.exec(line)!.slice(1).join(' '));
}

const acmeHandset = path.join('acme', 'handsets', 'ipei_02c332b510.xml');

test('validate: every handset file of the repository is checked against its own site, and all are clean', () => {
  const r = run(repository(), 'validate', '.');
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^34 files checked: 0 errors, 0 warnings, 0 notes\.$/m);
});

test('validate: an acme handset copied into globex is held to globex\'s profile names', () => {
  const repo = repository();
  copyFileSync(path.join(repo, acmeHandset), path.join(repo, 'globex', 'handsets', 'ipei_02c332b510.xml'));
  const r = run(repo, 'validate', '.');
  assert.equal(r.code, 1);
  const moved = path.join('globex', 'handsets', 'ipei_02c332b510.xml');
  assert.deepEqual(problems(r.stdout), [`${moved} profile-unknown`, `${moved} profile-unknown`]);
  assert.match(r.stdout, /'AcmePBX'; the profiles are 'GlobexVoIP', 'Office', 'profile3', 'profile4'/);
});

test('validate: a nested site (acme/annex) uses its own config, not acme\'s', () => {
  const repo = repository();
  const r = run(repo, 'validate', 'acme');
  assert.equal(r.code, 0, r.stdout);
  assert.match(r.stderr, /^12 files checked: 0 errors/m);
  // Against acme's config the annex file's profile2 (the annex's factory-named profile 2) is unknown.
  const annex = path.join('acme', 'annex', 'handsets', 'ipei_02c332b524.xml');
  assert.match(run(repo, 'validate', '--base', path.join('acme', 'dp750.txt'), annex).stdout, /profile-unknown No base-station profile is named 'profile2'/);
});

test('validate --base still checks every file against that one base station', () => {
  const r = run(repository(), 'validate', '--base', path.join('acme', 'dp750.txt'), '.');
  assert.equal(r.code, 1);
  // Every site's files but acme's own meet names they do not use (the annex's too: its own config is passed over).
  const folders = new Set(problems(r.stdout).map((p) => path.dirname(p.split(' ')[0])));
  assert.deepEqual([...folders].sort(), ['annex', 'globex', 'initech', 'project-only', 'unconfigured'].map((s) => path.join(...(s === 'annex' ? ['acme', s] : [s]), 'handsets')));
});

test('validate --profiles names the profiles of every file; the sites still give the file prefix', () => {
  const repo = repository();
  assert.equal(run(repo, 'validate', '--profiles', 'GlobexVoIP,Office', 'globex').code, 0);
  assert.equal(run(repo, 'validate', '--profiles', 'AcmePBX,AcmeTrunk', 'globex').code, 1);
});

test('validate: a config above the current folder is not used when there is no repository (.git) to bound the search', () => {
  const repo = repository();
  const r = run(path.join(repo, 'acme', 'handsets'), 'validate', '.');
  assert.equal(r.code, 1);
  assert.match(r.stdout, /profile-unknown No base-station profile is named 'AcmePBX'; the profiles are 'profile1'/);
  // With a .git at the top, the repository bounds the search and the config is found from below.
  mkdirSync(path.join(repo, '.git'));
  assert.equal(run(path.join(repo, 'acme', 'handsets'), 'validate', '.').code, 0);
});

test('validate: an unusable config is a warning naming it and why; its files fall back to the factory names', () => {
  const repo = repository();
  writeFileSync(path.join(repo, 'unconfigured', 'hsconfig-base-station.json'), JSON.stringify({ accounts: [{ slot: 12 }] }));
  const r = run(repo, 'validate', 'unconfigured');
  assert.equal(r.code, 0, r.stdout);
  const warning = `hsconfig: warning: ${path.join('unconfigured', 'hsconfig-base-station.json')}: not a valid base-station file:\naccounts[0].slot: must be a whole number from 1 to 10, not 12`;
  assert.ok(r.stderr.includes(warning), r.stderr);
  assert.match(r.stderr, /The handset files of this site are checked without it, against the factory profile names\./);
  assert.equal(r.stderr.split('hsconfig: warning:').length - 1, 1, 'said once for five files');
});

test('validate: two configs in one folder and a broken hsconfig.json are warned of once', () => {
  const repo = repository();
  copyFileSync(path.join(repo, 'acme', 'dp750.txt'), path.join(repo, 'acme', 'second.txt'));
  writeFileSync(path.join(repo, 'project-only', 'hsconfig.json'), '{ "profiles": ');
  const r = run(repo, 'validate', '.');
  const warnings = r.stderr.split('\n').filter((l) => l.startsWith('hsconfig: warning:'));
  assert.deepEqual(warnings, [
    'hsconfig: warning: acme holds 2 base-station configs (dp750.txt, second.txt): dp750.txt is used.',
    `hsconfig: warning: ${path.join('project-only', 'hsconfig.json')}: not valid JSON (ValueExpected at offset 14).`,
  ]);
  // The broken project file gives no names: its site's files meet the factory names.
  assert.ok(problems(r.stdout).every((p) => p.startsWith(path.join('project-only', 'handsets'))), r.stdout);
});

test('validate: files with no site use .vscode/hsconfig-base-station.json under the current folder, as before sites', () => {
  const repo = repository();
  mkdirSync(path.join(repo, '.vscode'));
  writeFileSync(path.join(repo, '.vscode', 'hsconfig-base-station.json'), JSON.stringify({ profiles: [{ index: 1, name: 'Workspace' }] }));
  const r = run(repo, 'validate', '.');
  assert.equal(r.code, 1);
  // Acme, globex, initech have their own configs; project-only has none either, and the workspace file's facts win.
  const sites = new Set(problems(r.stdout).map((p) => p.split(path.sep)[0]));
  assert.deepEqual([...sites].sort(), ['project-only', 'unconfigured']);
});
