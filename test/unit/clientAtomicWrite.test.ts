// The editor's atomic write (encrypt, re-encrypt, new handset file, import base station): no step that fails leaves
// a temporary file behind, and an existing file is replaced only when asked.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { writeViaTemporary, type WriteSteps } from '../../client/src/files/writeViaTemporary';

/** An in-memory folder whose writes can fail half-way, as a full disk does. */
function memoryFs(fail: { write?: boolean; rename?: boolean } = {}): WriteSteps<string> & { files: Map<string, Uint8Array> } {
  const files = new Map<string, Uint8Array>();
  return {
    files,
    createDirectory: async () => undefined,
    writeFile: async (file, data) => {
      if (fail.write) {
        files.set(file, data.subarray(0, 3)); // part of it reached the disk
        throw new Error('ENOSPC: no space left on device');
      }
      files.set(file, data);
    },
    rename: async (from, to, { overwrite }) => {
      if (fail.rename) throw new Error('EACCES: permission denied');
      if (!overwrite && files.has(to)) throw new Error(`${to} exists`);
      files.set(to, files.get(from) as Uint8Array);
      files.delete(from);
    },
    delete: async (file) => void files.delete(file),
  };
}

const at = { folder: '/w/encrypted', temp: '/w/encrypted/.ipei_x.xml.1.tmp', target: '/w/encrypted/ipei_x.xml' };
const data = new Uint8Array([1, 2, 3, 4, 5, 6]);

test('a write that succeeds leaves only the target', async () => {
  const fs = memoryFs();
  await writeViaTemporary(fs, at, data, false);
  assert.deepEqual([...fs.files.keys()], [at.target]);
  assert.deepEqual(fs.files.get(at.target), data);
});

test('a temporary file that could not be written in full (disk full) is removed, and the error is passed on', async () => {
  const fs = memoryFs({ write: true });
  await assert.rejects(writeViaTemporary(fs, at, data, true), /ENOSPC/);
  assert.deepEqual([...fs.files.keys()], [], 'no half-written temporary file is left beside the target');
});

test('a rename that fails removes the temporary file and keeps the existing target', async () => {
  const fs = memoryFs({ rename: true });
  fs.files.set(at.target, new Uint8Array([9]));
  await assert.rejects(writeViaTemporary(fs, at, data, true), /EACCES/);
  assert.deepEqual([...fs.files.keys()], [at.target]);
  assert.deepEqual(fs.files.get(at.target), new Uint8Array([9]));
});

test('without overwrite an existing target is kept and the temporary file removed', async () => {
  const fs = memoryFs();
  fs.files.set(at.target, new Uint8Array([9]));
  await assert.rejects(writeViaTemporary(fs, at, data, false), /exists/);
  assert.deepEqual([...fs.files.keys()], [at.target]);
  assert.deepEqual(fs.files.get(at.target), new Uint8Array([9]));
});
