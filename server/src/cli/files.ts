// Finding and reading handset files (and, for validate, base-station config files) on disk for the CLI.

import { readdir, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { decodeHandsetBytes, decodeLossy } from '../../../shared/domain/textBytes';
import { readRegularFile } from '../../../shared/files/readRegularFile';
import { isHandsetText, mayBeHandsetFile, SKIPPED_FOLDERS } from '../../../shared/detect/handsetText';
import { mayBeBaseConfigFile } from '../../../shared/detect/baseConfigText';
import { isBaseConfigText } from '../../../shared/detect/language';

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
  const decoded = decodeHandsetBytes(await readRegularFile(file));
  if (!decoded.ok) throw new TextFileError(file, decoded.problem, decoded.line, decoded.column);
  return decoded.text.replace(/^\uFEFF/, '');
}

/** What a folder walk looks for: handset files only, or base-station config files as well (validate). */
export interface CollectOptions {
  readonly baseConfigs?: boolean;
  /**
   * A subfolder or file of a walked folder that cannot be read. Without it the walk stops there (the error is
   * thrown); with it the walk goes on, so one unreadable entry does not lose the others' results.
   */
  readonly onUnreadable?: (path: string, err: unknown) => void;
}

/**
 * Files named on the command line are taken as they are; folders are walked for `.xml` files whose root element
 * is <hs_config> and, with `baseConfigs`, for base-station config files told by their content as the editor tells
 * them (`.txt`/`.cfg` made of Pnnn=value lines, `.xml` rooted in <gs_provision>). Other files are skipped. The
 * result is sorted so output is stable.
 */
export async function collectFiles(paths: readonly string[], options: CollectOptions = {}): Promise<string[]> {
  const files: string[] = [];
  for (const p of paths) {
    const info = await stat(p).catch(() => undefined);
    if (!info) throw new UsageError(`No such file or folder: ${p}`);
    if (info.isDirectory()) files.push(...(await walk(p, options)).sort());
    else files.push(p);
  }
  return files;
}

async function walk(folder: string, options: CollectOptions): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    try {
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) found.push(...(await walk(full, options)));
      } else if (entry.isFile() && (await isWanted(full, entry.name, options))) {
        found.push(full);
      }
    } catch (err) {
      if (!options.onUnreadable) throw err;
      options.onUnreadable(full, err);
    }
  }
  return found;
}

async function isWanted(file: string, name: string, options: CollectOptions): Promise<boolean> {
  const handset = mayBeHandsetFile(name);
  const baseConfig = options.baseConfigs === true && mayBeBaseConfigFile(name);
  if (!handset && !baseConfig) return false;
  const text = decodeLossy(await readRegularFile(file)).replace(/^\uFEFF/, '');
  return (handset && isHandsetText(text)) || (baseConfig && isBaseConfigText(text, name));
}
