// The one answer to "which base station does this file belong to, and what does it say": a file's site (found by
// siteFinder.ts) with its model, read from the open document where the config is open (open documents are the
// truth) and from disk otherwise. Every feature, in the server and the CLI, asks here; nothing else reads a site.

import type { BaseStation } from '../../../shared/baseStation/model';
import type { SiteFinder, SiteFs, SiteLocation } from './siteFinder';
import { readSiteModel, type SiteModel } from './siteModel';

/** Where the site was found (its root, project files and notes as siteFinder.ts found them), and what it says. */
export interface Site extends Pick<SiteLocation, 'root' | 'project' | 'projectFiles' | 'notes'> {
  /** Tells sites apart: the config's path, else the root folder, else '' (no site found: the workspace's defaults). */
  readonly id: string;
  /** The base-station config (or model JSON) the site is read from (also the workspace's, through the setting). */
  readonly configFile?: string;
  /** The state JSON read under the config. */
  readonly stateFile?: string;
  readonly model?: BaseStation;
  /** What the model was read from ("text (Pnnn=value) config", "model JSON", …). */
  readonly kind?: string;
  /** Why the config or state could not be used. */
  readonly problem?: string;
}

export interface SitesContext {
  readonly finder: SiteFinder;
  readonly fs: SiteFs;
  /** The last folder a file's search looks in: its workspace folder, its repository's root. */
  readonly boundary: (file: string) => string | undefined;
  /** The text of an open document for this file, when one is open. */
  readonly openText?: (file: string) => string | undefined;
  /** The workspace's base-station file (`hsconfig.baseStation`): the site of files that find none of their own. */
  readonly fallbackFile?: () => string | undefined;
}

const NOWHERE: SiteLocation = { project: {}, projectFiles: [], notes: [] };

interface Read {
  readonly texts: readonly (string | undefined)[];
  readonly model: SiteModel;
}

export class Sites {
  private readonly read = new Map<string, Read>();
  private readonly disk = new Map<string, { readonly stamp: string | undefined; readonly text?: string; readonly problem?: string }>();

  constructor(private readonly ctx: SitesContext) {}

  /** The site of a file (a folder's files: give any name inside it); without a file, the workspace's. */
  of(file: string | undefined): Site {
    const at = file === undefined ? NOWHERE : this.ctx.finder.locate(file, this.ctx.boundary(file));
    const fallback = at.config ? undefined : this.ctx.fallbackFile?.();
    const configFile = at.config ?? (fallback && this.exists(fallback) ? fallback : undefined);
    const root = at.root;
    const id = configFile ?? root ?? '';
    const model = configFile ? this.model(id, configFile, at.state) : {};
    return { id, root, configFile, stateFile: at.state, ...model, project: at.project, projectFiles: at.projectFiles, notes: at.notes };
  }

  /** A file changed on disk: what was read of it, and of its folder, is read again when next asked. Returns whether it was or is a config. */
  fileChanged(file: string): boolean {
    this.disk.delete(file);
    return this.ctx.finder.fileChanged(file);
  }

  private model(id: string, config: string, state: string | undefined): SiteModel {
    const config_ = this.text(config);
    const state_ = state === undefined ? undefined : this.text(state);
    const problem = config_.problem ?? state_?.problem;
    if (problem) return { problem: `${config_.problem ? config : state}: ${problem}` };
    const texts = [config_.text, state_?.text];
    const known = this.read.get(id);
    if (known && known.texts[0] === texts[0] && known.texts[1] === texts[1]) return known.model;
    const read = readSiteModel({ config: config_.text, state: state_?.text });
    const model = read.problem ? { ...read, problem: `${config}: ${read.problem}` } : read;
    this.read.set(id, { texts, model });
    return model;
  }

  /** An open document's text, else the file's on disk (read again only when its size or time changed). */
  text(file: string): { readonly text?: string; readonly problem?: string } {
    const open = this.ctx.openText?.(file);
    if (open !== undefined) return { text: open };
    const stamp = this.ctx.fs.stamp(file);
    const known = this.disk.get(file);
    if (known && known.stamp === stamp) return known;
    const read = stamp === undefined ? { problem: 'does not exist' } : this.ctx.fs.text(file) ?? { problem: 'does not exist' };
    const entry = { stamp, ...read };
    this.disk.set(file, entry);
    return entry;
  }

  private exists(file: string): boolean {
    return this.ctx.openText?.(file) !== undefined || this.ctx.fs.stamp(file) !== undefined;
  }
}
