// `hsconfig encrypt` and `decrypt` as users run them: dist/cli.js in a child process, on temporary files.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { opensslEnc } from './cryptoHelpers';
import { handset } from './helpers';

const CLI = path.join(__dirname, '..', '..', '..', 'dist', 'cli.js');
const PASSWORD = 'Tr0ub4dor&3';
const scratch = mkdtempSync(path.join(tmpdir(), 'hsconfig-cli-crypto-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

interface Run {
  readonly status: number | null;
  readonly stdout: Buffer;
  readonly stderr: string;
}

/** Runs the CLI; the password is never expected in its output, whatever the outcome. */
function hsconfig(args: readonly string[], options: { password?: string | null; input?: string } = {}): Run {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.HSCONFIG_PASSWORD;
  const password = options.password === undefined ? PASSWORD : options.password;
  if (password !== null) env.HSCONFIG_PASSWORD = password;
  const r = spawnSync(process.execPath, [CLI, ...args], { env, input: options.input ?? '' });
  const run = { status: r.status, stdout: r.stdout, stderr: r.stderr.toString() };
  for (const secret of [PASSWORD, password ?? PASSWORD]) {
    assert.ok(!run.stdout.includes(secret) && !run.stderr.includes(secret), 'the password must never be printed');
  }
  return run;
}

let folders = 0;
function folder(files: Record<string, string> = {}): string {
  const dir = path.join(scratch, `case${++folders}`);
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

test('encrypt a folder: files named ipei_<IPEI>.xml (the default prefix) in encrypted/, readable by openssl enc -d -md md5', () => {
  const dir = folder({ 'front.xml': handset({ ipei: '02C332B510' }), 'back.xml': handset({ ipei: '02c332b511' }), 'notes.txt': 'x' });
  const run = hsconfig(['encrypt', dir]);
  assert.equal(run.status, 0, run.stderr);
  const out = path.join(dir, 'encrypted');
  assert.deepEqual(readdirSync(out).sort(), ['ipei_02c332b510.xml', 'ipei_02c332b511.xml'], 'lower-case IPEI, and no temporary files left');
  const plain = opensslEnc(['-d', '-md', 'md5'], readFileSync(path.join(out, 'ipei_02c332b510.xml')), PASSWORD);
  assert.deepEqual(plain, readFileSync(path.join(dir, 'front.xml')));
});

test('decrypt prints the plaintext and names the derivation', () => {
  const dir = folder({ 'h.xml': handset() });
  assert.equal(hsconfig(['encrypt', dir]).status, 0);
  const run = hsconfig(['decrypt', path.join(dir, 'encrypted', 'ipei_02c332b510.xml')]);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout.toString(), handset());
  assert.match(run.stderr, /MD5/);
  assert.doesNotMatch(run.stderr, /warning/);
});

test('decrypt reads what openssl writes with its defaults, and warns that the base station cannot', () => {
  const dir = folder();
  const file = path.join(dir, '02c332b510.xml');
  writeFileSync(file, opensslEnc(['-e'], Buffer.from(handset()), PASSWORD));
  const run = hsconfig(['decrypt', file]);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout.toString(), handset());
  assert.match(run.stderr, /SHA-256/);
  assert.match(run.stderr, /warning: the base station probably cannot read this file/);
});

test('prefix, postfix and --out-dir shape the output name; --out names it outright', () => {
  const dir = folder({ 'h.xml': handset() });
  const outDir = path.join(dir, 'srv');
  assert.equal(hsconfig(['encrypt', '--prefix', 'ipei_', '--postfix', '.enc', '--out-dir', outDir, dir]).status, 0);
  assert.deepEqual(readdirSync(outDir), ['ipei_02c332b510.xml.enc']);
  const single = path.join(dir, 'one.bin');
  assert.equal(hsconfig(['encrypt', '--out', single, path.join(dir, 'h.xml')]).status, 0);
  assert.equal(hsconfig(['decrypt', single]).stdout.toString(), handset());
});

test('an existing output is never replaced without --force', () => {
  const dir = folder({ 'h.xml': handset() });
  const out = path.join(dir, 'encrypted', 'ipei_02c332b510.xml');
  assert.equal(hsconfig(['encrypt', dir]).status, 0);
  const first = readFileSync(out);
  const again = hsconfig(['encrypt', dir]);
  assert.equal(again.status, 1);
  assert.match(again.stderr, /already exists; use --force/);
  assert.deepEqual(readFileSync(out), first);
  assert.equal(hsconfig(['encrypt', '--force', dir]).status, 0);
  assert.notDeepEqual(readFileSync(out), first, 'a new random salt');
  assert.deepEqual(readdirSync(path.dirname(out)), ['ipei_02c332b510.xml']);
});

test('an output that would be the input file itself is refused, even with --force: the plaintext is kept', () => {
  const dir = folder({ 'ipei_02c332b510.xml': handset() });
  const file = path.join(dir, 'ipei_02c332b510.xml');
  for (const args of [['--out-dir', dir], ['--out', file]]) {
    const run = hsconfig(['encrypt', '--force', ...args, file]);
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stderr, /ipei_02c332b510\.xml: the encrypted file would replace this file itself; choose another --out-dir or --out/);
    assert.equal(readFileSync(file, 'utf8'), handset(), 'the plaintext is not replaced by its ciphertext');
  }
  assert.deepEqual(readdirSync(dir), ['ipei_02c332b510.xml']);
});

test('a file without a usable <ipei> is refused, even with --force', () => {
  const dir = folder({
    'none.xml': handset().replace(/ *<ipei>.*\n/, ''),
    'decimal.xml': handset({ ipei: '1131501774242' }),
    'traversal.xml': handset({ ipei: '../../x' }),
  });
  const run = hsconfig(['encrypt', '--force', dir]);
  assert.equal(run.status, 1);
  assert.match(run.stderr, /none\.xml: has no <ipei>/);
  assert.match(run.stderr, /decimal\.xml: <ipei> must be 10 hex digits/);
  assert.match(run.stderr, /traversal\.xml: <ipei> must be 10 hex digits/);
  assert.match(run.stderr, /0 of 3 files encrypted/);
  assert.deepEqual(readdirSync(dir).sort(), ['decimal.xml', 'none.xml', 'traversal.xml']);
});

test('a file with validation errors is skipped with its errors listed, and encrypted with --force', () => {
  const dir = folder({ 'h.xml': handset({ sip: '  <sip>\n    <line>\n      <profile_name>nosuch</profile_name>\n      <user_id>1</user_id>\n    </line>\n  </sip>\n' }) });
  const run = hsconfig(['encrypt', dir]);
  assert.equal(run.status, 1);
  assert.match(run.stderr, /h\.xml:\d+:\d+ error /);
  assert.match(run.stderr, /use --force to encrypt anyway/);
  assert.equal(readdirSync(dir).includes('encrypted'), false);
  const forced = hsconfig(['encrypt', '--force', dir]);
  assert.equal(forced.status, 0, forced.stderr);
  assert.match(forced.stderr, /encrypting anyway/);
  assert.equal(hsconfig(['encrypt', '--profiles', 'nosuch', '--out-dir', path.join(dir, 'o2'), dir]).status, 0);
});

test('the password comes from a file (first line) or standard input, and never from an argument', () => {
  const dir = folder({ 'h.xml': handset() });
  const pwFile = path.join(dir, 'pw.txt');
  writeFileSync(pwFile, `${PASSWORD}\r\nsecond line ignored\n`);
  assert.equal(hsconfig(['encrypt', '--password-file', pwFile, '--out-dir', path.join(dir, 'a'), dir], { password: null }).status, 0);
  const viaFile = readFileSync(path.join(dir, 'a', 'ipei_02c332b510.xml'));
  assert.deepEqual(opensslEnc(['-d', '-md', 'md5'], viaFile, PASSWORD), Buffer.from(handset()));
  const viaStdin = hsconfig(['decrypt', '--password-stdin', path.join(dir, 'a', 'ipei_02c332b510.xml')], { password: null, input: `${PASSWORD}\n` });
  assert.equal(viaStdin.status, 0, viaStdin.stderr);
  assert.equal(viaStdin.stdout.toString(), handset());

  const asArgument = hsconfig(['encrypt', `--password=${PASSWORD}`, dir], { password: null });
  assert.equal(asArgument.status, 2);
  assert.match(asArgument.stderr, /never taken as an argument/);
  const missing = hsconfig(['encrypt', dir], { password: null });
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /No password given/);
});

test('encrypt refuses a password the base station cannot store, without echoing it', () => {
  const dir = folder({ 'h.xml': handset() });
  const run = hsconfig(['encrypt', dir], { password: 'has a space' });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /space/);
  assert.equal(readdirSync(dir).includes('encrypted'), false);
});

test('decrypt failures exit 1 with a plain message: wrong password, truncated, not encrypted', () => {
  const dir = folder({ 'plain.xml': handset() });
  assert.equal(hsconfig(['encrypt', dir]).status, 0);
  const encrypted = path.join(dir, 'encrypted', 'ipei_02c332b510.xml');
  const wrong = hsconfig(['decrypt', encrypted], { password: 'not-it' });
  assert.equal(wrong.status, 1);
  assert.match(wrong.stderr, /password is wrong/);
  const cut = path.join(dir, 'cut.bin');
  writeFileSync(cut, readFileSync(encrypted).subarray(0, 40));
  assert.match(hsconfig(['decrypt', cut]).stderr, /truncated/);
  const plain = hsconfig(['decrypt', path.join(dir, 'plain.xml')]);
  assert.equal(plain.status, 1);
  assert.match(plain.stderr, /not encrypted/);
});

test('decrypt --out writes an owner-only file and never replaces one without --force', () => {
  const dir = folder({ 'h.xml': handset() });
  assert.equal(hsconfig(['encrypt', dir]).status, 0);
  const encrypted = path.join(dir, 'encrypted', 'ipei_02c332b510.xml');
  const out = path.join(dir, 'plain-again.xml');
  assert.equal(hsconfig(['decrypt', '--out', out, encrypted]).status, 0);
  assert.equal(readFileSync(out, 'utf8'), handset());
  if (process.platform !== 'win32') assert.equal(statSync(out).mode & 0o777, 0o600);
  writeFileSync(out, 'keep me');
  assert.equal(hsconfig(['decrypt', '--out', out, encrypted]).status, 1);
  assert.equal(readFileSync(out, 'utf8'), 'keep me');
  assert.equal(hsconfig(['decrypt', '--force', '--out', out, encrypted]).status, 0);
  assert.equal(readFileSync(out, 'utf8'), handset());
});

test('--md sha256 warns, and openssl with its default digest reads the result', () => {
  const dir = folder({ 'h.xml': handset() });
  const run = hsconfig(['encrypt', '--md', 'sha256', dir]);
  assert.equal(run.status, 0);
  assert.match(run.stderr, /warning: with --md sha256/);
  const data = readFileSync(path.join(dir, 'encrypted', 'ipei_02c332b510.xml'));
  assert.deepEqual(opensslEnc(['-d'], data, PASSWORD), Buffer.from(handset()));
});

test('bad usage exits 2', () => {
  const dir = folder({ 'a.xml': handset(), 'b.xml': handset({ ipei: '02c332b511' }) });
  assert.equal(hsconfig(['encrypt', '--out', path.join(dir, 'x'), dir]).status, 2);
  assert.equal(hsconfig(['encrypt', '--md', 'sha1', dir]).status, 2);
  assert.equal(hsconfig(['encrypt', '--prefix', '../', dir]).status, 2);
  assert.equal(hsconfig(['encrypt']).status, 2);
  assert.equal(hsconfig(['decrypt']).status, 2);
  assert.equal(hsconfig(['decrypt', path.join(dir, 'missing.xml')]).status, 2);
});
