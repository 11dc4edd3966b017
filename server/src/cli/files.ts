// Finding and reading handset files on disk for the CLI.

import { readdir, readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { decodeHandsetBytes, decodeLossy } from '../domain/textBytes';
import { isHandsetText, mayBeHandsetFile, SKIPPED_FOLDERS } from '../languageService/handsetFiles';

export class UsageError extends Error {}

/** Says so when a write removed a temporary file that an interrupted earlier run left behind. */
export function reportStaleTemporary(file: string): void {
  console.error(`hsconfig: removed ${file}, a temporary file left by an interrupted earlier run (it may have held plaintext).`);
}

/** A file that is not UTF-8 text: where its first bad byte is and how to convert it. */
export class TextFileError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${file}: ${problem}`);
  }
}

/** Reads a file as the base station would: UTF-8 (any byte-order mark removed), else a TextFileError. */
export async function readText(file: string): Promise<string> {
  const decoded = decodeHandsetBytes(await readFile(file));
  if (!decoded.ok) throw new TextFileError(file, decoded.problem, decoded.line, decoded.column);
  return decoded.text.replace(/^\uFEFF/, '');
}

/**
 * Files named on the command line are taken as they are; folders are walked for `.xml` files whose root element
 * is <hs_config>. The result is sorted so output is stable.
 */
export async function collectFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const p of paths) {
    const info = await stat(p).catch(() => undefined);
    if (!info) throw new UsageError(`No such file or folder: ${p}`);
    if (info.isDirectory()) files.push(...(await walk(p)).sort());
    else files.push(p);
  }
  return files;
}

async function walk(folder: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) found.push(...(await walk(full)));
    } else if (entry.isFile() && mayBeHandsetFile(entry.name) && isHandsetText(decodeLossy(await readFile(full)).replace(/^\uFEFF/, ''))) {
      found.push(full);
    }
  }
  return found;
}
