// A generation run as the command and the CLI drive it: the event loop gets its turns (so a cancel button works),
// and files land on disk readable by their owner only, or encrypted for the base station.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { decrypt } from '../../shared/domain/opensslEnc';
import { planColumns } from '../../server/src/deploy/columns';
import { readCsv } from '../../server/src/deploy/csvTable';
import { generateHandsets } from '../../server/src/deploy/generateHandsets';
import type { GeneratedFile } from '../../shared/deploy/generated';
import { writeHandsetFiles } from '../../shared/deploy/writeHandsetFiles';

function list(count: number) {
  const table = readCsv('ipei,line1.profile_name,line1.user_id\n' + Array.from({ length: count }, (_, i) => `02c3${i.toString(16).padStart(6, '0')},profile1,${i}`).join('\n'));
  return { columns: planColumns(table.header).columns, rows: table.rows };
}

function file(i: number): GeneratedFile {
  const ipei = `02c3${i.toString(16).padStart(6, '0')}`;
  return { row: i + 2, ipei, name: `${ipei}.xml`, xml: `<?xml version="1.0" encoding="UTF-8"?>\n<hs_config>\n  <ipei>${ipei}</ipei>\n</hs_config>\n` };
}

test('generating: a cancel request made from the event loop is taken within a few hundred rows', async () => {
  let cancel = false;
  setImmediate(() => (cancel = true));
  const r = await generateHandsets(list(1000), { isCancelled: () => cancel });
  assert.equal(r.cancelled, true, 'the run lets the event loop in while it works');
  assert.ok(r.files.length >= 1 && r.files.length < 1000, String(r.files.length));
});

test('generating: a row with one cell too few is told in the singular', async () => {
  const table = readCsv('ipei,hs_name\n02c332b510\n');
  const r = await generateHandsets({ columns: planColumns(table.header).columns, rows: table.rows });
  assert.deepEqual(r.skipped, [{ row: 2, reasons: ['It has 1 cell but the header has 2 columns.'] }]);
});

test('writing: a cancel request made from the event loop is taken within a few hundred files', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hsconfig-deploy-run-'));
  try {
    let cancel = false;
    setImmediate(() => (cancel = true));
    const r = await writeHandsetFiles(Array.from({ length: 600 }, (_, i) => file(i)), { outDir: dir }, { isCancelled: () => cancel });
    assert.equal(r.cancelled, true);
    assert.ok(r.written.length >= 1 && r.written.length < 600, String(r.written.length));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('writing: a plain file is readable by its owner only; an encrypted one decrypts to the XML and follows the umask', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hsconfig-deploy-run-'));
  try {
    const plain = await writeHandsetFiles([file(1)], { outDir: path.join(dir, 'plain', 'deep') });
    assert.deepEqual(plain.failed, []);
    assert.equal(statSync(plain.written[0].file).mode & 0o777, 0o600);
    assert.equal(readFileSync(plain.written[0].file, 'utf8'), file(1).xml);
    for (const digest of ['md5', 'sha256'] as const) {
      const out = path.join(dir, digest);
      const enc = await writeHandsetFiles([file(2)], { outDir: out, encryption: { password: 'pa55 wörd', digest } });
      const data = readFileSync(enc.written[0].file);
      assert.equal(data.subarray(0, 8).toString('latin1'), 'Salted__');
      const back = decrypt(data, 'pa55 wörd');
      assert.equal(back.plaintext.toString('utf8'), file(2).xml);
      assert.equal(back.derivation, digest);
      assert.equal(statSync(enc.written[0].file).mode & 0o777, 0o666 & ~process.umask());
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('writing with force replaces an existing file; without, the row fails with the reason and the file is kept', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hsconfig-deploy-run-'));
  try {
    const target = path.join(dir, file(3).name);
    writeFileSync(target, 'old');
    const kept = await writeHandsetFiles([file(3)], { outDir: dir });
    assert.deepEqual(kept.written, []);
    assert.equal(kept.failed.length, 1);
    assert.equal(kept.failed[0].row, 5);
    assert.match(kept.failed[0].reasons[0], /already exists/);
    assert.equal(readFileSync(target, 'utf8'), 'old');
    const replaced = await writeHandsetFiles([file(3)], { outDir: dir, force: true });
    assert.deepEqual(replaced, { written: [{ row: 5, file: target }], failed: [], cancelled: false });
    assert.equal(readFileSync(target, 'utf8'), file(3).xml);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
