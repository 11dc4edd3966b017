// Finds a file's site: walking from the file's folder up to a boundary (a workspace folder, a repository root), the
// first folder that holds a base-station config or a state JSON is the site's root, and the project files passed on
// the way are merged, the nearest first. A project file's `baseStation` names a site's config kept elsewhere.
// What a folder holds is read once and kept until the folder's entries change (its time on disk, or a file event).

import * as path from 'node:path';
import { HEAD_BYTES, isSiteConfigHead, mayBeSiteConfig, PROJECT_FILE, STATE_FILE } from './siteFiles';
import { mergeProjectSettings, readProjectText, type ProjectSettings } from './projectFile';

/** What the finder needs of a file system (node's in siteFs.ts; tests give their own). */
export interface SiteFs {
  /** The names of a folder's regular files, or undefined when it is no folder. */
  files(dir: string): readonly string[] | undefined;
  /** Whether the folder holds an entry of this name (`.git` tells a repository's root). */
  has(dir: string, name: string): boolean;
  /** Something that changes when the entry changes (size and time), or undefined when it does not exist. */
  stamp(file: string): string | undefined;
  /** The first bytes of a file as text, or undefined when it cannot be read. */
  head(file: string, bytes: number): string | undefined;
  /** A whole file as text; undefined when it does not exist, a problem when it cannot be read. */
  text(file: string): { readonly text: string } | { readonly problem: string } | undefined;
}

export interface SiteLocation {
  /** The folder the site's config, state or project file is in; undefined when none was found up to the boundary. */
  readonly root?: string;
  /** The site's base-station config (text, XML v1 or v2) or, with no config, its model JSON. */
  readonly config?: string;
  /** A model JSON beside the config: the base station's state (registered handsets, accounts) the config lacks. */
  readonly state?: string;
  /** The project files on the way up, merged. */
  readonly project: ProjectSettings;
  /** The project files that were read, nearest first. */
  readonly projectFiles: readonly string[];
  /** Which files were passed over and why (two configs in one folder, a broken project file). */
  readonly notes: readonly string[];
}

interface Folder {
  readonly stamp: string | undefined;
  readonly configs: readonly string[];
  readonly state?: string;
  readonly project?: string;
}

export class SiteFinder {
  private readonly folders = new Map<string, Folder>();
  private readonly projects = new Map<string, { readonly stamp: string | undefined; readonly settings: ProjectSettings; readonly problems: readonly string[] }>();
  private readonly heads = new Map<string, { readonly stamp: string | undefined; readonly config: boolean }>();

  constructor(private readonly fs: SiteFs) {}

  /** The site of a file (or of a folder's files, given `dir/`), looking no higher than `boundary` (inclusive). */
  locate(file: string, boundary: string | undefined): SiteLocation {
    const notes: string[] = [];
    const projects: ProjectSettings[] = [];
    const projectFiles: string[] = [];
    let found: { root: string; config?: string; state?: string } | undefined;
    for (const dir of foldersUp(path.dirname(file), boundary)) {
      const folder = this.folder(dir);
      const project = folder.project === undefined ? undefined : this.project(folder.project, notes);
      if (project) {
        projects.push(project);
        projectFiles.push(folder.project as string);
      }
      if (found) continue;
      if (folder.configs.length > 1) notes.push(`${dir} holds ${folder.configs.length} base-station configs (${folder.configs.map((c) => path.basename(c)).join(', ')}): ${path.basename(folder.configs[0])} is used.`);
      if (folder.configs.length > 0 || folder.state) found = { root: dir, config: folder.configs[0] ?? folder.state, state: folder.configs.length > 0 ? folder.state : undefined };
      else if (project?.baseStation) found = { root: dir, config: path.resolve(dir, project.baseStation) };
    }
    const root = found?.root ?? (projectFiles.length > 0 ? path.dirname(projectFiles[0]) : undefined);
    return { root, config: found?.config, state: found?.state, project: mergeProjectSettings(projects), projectFiles, notes };
  }

  /** The nearest folder at or above `dir` that holds `.git`, if any. */
  repositoryRoot(dir: string): string | undefined {
    for (const d of foldersUp(dir, undefined, true)) if (this.fs.has(d, '.git')) return d;
    return undefined;
  }

  /** Forgets what is known of a file's folder (a file event: created, changed, deleted); whether it was or is a config. */
  fileChanged(file: string): boolean {
    const was = this.heads.get(file)?.config ?? false;
    this.folders.delete(path.dirname(file));
    this.heads.delete(file);
    this.projects.delete(file);
    return was || (mayBeSiteConfig(path.basename(file)) && this.isConfig(file));
  }

  private folder(dir: string): Folder {
    const stamp = this.fs.stamp(dir);
    const known = this.folders.get(dir);
    if (known && known.stamp === stamp) return known;
    const names = [...(this.fs.files(dir) ?? [])].sort();
    const folder: Folder = {
      stamp,
      configs: names.filter((n) => mayBeSiteConfig(n) && this.isConfig(path.join(dir, n))).map((n) => path.join(dir, n)),
      state: names.includes(STATE_FILE) ? path.join(dir, STATE_FILE) : undefined,
      project: names.includes(PROJECT_FILE) ? path.join(dir, PROJECT_FILE) : undefined,
    };
    this.folders.set(dir, folder);
    return folder;
  }

  private isConfig(file: string): boolean {
    const stamp = this.fs.stamp(file);
    const known = this.heads.get(file);
    if (known && known.stamp === stamp) return known.config;
    const head = this.fs.head(file, HEAD_BYTES);
    const config = head !== undefined && isSiteConfigHead(head, path.basename(file));
    this.heads.set(file, { stamp, config });
    return config;
  }

  private project(file: string, notes: string[]): ProjectSettings {
    const stamp = this.fs.stamp(file);
    let known = this.projects.get(file);
    if (!known || known.stamp !== stamp) {
      const text = this.fs.head(file, 256 * 1024);
      const read = text === undefined ? { settings: {}, problems: ['cannot be read'] } : readProjectText(text);
      known = { stamp, ...read };
      this.projects.set(file, known);
    }
    for (const p of known.problems) notes.push(`${file}: ${p}.`);
    return known.settings;
  }
}

/** `dir` and the folders above it, up to `boundary` (inclusive); only `dir` when it is not inside the boundary. */
function foldersUp(dir: string, boundary: string | undefined, toTop = false): string[] {
  const out = [dir];
  if (!toTop && (boundary === undefined || !isInside(dir, boundary))) return out;
  for (let d = dir; d !== boundary; ) {
    const up = path.dirname(d);
    if (up === d) break;
    out.push(up);
    d = up;
  }
  return out;
}

export function isInside(file: string, folder: string): boolean {
  const rel = path.relative(folder, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
