// The site finder's file system on node: synchronous, since the language service asks for a document's site while
// it checks the document. Regular files only, read with the same refusal of pipes and devices as every read here.

import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describeFsError } from '../../../shared/files/fsErrors';
import { readRegularFileHeadSync, readRegularFileSync } from '../../../shared/files/readRegularFile';
import { SiteFinder, type SiteFs } from './siteFinder';
import { Sites, type Site, type SitesContext } from './sites';

export const nodeSiteFs: SiteFs = {
  files(dir) {
    try {
      return readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
    } catch {
      return undefined;
    }
  },
  has: (dir, name) => existsSync(path.join(dir, name)),
  stamp(file) {
    try {
      const s = statSync(file);
      return `${s.size}:${s.mtimeMs}:${s.isDirectory() ? 'd' : 'f'}`;
    } catch {
      return undefined;
    }
  },
  head(file, bytes) {
    try {
      return readRegularFileHeadSync(file, bytes).toString('utf8');
    } catch {
      return undefined;
    }
  },
  text(file) {
    try {
      return { text: readRegularFileSync(file).toString('utf8') };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      return code === 'ENOENT' || code === 'ENOTDIR' ? undefined : { problem: `cannot be read: ${describeFsError(err)}` };
    }
  },
};

/** Sites on node's file system: how the server and the CLI make them. */
export function nodeSites(ctx: Omit<SitesContext, 'finder' | 'fs'>, finder = new SiteFinder(nodeSiteFs)): Sites {
  return new Sites({ ...ctx, finder, fs: nodeSiteFs });
}

/** One file's site (none: the fallback's), read afresh, looking no higher than `boundary`. */
export function siteOfFile(file: string | undefined, boundary?: string, fallbackFile?: string): Site {
  return nodeSites({ boundary: () => boundary, fallbackFile: fallbackFile === undefined ? undefined : () => fallbackFile }).of(file);
}
