// The sites of the workspace found by their config rather than by a handset file: the folders under the workspace
// folders that hold a base-station config (or a lone state JSON), read afresh on each call (a sites view asks after a
// pause, not on every keystroke).

import { readdir } from 'node:fs/promises';
import * as path from 'node:path';
import { SKIPPED_FOLDERS } from '../../../shared/detect/handsetText';
import { mayBeSiteConfig, STATE_FILE } from '../sites/siteFiles';

/** The folders under `folders` (themselves included) that hold a file that may be a site's config. */
export async function foldersWithConfigs(folders: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const folder of folders) await walk(folder, found);
  return found;
}

async function walk(dir: string, found: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  if (entries.some((e) => e.isFile() && (mayBeSiteConfig(e.name) || e.name === STATE_FILE))) found.push(dir);
  for (const entry of entries) {
    if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) await walk(path.join(dir, entry.name), found);
  }
}
