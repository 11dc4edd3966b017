// Reads a file whose path came from a workspace, a setting or the command line, refusing what is not a regular file
// (a FIFO would block a thread for good; /dev/zero would fill the memory) and what is larger than any provisioning
// file could be. Opened without blocking, so a FIFO is told apart by its type before anything waits on it.

import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { describeSize, MAX_FILE_BYTES } from './fileLimits';

// O_NONBLOCK makes opening a FIFO return at once instead of waiting for a writer; regular files ignore it.
// Windows has neither FIFOs nor the flag.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
const CHUNK = 64 * 1024;

/** An error with a code like node's own (`ENOTREG`, `EFBIG`), so callers that switch on codes treat it alike. */
function refusal(code: 'ENOTREG' | 'EISDIR' | 'EFBIG', file: string, max: number): NodeJS.ErrnoException {
  const why =
    code === 'ENOTREG' ? 'is not a regular file (a pipe, device or socket); only regular files are read' : code === 'EISDIR' ? 'is a folder' : `is larger than ${describeSize(max)}`;
  return Object.assign(new Error(`${file} ${why}`), { code, path: file });
}

interface Stats {
  isFile(): boolean;
  isDirectory(): boolean;
  readonly size: number;
}

/** Throws EISDIR for a folder and ENOTREG for a pipe, device or socket: the one type check of every read here. */
function mustBeFile(info: Stats, file: string): void {
  if (!info.isFile()) throw refusal(info.isDirectory() ? 'EISDIR' : 'ENOTREG', file, 0);
}

/**
 * The bytes read so far of one file, checked to be a regular file of at most `max` bytes. Reads go on until the end
 * rather than trusting the size: a file may grow while it is read, and /proc's files report none.
 */
class BoundedBytes {
  private readonly chunks: Buffer[] = [];
  private total = 0;

  constructor(
    private readonly info: Stats,
    private readonly file: string,
    private readonly max: number,
  ) {
    mustBeFile(info, file);
    if (info.size > max) throw refusal('EFBIG', file, max);
  }

  /** A buffer for the next read: the rest of the stated size and one byte more (to see the end), at most max + 1. */
  next(): Buffer {
    return Buffer.allocUnsafe(Math.min(Math.max(this.info.size + 1 - this.total, CHUNK), this.max + 1 - this.total));
  }

  /** Keeps what a read gave; true at the end of the file. */
  took(buffer: Buffer, bytesRead: number): boolean {
    if (bytesRead === 0) return true;
    this.total += bytesRead;
    if (this.total > this.max) throw refusal('EFBIG', this.file, this.max);
    this.chunks.push(buffer.subarray(0, bytesRead));
    return false;
  }

  whole(): Buffer {
    return Buffer.concat(this.chunks, this.total);
  }
}

/** The file's bytes; throws node's errors (ENOENT …), or ENOTREG / EFBIG. At most `max` bytes are ever held. */
export async function readRegularFile(file: string, max = MAX_FILE_BYTES): Promise<Buffer> {
  const handle = await open(file, OPEN_FLAGS);
  try {
    const bytes = new BoundedBytes(await handle.stat(), file, max);
    for (let buffer = bytes.next(); ; buffer = bytes.next()) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytes.took(buffer, bytesRead)) return bytes.whole();
    }
  } finally {
    await handle.close();
  }
}

/** As readRegularFile, for the few callers that must stay synchronous. */
export function readRegularFileSync(file: string, max = MAX_FILE_BYTES): Buffer {
  const fd = openSync(file, OPEN_FLAGS);
  try {
    const bytes = new BoundedBytes(fstatSync(fd), file, max);
    for (let buffer = bytes.next(); ; buffer = bytes.next()) {
      if (bytes.took(buffer, readSync(fd, buffer, 0, buffer.length, null))) return bytes.whole();
    }
  } finally {
    closeSync(fd);
  }
}

/** The first `bytes` bytes of a regular file (for telling a file's kind by its start), or ENOTREG / EISDIR. */
export async function readRegularFileHead(file: string, bytes: number): Promise<Buffer> {
  const handle = await open(file, OPEN_FLAGS);
  try {
    mustBeFile(await handle.stat(), file);
    const head = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(head, 0, bytes, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** As readRegularFileHead, for the few callers that must stay synchronous. */
export function readRegularFileHeadSync(file: string, bytes: number): Buffer {
  const fd = openSync(file, OPEN_FLAGS);
  try {
    mustBeFile(fstatSync(fd), file);
    const head = Buffer.alloc(bytes);
    return head.subarray(0, readSync(fd, head, 0, bytes, 0));
  } finally {
    closeSync(fd);
  }
}

/** readRegularFile as UTF-8 text. */
export async function readRegularText(file: string, max = MAX_FILE_BYTES): Promise<string> {
  return (await readRegularFile(file, max)).toString('utf8');
}
