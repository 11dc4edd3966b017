// `hsconfig generate` as users run it: dist/cli.js in a child process, on temporary files.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { opensslEnc } from './cryptoHelpers';
import { diagnose, handset } from './helpers';

const CLI = path.join(__dirname, '..', '..', '..', 'dist', 'cli.js');
const PASSWORD = 'Deploy-Passw0rd';
const scratch = mkdtempSync(path.join(tmpdir(), 'hsconfig-deploy-cli-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

let cases = 0;
/** A fresh folder holding the given files; returns its path. */
function folder(files: Record<string, string | Buffer> = {}): string {
  const dir = path.join(scratch, `case${++cases}`);
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

function hsconfig(args: readonly string[], options: { password?: string; cwd?: string } = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.HSCONFIG_PASSWORD;
  if (options.password !== undefined) env.HSCONFIG_PASSWORD = options.password;
  const r = spawnSync(process.execPath, [CLI, ...args], { env, encoding: 'utf8', cwd: options.cwd, input: '' });
  assert.ok(!r.stdout.includes(PASSWORD) && !r.stderr.includes(PASSWORD), 'the password must never be printed');
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const CSV = [
  '\uFEFFipei;hs_name;line1.profile_name;line1.user_id;line1.display_name;line1.password;force_apply;auto_answer',
  '02c332b510;Front;profile1;5328;"Smith; ""Boss""";s3cret&<;1;1',
  '11315 0177425 3;Back;profile1;5329;;;;',
  '',
].join('\r\n');

test('generate: a semicolon CSV with a BOM becomes valid files named ipei_<IPEI>.xml, exit 0', () => {
  const dir = folder({ 'h.csv': CSV });
  const r = hsconfig(['generate', '--csv', 'h.csv', '--out-dir', 'out'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(r.stdout.trim().split('\n'), [`row 2 -> ${path.join('out', 'ipei_02c332b510.xml')}`, `row 3 -> ${path.join('out', 'ipei_02c332b511.xml')}`]);
  assert.match(r.stderr, /^2 handset files written to out; 0 rows skipped\.$/m);
  const out = path.join(dir, 'out');
  assert.deepEqual(readdirSync(out).sort(), ['ipei_02c332b510.xml', 'ipei_02c332b511.xml'], 'no temporary files left');
  const front = readFileSync(path.join(out, 'ipei_02c332b510.xml'), 'utf8');
  assert.match(front, /<display_name>Smith; "Boss"<\/display_name>\n {6}<password>s3cret&amp;&lt;<\/password>/);
  for (const name of readdirSync(out)) {
    assert.deepEqual(diagnose(readFileSync(path.join(out, name), 'utf8'), `file:///srv/${name}`), [], name);
  }
  assert.equal(statSync(path.join(out, 'ipei_02c332b510.xml')).mode & 0o777, 0o600, 'plain files hold SIP passwords');
  const validated = hsconfig(['validate', 'out'], { cwd: dir });
  assert.equal(validated.code, 0, validated.stdout);
});

test('generate: skipped rows are listed by number with the reason, exit 1, the good rows are still written', () => {
  const csv = 'ipei,hs_name,line1.profile_name,line1.user_id\n02c332b510,A,profile1,1\n1131501774243,B,profile1,2\n02C332B510,C,profile1,3\n02c332b512,D,profile9,4\n02c332b513,E\n';
  const dir = folder({ 'h.csv': csv });
  const r = hsconfig(['generate', '--csv', 'h.csv', '--out-dir', 'out', '--prefix', ''], { cwd: dir });
  assert.equal(r.code, 1);
  assert.deepEqual(readdirSync(path.join(dir, 'out')), ['02c332b510.xml']);
  assert.match(r.stderr, /1 handset file written to out; 4 rows skipped:/);
  assert.match(r.stderr, /^ {2}row 3: The check digit of IPEI 11315 0177424 3 is wrong: it should be 2\./m);
  assert.match(r.stderr, /^ {2}row 4: IPEI 02c332b510 is already on row 2/m);
  assert.match(r.stderr, /^ {2}row 5: No base-station profile is named 'profile9'/m);
  assert.match(r.stderr, /^ {2}row 6: It has 2 cells but the header has 4 columns\./m);
});

test('generate: an unknown column is a usage error with a suggestion, and nothing is written', () => {
  const dir = folder({ 'h.csv': 'ipei,hs_nam,line1.user_id,line11.user_id\n02c332b510,A,1,2\n' });
  const r = hsconfig(['generate', '--csv', 'h.csv', '--out-dir', 'out'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /Unknown column "hs_nam": did you mean "hs_name"\?/);
  assert.match(r.stderr, /Unknown column "line11\.user_id": a handset has at most 10 lines/);
  assert.equal(existsSync(path.join(dir, 'out')), false);
});

test('generate: the DID conflict is a warning; the files are still written', () => {
  const dir = folder({ 'h.csv': 'ipei,line1.profile_name,line1.user_id,line1.ring_type\n02c332b510,profile1,5328,DID\n02c332b511,profile1,5328,DID\n' });
  const r = hsconfig(['generate', '--csv', 'h.csv', '--out-dir', 'out'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /warning: rows 2 and 3: User ID '5328' on 'profile1' is on 2 handsets, and rows 2 and 3 set its ring_type to DID/);
  assert.equal(readdirSync(path.join(dir, 'out')).length, 2);
});

test('generate: nothing is overwritten without --force', () => {
  const dir = folder({ 'h.csv': 'ipei,hs_name,line1.profile_name,line1.user_id\n02c332b510,New,profile1,1\n02c332b511,New,profile1,2\n' });
  mkdirSync(path.join(dir, 'out'));
  writeFileSync(path.join(dir, 'out', 'ipei_02c332b510.xml'), 'old');
  const r = hsconfig(['generate', '--csv', 'h.csv', '--out-dir', 'out'], { cwd: dir });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /row 2: .*ipei_02c332b510\.xml already exists; use --force to replace it\./);
  assert.equal(readFileSync(path.join(dir, 'out', 'ipei_02c332b510.xml'), 'utf8'), 'old');
  assert.ok(existsSync(path.join(dir, 'out', 'ipei_02c332b511.xml')));
  const forced = hsconfig(['generate', '--csv', 'h.csv', '--out-dir', 'out', '--force'], { cwd: dir });
  assert.equal(forced.code, 0, forced.stderr);
  assert.match(readFileSync(path.join(dir, 'out', 'ipei_02c332b510.xml'), 'utf8'), /<hs_name>New<\/hs_name>/);
});

test('generate --encrypt: openssl enc -d -md md5 reads every file back to the plain one', () => {
  const dir = folder({ 'h.csv': CSV });
  const plain = hsconfig(['generate', '--csv', 'h.csv', '--out-dir', 'plain', '--postfix', '.enc'], { cwd: dir });
  assert.equal(plain.code, 0, plain.stderr);
  const r = hsconfig(['generate', '--csv', 'h.csv', '--out-dir', 'enc', '--postfix', '.enc', '--encrypt'], { cwd: dir, password: PASSWORD });
  assert.equal(r.code, 0, r.stderr);
  const names = readdirSync(path.join(dir, 'enc')).sort();
  assert.deepEqual(names, ['ipei_02c332b510.xml.enc', 'ipei_02c332b511.xml.enc']);
  for (const name of names) {
    const encrypted = readFileSync(path.join(dir, 'enc', name));
    assert.equal(encrypted.subarray(0, 8).toString('latin1'), 'Salted__');
    assert.deepEqual(opensslEnc(['-d', '-md', 'md5'], encrypted, PASSWORD), readFileSync(path.join(dir, 'plain', name)));
  }
});

test('generate --encrypt --md sha256 warns, and openssl reads it with -md sha256', () => {
  const dir = folder({ 'h.csv': 'ipei,line1.profile_name,line1.user_id\n02c332b510,profile1,1\n' });
  const r = hsconfig(['generate', '--csv', 'h.csv', '--out-dir', 'enc', '--encrypt', '--md', 'sha256'], { cwd: dir, password: PASSWORD });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /warning: with --md sha256 the base station probably cannot decrypt/);
  const back = opensslEnc(['-d', '-md', 'sha256'], readFileSync(path.join(dir, 'enc', 'ipei_02c332b510.xml')), PASSWORD).toString();
  assert.match(back, /<user_id>1<\/user_id>/);
});

test('generate --encrypt: a missing or unusable password is a usage error before anything is written', () => {
  const dir = folder({ 'h.csv': 'ipei,line1.profile_name,line1.user_id\n02c332b510,profile1,1\n' });
  const none = hsconfig(['generate', '--csv', 'h.csv', '--out-dir', 'enc', '--encrypt'], { cwd: dir });
  assert.equal(none.code, 2);
  assert.match(none.stderr, /No password given/);
  const spaced = hsconfig(['generate', '--csv', 'h.csv', '--out-dir', 'enc', '--encrypt'], { cwd: dir, password: 'has space' });
  assert.equal(spaced.code, 2);
  assert.match(spaced.stderr, /contains a space/);
  assert.equal(existsSync(path.join(dir, 'enc')), false);
  assert.equal(hsconfig(['generate', '--csv', 'h.csv', '--out-dir', 'enc', '--password', 'x', '--encrypt'], { cwd: dir }).code, 2);
});

test('generate --template: the template fills what the row leaves empty; a broken template stops everything', () => {
  const template = handset({
    ipei: '0000000000',
    name: '  <hs_name>Spare</hs_name>\n',
    settings: '  <hs_settings>\n    <admin>\n      <disable_conference>1</disable_conference>\n    </admin>\n  </hs_settings>\n',
  });
  const dir = folder({ 'h.csv': 'ipei,hs_name\n02c332b510,\n02c332b511,Desk\n', 'template.xml': template, 'broken.xml': handset({ name: '  <hs_name>Far too long</hs_name>\n' }) });
  const r = hsconfig(['generate', '--csv', 'h.csv', '--template', 'template.xml', '--out-dir', 'out'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  const spare = readFileSync(path.join(dir, 'out', 'ipei_02c332b510.xml'), 'utf8');
  const desk = readFileSync(path.join(dir, 'out', 'ipei_02c332b511.xml'), 'utf8');
  assert.match(spare, /<ipei>02c332b510<\/ipei>\n {2}<hs_name>Spare<\/hs_name>\n {2}<sip>\n {4}<line>\n {6}<profile_name>profile1/);
  assert.match(desk, /<hs_name>Desk<\/hs_name>[\s\S]*<disable_conference>1<\/disable_conference>/);
  const broken = hsconfig(['generate', '--csv', 'h.csv', '--template', 'broken.xml', '--out-dir', 'out2'], { cwd: dir });
  assert.equal(broken.code, 2);
  assert.match(broken.stderr, /broken\.xml:\d+:\d+ error value-too-long/);
  assert.match(broken.stderr, /The template broken\.xml has errors/);
  assert.equal(existsSync(path.join(dir, 'out2')), false);
});

test('generate: --profiles names the base station\'s profiles', () => {
  const dir = folder({ 'h.csv': 'ipei,line1.profile_name,line1.user_id\n02c332b510,Office PBX,1\n' });
  assert.equal(hsconfig(['generate', '--csv', 'h.csv', '--out-dir', 'a'], { cwd: dir }).code, 1);
  const r = hsconfig(['generate', '--csv', 'h.csv', '--out-dir', 'b', '--profiles', 'Office PBX,Trunk'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
});

test('generate: a CSV with only its header writes nothing and says so', () => {
  const dir = folder({ 'h.csv': 'ipei,hs_name\n\n' });
  const r = hsconfig(['generate', '--csv', 'h.csv', '--out-dir', 'out'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /warning: h\.csv has no handset rows/);
  assert.match(r.stderr, /0 handset files written to out; 0 rows skipped\./);
});

test('generate: bad usage exits 2', () => {
  const dir = folder({ 'h.csv': 'ipei\n02c332b510\n', 'open.csv': 'ipei,hs_name\n02c332b510,"open\n', 'noipei.csv': 'hs_name\nA\n' });
  for (const args of [
    ['generate'],
    ['generate', '--csv', 'h.csv'],
    ['generate', '--out-dir', 'o'],
    ['generate', '--csv', 'missing.csv', '--out-dir', 'o'],
    ['generate', '--csv', 'open.csv', '--out-dir', 'o'],
    ['generate', '--csv', 'noipei.csv', '--out-dir', 'o'],
    ['generate', '--csv', 'h.csv', '--out-dir', 'o', '--md', 'md5'],
    ['generate', '--csv', 'h.csv', '--out-dir', 'o', '--encrypt', '--md', 'sha1'],
    ['generate', '--csv', 'h.csv', '--out-dir', 'o', '--prefix', 'a/b'],
    ['generate', '--csv', 'h.csv', '--out-dir', 'o', '--template', 'missing.xml'],
    ['generate', '--csv', 'h.csv', '--out-dir', 'o', 'stray'],
  ]) {
    const r = hsconfig(args, { cwd: dir, password: PASSWORD });
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
  }
  assert.equal(existsSync(path.join(dir, 'o')), false);
});
