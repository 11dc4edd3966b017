// Finding and reading handset files on disk for the CLI.

import { readdir, readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { isHandsetText, mayBeHandsetFile, SKIPPED_FOLDERS } from '../languageService/handsetFiles';

export class UsageError extends Error {}

/** Reads a file as the editor would: UTF-8 with any byte-order mark removed. */
export async function readText(file: string): Promise<string> {
  return (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
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
    } else if (entry.isFile() && mayBeHandsetFile(entry.name) && isHandsetText(await readText(full))) {
      found.push(full);
    }
  }
  return found;
}
