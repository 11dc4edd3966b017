// The one walk of a workspace folder's files for the server (the index's handset files, the sites view's configs):
// every subfolder but node_modules and .git, the files whose names `take` accepts.

import { readdir } from 'node:fs/promises';
import * as path from 'node:path';
import { SKIPPED_FOLDERS } from '../../../shared/detect/handsetText';

export async function filesUnder(folder: string, take: (name: string) => boolean): Promise<string[]> {
  const found: string[] = [];
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) found.push(...(await filesUnder(full, take)));
    } else if (entry.isFile() && take(entry.name)) found.push(full);
  }
  return found;
}
