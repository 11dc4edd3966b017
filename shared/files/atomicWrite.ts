// Writing output files so that no reader ever sees half a file and nothing is replaced by accident. A temporary
// file may hold plaintext (a decrypted file, generated files with SIP passwords): it is created owner-only when the
// output is, removed on any error and on SIGINT/SIGTERM/SIGHUP (see removeTemporariesOnSignals), and one left by a
// process killed outright (SIGKILL, power loss) is removed by the next write into that folder.

import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describeFsError } from './fsErrors';

export class OutputExistsError extends Error {
  constructor(readonly file: string) {
    super(`${file} already exists; use --force to replace it.`);
  }
}

/** Writing the output failed: names the output and the cause, never the temporary file. */
export class WriteError extends Error {
  constructor(
    readonly file: string,
    readonly cause: unknown,
  ) {
    super(`cannot write ${file}: ${describeFsError(cause)}`);
  }
}

export interface WriteOptions {
  /** Replace an existing file. Without it an existing file is an OutputExistsError. */
  readonly overwrite?: boolean;
  readonly mode?: number;
  /** Told of each temporary file an interrupted earlier run left in the folder, after it is removed. */
  readonly onStaleTemporary?: (file: string) => void;
}

/** `.NAME.PID.HEX.tmp`, as writeFileAtomic names its temporary files. */
const TEMPORARY = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

const pending = new Set<string>();
const swept = new Set<string>();

/**
 * Writes a temporary file in the target's folder, then renames (or, to never replace, hard-links) it into place.
 * Synchronous on purpose: a batch of small files spends most of its time on thread-pool round trips otherwise.
 */
export function writeFileAtomic(file: string, data: Uint8Array, options: WriteOptions = {}): void {
  const folder = path.dirname(file);
  sweepStaleTemporaries(folder, options.onStaleTemporary);
  const temp = path.join(folder, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  pending.add(temp);
  try {
    writeFileSync(temp, data, { flag: 'wx', mode: options.mode ?? 0o666 });
    if (options.overwrite) renameSync(temp, file);
    else publishWithoutReplacing(temp, file);
  } catch (err) {
    throw err instanceof OutputExistsError ? err : new WriteError(file, err);
  } finally {
    rmSync(temp, { force: true });
    pending.delete(temp);
  }
}

/** Removes the temporary files of writes in progress; for a signal handler, before the process exits. */
export function removePendingTemporaries(): void {
  for (const temp of pending) rmSync(temp, { force: true });
  pending.clear();
}

/**
 * Removes temporary files of writes in progress when the process is interrupted, then ends it as the signal would,
 * unless another handler (a server that stops itself) takes the signal. With a handler in place the signal waits for
 * the synchronous write under way, whose own clean-up then runs: no temporary file survives SIGINT/SIGTERM/SIGHUP.
 */
export function removeTemporariesOnSignals(): void {
  const codes = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
  for (const [signal, code] of Object.entries(codes)) {
    process.on(signal, () => {
      removePendingTemporaries();
      if (process.listenerCount(signal) <= 1) process.exit(code);
    });
  }
}

/** Once per folder and process: removes temporary files whose writing process no longer runs. */
function sweepStaleTemporaries(folder: string, onStale: ((file: string) => void) | undefined): void {
  const key = path.resolve(folder);
  if (swept.has(key)) return;
  swept.add(key);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return; // the write itself will say what is wrong with the folder
  }
  for (const name of names) {
    const pid = Number(TEMPORARY.exec(name)?.[1]);
    if (!pid || isRunning(pid)) continue;
    const stale = path.join(folder, name);
    try {
      rmSync(stale, { force: true });
      onStale?.(stale);
    } catch {
      // not ours to remove (permissions): leave it
    }
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
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
