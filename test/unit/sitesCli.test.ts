// Sites in the CLI (issue 24), as users run it: dist/cli.js in a child process on a copy of the fixture repository
// (test/fixtures/sites), in a temporary folder with no .git, so the current folder bounds each file's search.

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, test, type TestContext } from 'node:test';

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

test('validate: an unusable config is a warning naming it and why; its files fall back to the project file\'s or the factory names', () => {
  const repo = repository();
  writeFileSync(path.join(repo, 'unconfigured', 'hsconfig-base-station.json'), JSON.stringify({ accounts: [{ slot: 12 }] }));
  const r = run(repo, 'validate', 'unconfigured');
  assert.equal(r.code, 0, r.stdout);
  const warning = `hsconfig: warning: ${path.join('unconfigured', 'hsconfig-base-station.json')}: not a valid base-station file:\naccounts[0].slot: must be a whole number from 1 to 10, not 12`;
  assert.ok(r.stderr.includes(warning), r.stderr);
  assert.match(r.stderr, /The handset files of this site are checked without it, against the factory profile names\./);
  assert.equal(r.stderr.split('hsconfig: warning:').length - 1, 1, 'said once for five files');
  // A site with a project file falls back to its names.
  writeFileSync(path.join(repo, 'project-only', 'hsconfig-base-station.json'), '{');
  const project = run(repo, 'validate', 'project-only');
  assert.equal(project.code, 0, project.stdout);
  assert.match(project.stderr, /^hsconfig: warning: project-only\/hsconfig-base-station\.json: not a valid base-station file:\nnot valid JSON[^\n]*\n {2}The handset files of this site are checked without it, against the project file's profile names \(Hosted1, Hosted2\)\.$/m);
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

test('simulate: a folder of several sites is simulated site by site, each on its own base station, every file applied', () => {
  const r = run(repository(), 'simulate', '.');
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const headings = r.stdout.split('\n').filter((l) => l.startsWith('=== '));
  const labels = ['acme/annex/dp752.txt', 'acme/dp750.txt', 'globex/dp750.xml', 'initech/config.xml', 'project-only (no base-station config)', 'no site (no base-station config found)'];
  assert.deepEqual(headings, labels.map((label, i) => `=== Site ${i + 1} of 6: ${label.replaceAll('/', path.sep)} ===`));
  assert.match(r.stdout, /^Base station: globex\/dp750\.xml \(XML v1 config\)$/m);
  assert.match(r.stdout, /^Base station: factory default with handset provisioning on \(no base-station config found; settings from project-only\/hsconfig\.json\)$/m);
  assert.equal(r.stdout.match(/^ {2}\S+\.xml +HS\d +applied$/gm)?.length, 30);
  assert.match(r.stdout, /^6 sites: 6 applied in full without conflicts, 0 not\.$/m);
});

test('simulate --json: one object per site, naming its config and root folder', () => {
  const r = run(repository(), 'simulate', '--json', '.');
  assert.equal(r.code, 0);
  const sites = JSON.parse(r.stdout) as { config?: string; root?: string; base: string; runs: { result?: { outcome: string } }[] }[];
  assert.deepEqual(sites.map((s) => [s.config, s.root]), [
    [path.join('acme', 'annex', 'dp752.txt'), path.join('acme', 'annex')],
    [path.join('acme', 'dp750.txt'), 'acme'],
    [path.join('globex', 'dp750.xml'), 'globex'],
    [path.join('initech', 'config.xml'), 'initech'],
    [undefined, 'project-only'],
    [undefined, undefined],
  ]);
  assert.ok(sites.every((s) => s.runs.length === 5 && s.runs.every((run) => run.result?.outcome === 'applied')));
});

test('simulate: one site keeps the report of one base station; --base puts every file on that one', () => {
  const repo = repository();
  const one = run(repo, 'simulate', path.join('acme', 'handsets'));
  assert.equal(one.code, 0);
  assert.match(one.stdout, /^Base station: acme\/dp750\.txt \(text \(Pnnn=value\) config\)\n5 handset files, in this order:/);
  assert.doesNotMatch(one.stdout, /^=== /m);
  const json = JSON.parse(run(repo, 'simulate', '--json', 'globex').stdout) as { base: string; runs: unknown[] };
  assert.equal(json.base, `${path.join('globex', 'dp750.xml')} (XML v1 config)`);
  const forced = run(repo, 'simulate', '--base', path.join('acme', 'dp750.txt'), '.');
  assert.equal(forced.code, 1);
  assert.doesNotMatch(forced.stdout, /^=== /m);
  assert.match(forced.stdout, /^Base station: acme\/dp750\.txt \(text \(Pnnn=value\) config\)\n30 handset files/);
  assert.match(forced.stdout, /^ {2}acme\/annex\/handsets\/ipei_02c332b520\.xml +HS1 +stopped +Line 1 names profile 'AnnexPBX'/m);
  // Thirty handsets on one base station of five handset numbers: the rest cannot even register.
  assert.match(forced.stdout, /^ {2}globex\/handsets\/hs_02c332b530\.xml +HS\? +stopped /m);
});

test('preview: a handset file is previewed on its own site\'s base station, which the report names', () => {
  const repo = repository();
  const globex = run(repo, 'preview', path.join('globex', 'handsets', 'hs_02c332b531.xml'));
  assert.equal(globex.code, 0, globex.stdout);
  assert.match(globex.stdout, /^Base station +globex\/dp750\.xml \(XML v1 config\)$/m);
  assert.match(globex.stdout, /^Request +https:\/\/prov\.globex\.example\/dect\/hs_02c332b531\.xml$/m);
  const annex = run(repo, 'preview', path.join('acme', 'annex', 'handsets', 'ipei_02c332b524.xml'));
  assert.equal(annex.code, 0, annex.stdout);
  assert.match(annex.stdout, /^Base station +acme\/annex\/dp752\.txt /m);
  const project = run(repo, 'preview', path.join('project-only', 'handsets', 'ipei_02c332b563.xml'));
  assert.equal(project.code, 0, project.stdout);
  assert.match(project.stdout, /^Base station +factory default with handset provisioning on \(no base-station config found; settings from project-only\/hsconfig\.json\)$/m);
  assert.match(run(repo, 'preview', '--base', path.join('acme', 'dp750.txt'), path.join('globex', 'handsets', 'hs_02c332b531.xml')).stdout, /^Outcome +stopped/m);
});

const CSV = 'ipei,hs_name,line1.user_id,line1.profile_name\n02c332b535,New,4405,GlobexVoIP\n02c332b536,Stray,4406,AcmePBX\n';

test('generate: files written into a site take its profile names and file prefix; a row with another site\'s profile is skipped', () => {
  const repo = repository();
  writeFileSync(path.join(repo, 'handsets.csv'), CSV);
  const out = path.join('globex', 'handsets');
  const r = run(repo, 'generate', '--csv', 'handsets.csv', '--out-dir', out);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, `row 2 -> ${path.join(out, 'hs_02c332b535.xml')}\n`);
  assert.match(r.stderr, /^hsconfig: from globex\/dp750\.xml, the site of globex\/handsets: profiles GlobexVoIP, Office, profile3, profile4; files named hs_<IPEI>\.xml\.$/m);
  assert.match(r.stderr, /^ {2}row 3: No base-station profile is named 'AcmePBX'; the profiles are 'GlobexVoIP', 'Office'/m);
  assert.equal(run(repo, 'validate', 'globex').code, 0, 'the new file is clean against its site');
  // The options still win over the site.
  const given = run(repo, 'generate', '--csv', 'handsets.csv', '--out-dir', path.join('initech', 'new'), '--profiles', 'GlobexVoIP,AcmePBX', '--prefix', 'x_');
  assert.equal(given.code, 0, given.stderr);
  assert.match(given.stdout, /x_02c332b536\.xml/);
});

test('generate: a site described by hsconfig.json alone gives its profile names', () => {
  const repo = repository();
  writeFileSync(path.join(repo, 'handsets.csv'), 'ipei,line1.user_id,line1.profile_name\n02c332b565,44201005,Hosted2\n');
  const r = run(repo, 'generate', '--csv', 'handsets.csv', '--out-dir', path.join('project-only', 'handsets'));
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /^hsconfig: from project-only\/hsconfig\.json, the site of project-only\/handsets: profiles Hosted1, Hosted2; files named ipei_<IPEI>\.xml\.$/m);
  assert.equal(run(repo, 'generate', '--csv', 'handsets.csv', '--out-dir', path.join('unconfigured', 'handsets')).code, 1, 'the factory names have no Hosted2');
});

test('encrypt: each file is checked against its own site and named with its site\'s prefix', () => {
  const repo = repository();
  copyFileSync(path.join(repo, acmeHandset), path.join(repo, 'globex', 'handsets', 'ipei_02c332b510.xml'));
  const r = spawnSync(process.execPath, [CLI, 'encrypt', '--out-dir', 'out', path.join('globex', 'handsets'), path.join('acme', 'handsets', 'ipei_02c332b511.xml')], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, HSCONFIG_PASSWORD: 'Example-Pass1' },
  });
  assert.equal(r.status, 1);
  const targets = r.stdout.trim().split('\n').map((l) => path.basename(l.split(' -> ')[1]));
  assert.deepEqual(targets, ['hs_02c332b530.xml', 'hs_02c332b531.xml', 'hs_02c332b532.xml', 'hs_02c332b533.xml', 'hs_02c332b534.xml', 'ipei_02c332b511.xml']);
  assert.match(r.stderr, /ipei_02c332b510\.xml:8:21 error profile-unknown No base-station profile is named 'AcmePBX'; the profiles are 'GlobexVoIP'/);
  assert.match(r.stderr, /^6 of 7 files encrypted\.$/m);
});

/** `hsconfig serve` started in `cwd`, once it prints its address; stopped when the test ends. */
async function served(t: TestContext, cwd: string, ...args: string[]): Promise<{ url: string; stderr: string; get: (name: string) => Promise<number> }> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const url = await new Promise<string>((resolve, reject) => {
    // Started once the address is out and so is the advice that follows the notes (127.0.0.1 reaches no base station).
    const started = () => {
      const found = /^Serving .* at (http:\/\/\S+) /m.exec(stdout)?.[1];
      if (found && stderr.includes('Only this machine can connect')) resolve(found);
    };
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      started();
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
      started();
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  const get = async (name: string) => (await fetch(url + name)).status;
  const exited = new Promise((resolve) => child.on('exit', resolve));
  t.after(async () => {
    child.kill('SIGTERM');
    await exited;
  });
  return { url, stderr, get };
}

test('serve: without --path, the folder is served under the path of its site\'s Config Server Path (P237)', async (t) => {
  const repo = repository();
  const globex = await served(t, repo, path.join('globex', 'handsets'));
  assert.match(globex.url, /^http:\/\/127\.0\.0\.1:\d+\/dect\/$/);
  assert.equal(await globex.get('hs_02c332b530.xml'), 200);
  assert.match(globex.stderr, /^hsconfig: the path \/dect is that of the Config Server Path \(P237\) in globex\/dp750\.xml; --path changes it\.$/m);
  assert.match(globex.stderr, /^hsconfig: warning: The base station fetches over HTTPS \(P212=2\)/m);
  const given = await served(t, repo, '--path', '/mine', path.join('globex', 'handsets'));
  assert.match(given.url, /\/mine\/$/);
  const none = await served(t, repo, path.join('unconfigured', 'handsets'));
  assert.match(none.url, /:\d+\/$/);
});

test('the help says how a site is found, once, and each command that reads sites repeats it in its own help', () => {
  const all = run(FIXTURE, '--help').stdout;
  assert.equal(all.split('Sites: without --base').length - 1, 1);
  for (const command of ['validate', 'simulate', 'preview', 'generate', 'serve', 'encrypt']) assert.match(run(FIXTURE, command, '--help').stdout, /^Sites: without --base, each file is read against its site/m, command);
  assert.doesNotMatch(run(FIXTURE, 'decrypt', '--help').stdout, /^Sites:/m);
});
