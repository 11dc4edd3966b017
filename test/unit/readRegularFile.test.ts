// Files that are not regular files, or too large, named where a path comes from a workspace, a setting or the command
// line (issue 27, severe 3): a FIFO is refused without waiting for a writer, /dev/zero without reading it, and the
// server's base-station file, the CLI's inputs and a folder walk each say why and go on.

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import type { Site } from '../../server/src/sites/sites';
import { describeFsError } from '../../shared/files/fsErrors';
import { MAX_FILE_BYTES } from '../../shared/files/fileLimits';
import { readRegularFile, readRegularFileHead, readRegularFileSync } from '../../shared/files/readRegularFile';
import { returnsWithin } from './deadline';
import { handset } from './helpers';

const CLI = path.join(__dirname, '..', '..', '..', 'dist', 'cli.js');
const noFifo = process.platform === 'win32' && 'no FIFOs on Windows';
const scratch = mkdtempSync(path.join(tmpdir(), 'hsconfig-regular-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

let cases = 0;
function place(): string {
  const dir = path.join(scratch, `case${++cases}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}
const fifo = (file: string) => execFileSync('mkfifo', [file]);

/** Each way a path can lead to something that is not a regular file of a readable size. */
function hostile(dir: string, name: string): Record<string, string> {
  const made: Record<string, string> = {};
  made.fifo = path.join(dir, `fifo-${name}`);
  fifo(made.fifo);
  made.zero = path.join(dir, `zero-${name}`);
  symlinkSync('/dev/zero', made.zero);
  made.large = path.join(dir, `large-${name}`);
  writeFileSync(made.large, '');
  truncateSync(made.large, MAX_FILE_BYTES + 1);
  return made;
}

test('a regular file is read whole, sync and async, and its head alone on request', { skip: noFifo }, async () => {
  const file = path.join(place(), 'a.txt');
  const text = 'P27762=Office\n'.repeat(10_000);
  writeFileSync(file, text);
  assert.equal((await readRegularFile(file)).toString(), text);
  assert.equal(readRegularFileSync(file).toString(), text);
  assert.equal((await readRegularFileHead(file, 6)).toString(), 'P27762');
  assert.equal((await readRegularFile(file, text.length)).length, text.length, 'exactly at the limit is allowed');
});

test('a FIFO, /dev/zero and an oversized file are refused at once with their reasons; a missing file keeps ENOENT', { skip: noFifo }, async () => {
  const made = hostile(place(), 'x');
  for (const read of [(f: string) => readRegularFile(f), async (f: string) => readRegularFileSync(f), (f: string) => readRegularFileHead(f, 10)]) {
    await assert.rejects(read(made.fifo), (err: NodeJS.ErrnoException) => err.code === 'ENOTREG');
    await assert.rejects(read(made.zero), (err: NodeJS.ErrnoException) => err.code === 'ENOTREG');
    await assert.rejects(read(path.join(scratch, 'missing')), (err: NodeJS.ErrnoException) => err.code === 'ENOENT');
  }
  await assert.rejects(readRegularFile(made.large), (err: NodeJS.ErrnoException) => err.code === 'EFBIG');
  assert.throws(() => readRegularFileSync(made.large), (err: NodeJS.ErrnoException) => err.code === 'EFBIG');
  assert.equal(describeFsError(Object.assign(new Error('x'), { code: 'ENOTREG' })), 'it is not a regular file (a pipe, device or socket)');
  assert.equal(describeFsError(Object.assign(new Error('x'), { code: 'EFBIG' })), 'it is larger than 16 MiB');
});

test("the workspace's base-station file as a FIFO or /dev/zero is a problem to report, said at once", { skip: noFifo }, async () => {
  const folder = place();
  mkdirSync(path.join(folder, '.vscode'));
  const file = path.join(folder, '.vscode', 'hsconfig-base-station.json');
  for (const make of [() => fifo(file), () => symlinkSync('/dev/zero', file)]) {
    rmSync(file, { force: true });
    make();
    const found = await returnsWithin<Site>(10_000, 'server/src/sites/siteFs', 'siteOfFile', undefined, undefined, file);
    assert.equal(found.model, undefined);
    assert.equal(found.problem, `${file}: cannot be read: it is not a regular file (a pipe, device or socket)`);
  }
});

test('a FIFO or /dev/zero among the files of a site folder is passed over at once, not read', { skip: noFifo }, async () => {
  const folder = place();
  const file = path.join(folder, 'dp750.txt');
  for (const make of [() => fifo(file), () => symlinkSync('/dev/zero', file)]) {
    rmSync(file, { force: true });
    make();
    writeFileSync(path.join(folder, 'base.cfg'), 'P27762=Office\n');
    const found = await returnsWithin<Site>(10_000, 'server/src/sites/siteFs', 'siteOfFile', path.join(folder, 'ipei_02c332b510.xml'), folder);
    assert.equal(found.configFile, path.join(folder, 'base.cfg'), 'the regular config beside it is the site');
    assert.equal(found.model?.profiles[0].name, 'Office');
  }
});

function hsconfig(args: readonly string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd, input: '', timeout: 20_000, killSignal: 'SIGKILL' });
  assert.equal(r.signal, null, `hsconfig ${args.join(' ')} did not finish within 20 s`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('validate names a FIFO, /dev/zero and an oversized file as unreadable, and checks the other files', { skip: noFifo }, () => {
  const dir = place();
  const made = hostile(dir, 'ipei_02c332b520.xml');
  writeFileSync(path.join(dir, 'ipei_02c332b510.xml'), handset().replace('>profile1<', '>NoSuch<'));
  const r = hsconfig(['validate', made.fifo, made.zero, made.large, 'ipei_02c332b510.xml'], dir);
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.match(r.stdout, /fifo-ipei_02c332b520\.xml:1:1 error file-unreadable Cannot be read: it is not a regular file \(a pipe, device or socket\)\./);
  assert.match(r.stdout, /zero-ipei_02c332b520\.xml:1:1 error file-unreadable Cannot be read: it is not a regular file/);
  assert.match(r.stdout, /large-ipei_02c332b520\.xml:1:1 error file-unreadable Cannot be read: it is larger than 16 MiB\./);
  assert.match(r.stdout, /ipei_02c332b510\.xml:\d+:\d+ error profile-unknown/);
});

test('a folder walk reports an oversized handset file and goes on with the rest', { skip: noFifo }, () => {
  const dir = place();
  mkdirSync(path.join(dir, 'a'));
  const large = path.join(dir, 'a', 'ipei_02c332b520.xml');
  writeFileSync(large, '');
  truncateSync(large, MAX_FILE_BYTES + 1);
  fifo(path.join(dir, 'a', 'ipei_02c332b530.xml'));
  writeFileSync(path.join(dir, 'ipei_02c332b510.xml'), handset().replace('>profile1<', '>NoSuch<'));
  const r = hsconfig(['validate', '.'], dir);
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.match(r.stdout, /a\/ipei_02c332b520\.xml:1:1 error file-unreadable Cannot be read: it is larger than 16 MiB\./);
  assert.match(r.stdout, /ipei_02c332b510\.xml:\d+:\d+ error profile-unknown/);
  assert.doesNotMatch(r.stdout, /ipei_02c332b530/, 'a FIFO in a folder is not a file to check');
});

test('--base naming a FIFO or /dev/zero, and encrypt or decrypt of one, fail with the reason at once', { skip: noFifo }, () => {
  const dir = place();
  const made = hostile(dir, 'base.txt');
  writeFileSync(path.join(dir, 'ipei_02c332b510.xml'), handset());
  for (const base of [made.fifo, made.zero]) {
    const r = hsconfig(['validate', '--base', base, 'ipei_02c332b510.xml'], dir);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /not a regular file/);
  }
  const env = { ...process.env, HSCONFIG_PASSWORD: 'Passw0rd-for-tests' };
  for (const command of ['encrypt', 'decrypt']) {
    const r = spawnSync(process.execPath, [CLI, command, made.fifo], { encoding: 'utf8', cwd: dir, env, input: '', timeout: 20_000, killSignal: 'SIGKILL' });
    assert.equal(r.signal, null, `${command} of a FIFO did not finish`);
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /not a regular file/, `${command}: ${r.stderr}`);
  }
});
