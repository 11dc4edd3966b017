// Putting generated handset files on disk: atomically, never over an existing file unless asked, and encrypted
// for the base station when a password is given.

import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from '../files/atomicWrite';
import { encrypt } from '../domain/opensslEnc';
import type { GeneratedFile, ProgressHooks, SkippedRow } from './generated';

export interface WriteOptions {
  readonly outDir: string;
  /** Replace existing files. */
  readonly force?: boolean;
  /** Encrypt as `openssl enc -aes-256-cbc -md <digest>` with this password (checked by the caller). */
  readonly encryption?: { readonly password: string; readonly digest: 'md5' | 'sha256' };
}

export interface WrittenFile {
  readonly row: number;
  readonly file: string;
}

export interface WriteResult {
  readonly written: readonly WrittenFile[];
  /** Rows whose file could not be written (it exists, or the disk refused). */
  readonly failed: readonly SkippedRow[];
  readonly cancelled: boolean;
}

const ROWS_PER_PAUSE = 200;

export async function writeHandsetFiles(files: readonly GeneratedFile[], options: WriteOptions, hooks: ProgressHooks = {}): Promise<WriteResult> {
  mkdirSync(options.outDir, { recursive: true });
  const written: WrittenFile[] = [];
  const failed: SkippedRow[] = [];
  for (let i = 0; i < files.length; i++) {
    if (hooks.isCancelled?.()) return { written, failed, cancelled: true };
    const { row, name } = files[i];
    const file = path.join(options.outDir, name);
    try {
      writeFileAtomic(file, contents(files[i], options), writeMode(options));
      written.push({ row, file });
    } catch (err) {
      failed.push({ row, reasons: [err instanceof Error ? err.message : String(err)] });
    }
    hooks.onProgress?.(i + 1, files.length);
    if ((i + 1) % ROWS_PER_PAUSE === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  return { written, failed, cancelled: false };
}

function contents(file: GeneratedFile, options: WriteOptions): Buffer {
  const plain = Buffer.from(file.xml, 'utf8');
  return options.encryption ? encrypt(plain, options.encryption.password, { digest: options.encryption.digest }) : plain;
}

function writeMode(options: WriteOptions) {
  // A plain file holds SIP passwords in clear: readable by its owner only.
  return { overwrite: options.force === true, mode: options.encryption ? undefined : 0o600 };
}
