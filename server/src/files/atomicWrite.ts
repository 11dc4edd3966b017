// Writing output files so that no reader ever sees half a file and nothing is replaced by accident.

import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

export class OutputExistsError extends Error {
  constructor(readonly file: string) {
    super(`${file} already exists; use --force to replace it.`);
  }
}

export interface WriteOptions {
  /** Replace an existing file. Without it an existing file is an OutputExistsError. */
  readonly overwrite?: boolean;
  readonly mode?: number;
}

/**
 * Writes a temporary file in the target's folder, then renames (or, to never replace, hard-links) it into place.
 * Synchronous on purpose: a batch of small files spends most of its time on thread-pool round trips otherwise.
 */
export function writeFileAtomic(file: string, data: Uint8Array, options: WriteOptions = {}): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  writeFileSync(temp, data, { flag: 'wx', mode: options.mode ?? 0o666 });
  try {
    if (options.overwrite) renameSync(temp, file);
    else publishWithoutReplacing(temp, file);
  } finally {
    rmSync(temp, { force: true });
  }
}

function publishWithoutReplacing(temp: string, file: string): void {
  try {
    // link() fails when the target exists, so there is no window between checking and writing.
    linkSync(temp, file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new OutputExistsError(file);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw err;
    // File systems without hard links: check, then rename.
    if (existsSync(file)) throw new OutputExistsError(file);
    renameSync(temp, file);
  }
}
