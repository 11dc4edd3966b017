// The one atomic writer (shared/files/atomicWrite.ts) that the CLI and the editor both write through: no failure
// leaves a temporary file, an existing file is replaced only when asked, and a temporary file left by a process that
// was killed is removed by the next write into its folder.

import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { OutputExistsError, WriteError, writeFileAtomic } from '../../shared/files/atomicWrite';

const folder = () => mkdtempSync(path.join(tmpdir(), 'hsconfig-write-'));
const data = Buffer.from('Salted__ and then some bytes');

test('a write that succeeds leaves only the target, with the bytes given', () => {
  const dir = folder();
  writeFileAtomic(path.join(dir, 'ipei_02c332b510.xml'), data);
  assert.deepEqual(readdirSync(dir), ['ipei_02c332b510.xml']);
  assert.deepEqual(readFileSync(path.join(dir, 'ipei_02c332b510.xml')), data);
});

test('without overwrite an existing target is kept, and no temporary file is left', () => {
  const dir = folder();
  const target = path.join(dir, 'ipei_02c332b510.xml');
  writeFileSync(target, 'old');
  assert.throws(() => writeFileAtomic(target, data), (err: unknown) => err instanceof OutputExistsError && err.file === target);
  assert.deepEqual(readdirSync(dir), ['ipei_02c332b510.xml']);
  assert.equal(readFileSync(target, 'utf8'), 'old');
});

test('with overwrite the target is replaced in one step', () => {
  const dir = folder();
  const target = path.join(dir, 'ipei_02c332b510.xml');
  writeFileSync(target, 'old');
  writeFileAtomic(target, data, { overwrite: true });
  assert.deepEqual(readdirSync(dir), ['ipei_02c332b510.xml']);
  assert.deepEqual(readFileSync(target), data);
});

test('a folder that cannot be written gives a WriteError that names the target, never the temporary file', { skip: process.getuid?.() === 0 && 'root writes into a read-only folder' }, () => {
  const dir = folder();
  chmodSync(dir, 0o500);
  try {
    const target = path.join(dir, 'ipei_02c332b510.xml');
    assert.throws(() => writeFileAtomic(target, data), (err: unknown) => err instanceof WriteError && err.message.startsWith(`cannot write ${target}: `) && !err.message.includes('.tmp'));
    assert.deepEqual(readdirSync(dir), []);
  } finally {
    chmodSync(dir, 0o700);
  }
});

test("a temporary file of a process that no longer runs is removed by the next write into its folder, and reported", () => {
  const dir = folder();
  // No process has pid 2^22 + 1 on Linux (pid_max is at most 2^22).
  const stale = path.join(dir, `.ipei_02c332b510.xml.${2 ** 22 + 1}.0badf00d.tmp`);
  writeFileSync(stale, 'half a plaintext');
  const reported: string[] = [];
  writeFileAtomic(path.join(dir, 'ipei_02c332b511.xml'), data, { onStaleTemporary: (f) => reported.push(f) });
  assert.deepEqual(readdirSync(dir), ['ipei_02c332b511.xml']);
  assert.deepEqual(reported, [stale]);
});

test('a temporary file of this very process is not taken for a stale one', () => {
  const dir = folder();
  const ours = path.join(dir, `.other.xml.${process.pid}.0badf00d.tmp`);
  writeFileSync(ours, 'in progress');
  writeFileAtomic(path.join(dir, 'ipei_02c332b511.xml'), data);
  assert.ok(readdirSync(dir).includes(path.basename(ours)));
});
