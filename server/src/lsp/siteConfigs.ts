// The sites of the workspace found by their config rather than by a handset file: the folders under the workspace
// folders that hold a base-station config (or a lone state JSON), read afresh on each call (a sites view asks after a
// pause, not on every keystroke).

import * as path from 'node:path';
import { mayBeSiteConfig, STATE_FILE } from '../sites/siteFiles';
import { filesUnder } from './folderWalk';

/** The folders under `folders` (themselves included) that hold a file that may be a site's config. */
export async function foldersWithConfigs(folders: readonly string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const folder of folders) for (const file of await filesUnder(folder, (name) => mayBeSiteConfig(name) || name === STATE_FILE)) found.add(path.dirname(file));
  return [...found];
}
