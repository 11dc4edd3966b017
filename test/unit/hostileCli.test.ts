// The CLI on unlucky input (issue 15): files over the size limit, files that are not UTF-8, folders and
// unreadable files, unwritable targets and closed pipes. dist/cli.js runs in a child process.

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { encrypt } from '../../shared/domain/opensslEnc';
import { handset } from './helpers';

const CLI = path.join(__dirname, '..', '..', '..', 'dist', 'cli.js');
const PASSWORD = 'Hostile-Passw0rd';
const scratch = mkdtempSync(path.join(tmpdir(), 'hsconfig-hostile-cli-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

let cases = 0;
function folder(files: Record<string, string | Buffer> = {}): string {
  const dir = path.join(scratch, `case${++cases}`);
  mkdirSync(dir);
  for (const [name, data] of Object.entries(files)) writeFileSync(path.join(dir, name), data);
  return dir;
}

function hsconfig(args: readonly string[], cwd: string, options: { shell?: string } = {}) {
  const env = { ...process.env, HSCONFIG_PASSWORD: PASSWORD };
  const r = options.shell
    ? spawnSync('/bin/sh', ['-c', options.shell], { env, encoding: 'utf8', cwd })
    : spawnSync(process.execPath, [CLI, ...args], { env, encoding: 'utf8', cwd, input: '', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const bigHandset = () => handset({ name: `  <hs_name>x</hs_name>\n  <!-- ${'y'.repeat(12_000_000)} -->\n`, sip: '  <sip>\n    <line>\n      <profile_name>NoSuchProfile</profile_name>\n      <user_id>1</user_id>\n    </line>\n  </sip>\n' });

test('item 6: validate fails on a file over the size limit, saying it was not checked', () => {
  const dir = folder({ 'ipei_02c332b510.xml': bigHandset() });
  const r = hsconfig(['validate', 'ipei_02c332b510.xml'], dir);
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.match(r.stdout, /error document-too-large .*not checked/);
});

test('item 6: encrypt refuses a file over the size limit', () => {
  const dir = folder({ 'ipei_02c332b510.xml': bigHandset() });
  const r = hsconfig(['encrypt', '--out-dir', 'enc', 'ipei_02c332b510.xml'], dir);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /document-too-large/);
  assert.equal(existsSync(path.join(dir, 'enc', 'ipei_02c332b510.xml')), false);
});

test('item 6: generate does not write a file whose value makes it too large to check', () => {
  const dir = folder({ 'h.csv': `ipei,hs_name,line1.profile_name,line1.user_id\n02c332b510,${'n'.repeat(10_000_001)},profile1,1\n` });
  const r = hsconfig(['generate', '--csv', 'h.csv', '--out-dir', 'out'], dir);
  assert.notEqual(r.code, 0, r.stderr);
  assert.match(r.stderr, /row 2/);
  assert.deepEqual(existsSync(path.join(dir, 'out')) ? readdirSync(path.join(dir, 'out')) : [], []);
});

const latin1 = () => Buffer.from(handset({ name: '  <hs_name>HS Müller</hs_name>\n' }), 'latin1');

test('item 7: a Latin-1 file that declares UTF-8 is an error at the first bad byte, with the fix named', () => {
  const dir = folder({ 'ipei_02c332b510.xml': latin1() });
  const r = hsconfig(['validate', 'ipei_02c332b510.xml'], dir);
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.match(r.stdout, /^ipei_02c332b510\.xml:4:16 error not-utf8 The file is not valid UTF-8: byte 0xFC at line 4, column 16 .*iconv -f ISO-8859-1 -t UTF-8/m);
  const preview = hsconfig(['preview', 'ipei_02c332b510.xml'], dir);
  assert.notEqual(preview.code, 0);
  assert.doesNotMatch(preview.stdout, /M\uFFFDller/);
  assert.match(preview.stderr, /not valid UTF-8.*line 4, column 16/);
  const enc = hsconfig(['encrypt', '--out-dir', 'enc', 'ipei_02c332b510.xml'], dir);
  assert.equal(enc.code, 1);
  assert.match(enc.stderr, /not valid UTF-8/);
  assert.doesNotMatch(enc.stderr, /encrypted already/);
});

test('item 7: a folder with a Latin-1 handset file still validates the others and reports that one', () => {
  const dir = folder({ 'ipei_02c332b510.xml': latin1(), 'ipei_02c332b511.xml': handset({ ipei: '02c332b511' }) });
  const r = hsconfig(['validate', '.'], dir);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /ipei_02c332b510\.xml:4:16 error not-utf8/);
  assert.match(r.stderr, /2 files checked/);
});

test('item 8: a UTF-16 file is named as UTF-16 with the conversion, not as encrypted', () => {
  for (const [name, data] of [
    ['le', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(handset(), 'utf16le')])],
    ['be', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(handset(), 'utf16le').swap16()])],
  ] as const) {
    const dir = folder({ 'ipei_02c332b510.xml': data });
    for (const args of [['validate'], ['preview'], ['encrypt', '--out-dir', 'enc']]) {
      const r = hsconfig([...args, 'ipei_02c332b510.xml'], dir);
      assert.notEqual(r.code, 0, `${name} ${args[0]}`);
      assert.match(r.stdout + r.stderr, /UTF-16 .*iconv -f UTF-16 -t UTF-8/, `${name} ${args[0]}`);
      assert.doesNotMatch(r.stdout + r.stderr, /is encrypted/, `${name} ${args[0]}`);
    }
  }
});

test('item 10: decrypt of a folder or an unreadable file says what it is, without the usage text', () => {
  const dir = folder({ 'secret.xml': encrypt(Buffer.from(handset()), PASSWORD) });
  mkdirSync(path.join(dir, 'sub'));
  const r = hsconfig(['decrypt', 'sub'], dir);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /sub is a folder: decrypt takes one encrypted file/);
  assert.doesNotMatch(r.stderr, /Usage/);
  const missing = hsconfig(['decrypt', 'nope.xml'], dir);
  assert.match(missing.stderr, /nope\.xml: no such file/);
  assert.doesNotMatch(missing.stderr, /Usage/);
  if (process.getuid?.() !== 0) {
    chmodSync(path.join(dir, 'secret.xml'), 0o000);
    const denied = hsconfig(['decrypt', 'secret.xml'], dir);
    assert.match(denied.stderr, /secret\.xml: cannot be read: permission denied/);
    chmodSync(path.join(dir, 'secret.xml'), 0o600);
  }
});

test('item 11: a write error names the target and the cause, not the temporary file', () => {
  const dir = folder({ 'secret.xml': encrypt(Buffer.from(handset()), PASSWORD) });
  mkdirSync(path.join(dir, 'ro'));
  const target = path.join('ro', 'plain.xml');
  // A folder where the target should be fails the same way as a read-only folder, for root too.
  mkdirSync(path.join(dir, 'ro', 'plain.xml'));
  const r = hsconfig(['decrypt', '--out', target, '--force', 'secret.xml'], dir);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /cannot write ro\/plain\.xml: /);
  assert.doesNotMatch(r.stderr, /\.tmp/);
  assert.deepEqual(readdirSync(path.join(dir, 'ro')), ['plain.xml'], 'no temporary file left');
  if (process.getuid?.() !== 0) {
    rmSync(path.join(dir, 'ro', 'plain.xml'), { recursive: true });
    chmodSync(path.join(dir, 'ro'), 0o555);
    const denied = hsconfig(['decrypt', '--out', target, 'secret.xml'], dir);
    assert.match(denied.stderr, /cannot write ro\/plain\.xml: permission denied/);
    assert.doesNotMatch(denied.stderr, /\.tmp/);
    chmodSync(path.join(dir, 'ro'), 0o755);
  }
});

test('item 12: a closed pipe ends the command quietly (schema --xsd | head -c1, a large decrypt | head -c1)', () => {
  const big = handset({ name: `  <hs_name>x</hs_name>\n  <!-- ${'z'.repeat(200_000)} -->\n` });
  const dir = folder({ 'secret.xml': encrypt(Buffer.from(big), PASSWORD) });
  for (const command of ['schema --xsd', 'decrypt secret.xml']) {
    const r = hsconfig([], dir, { shell: `"${process.execPath}" "${CLI}" ${command} | head -c1 >/dev/null` });
    assert.doesNotMatch(r.stderr, /EPIPE|Error|at /, command);
  }
});

test('item 5: a temporary file left by a killed run is removed by the next write into that folder, with a message', () => {
  const dir = folder({ 'secret.xml': encrypt(Buffer.from(handset()), PASSWORD) });
  // PIDs above the kernel's pid_max (4,194,304 at most) never run.
  const stale = '.plain.xml.4999999.0badcafe.tmp';
  writeFileSync(path.join(dir, stale), 'plaintext with SIP passwords', { mode: 0o600 });
  writeFileSync(path.join(dir, '.other.xml.4999998.12345678.tmp'), 'x');
  const r = hsconfig(['decrypt', '--out', 'plain.xml', 'secret.xml'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, new RegExp(`removed ${stale.replace(/\./g, '\\.')}, a temporary file left by an interrupted earlier run`));
  assert.deepEqual(readdirSync(dir).sort(), ['plain.xml', 'secret.xml']);
});

test('item 5: SIGTERM or SIGINT ends a waiting decrypt --out at once, leaving no file behind', async () => {
  const dir = folder({ 'secret.xml': encrypt(Buffer.from(handset()), PASSWORD) });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    const env = { ...process.env };
    delete env.HSCONFIG_PASSWORD;
    // The preload says `ready` once the CLI module has run (its signal handlers are in place) and waits for stdin.
    const ready = path.join(scratch, 'ready.js');
    writeFileSync(ready, "setImmediate(() => process.stderr.write('ready\\n'));\n");
    const child = spawn(process.execPath, ['--require', ready, CLI, 'decrypt', '--password-stdin', '--out', 'plain.xml', 'secret.xml'], { cwd: dir, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        if (stderr.includes('ready')) resolve();
      });
    });
    child.kill(signal);
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    assert.equal(code, signal === 'SIGTERM' ? 143 : 130, stderr);
    assert.doesNotMatch(stderr, /Error|at /);
    assert.deepEqual(readdirSync(dir), ['secret.xml']);
  }
});

test('item 7: a Latin-1 CSV is named as such, with where and how to convert it, not as a missing file', () => {
  const dir = folder({ 'h.csv': Buffer.from('ipei,hs_name\n02c332b510,Müller\n', 'latin1') });
  const r = hsconfig(['generate', '--csv', 'h.csv', '--out-dir', 'out'], dir);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /h\.csv: The file is not valid UTF-8: byte 0xFC at line 2, column 13 .*iconv/);
  assert.doesNotMatch(r.stderr, /No such file|Usage/);
  assert.match(hsconfig(['generate', '--csv', 'missing.csv', '--out-dir', 'out'], dir).stderr, /missing\.csv: no such file/);
});
