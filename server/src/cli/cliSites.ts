// The CLI's sites (issue 24): each file's base station, found as the editor finds it (sites/sites.ts).

import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_BASE_STATION_FILE } from '../../../shared/baseStationSetting';
import type { SiteLookup } from '../handset/participants';
import { DEFAULT_SETTINGS, effectiveSettings, type LanguageSettings } from '../handset/settings';
import { isInside, SiteFinder } from '../sites/siteFinder';
import { nodeSiteFs, nodeSites } from '../sites/siteFs';
import type { Site, Sites } from '../sites/sites';
import { handsetSiteSettings } from '../sites/siteSettings';

/** The rule, said once in the help (cli.ts) and in the help of each command that follows it. */
export const SITES_HELP = [
  'Sites: without --base, each file is read against its site, as the editor reads it: the nearest folder at or',
  'above the file that holds a base-station config (.txt/.cfg/.xml, told by its content) or',
  'hsconfig-base-station.json, looking no higher than the repository root (the nearest folder with .git), else',
  'than the current folder for a file inside it, else in the file\'s own folder only. hsconfig.json files on the',
  'way give a site without a config its profile names, file prefix and postfix and servePath. A file that finds',
  'no site uses .vscode/hsconfig-base-station.json under the current folder when it exists, else the factory.',
].join('\n');

export interface CliSitesOptions {
  /** The folder the command runs in (default: the process's). */
  readonly cwd?: string;
  /** `--profiles`: these names replace every site's; the sites still give the file prefix and postfix. */
  readonly profiles?: readonly string[];
  /** Where warnings go (default: standard error). */
  readonly warn?: (line: string) => void;
}

export class CliSites {
  readonly cwd: string;
  private readonly finder = new SiteFinder(nodeSiteFs);
  private readonly sites: Sites;
  private readonly said = new Set<string>();
  /** Each folder's repository root (or none): a run asks for every file, and most share a folder. */
  private readonly roots = new Map<string, string | undefined>();

  constructor(private readonly options: CliSitesOptions = {}) {
    const cwd = (this.cwd = path.resolve(options.cwd ?? process.cwd()));
    this.sites = nodeSites(
      {
        boundary: (file) => this.boundary(file),
        // What the CLI read before sites: old workspaces keep their verdicts.
        fallbackFile: () => path.join(cwd, DEFAULT_BASE_STATION_FILE),
      },
      this.finder,
    );
  }

  /** The site of a file; what is wrong with it is said on standard error the first time. */
  of(file: string): Site {
    const site = this.sites.of(path.resolve(this.cwd, file));
    this.warnAbout(site);
    return site;
  }

  /** The site of a folder's files (the folder need not exist yet). */
  ofFolder(dir: string): Site {
    return this.of(path.join(path.resolve(this.cwd, dir), '_'));
  }

  /** What the handset language is told for each document (a `file:` URI) of a site. */
  lookup(): SiteLookup {
    return (uri) => this.handsetSettings(this.of(fileURLToPath(uri)));
  }

  /** A site's settings for the handset checks, `--profiles` replacing its names. */
  handsetSettings(site: Site): ReturnType<SiteLookup> {
    const own = handsetSiteSettings(site);
    const profiles = this.options.profiles;
    if (!profiles) return own;
    const { fileNamePrefix, fileNamePostfix } = effectiveSettings({ ...DEFAULT_SETTINGS, ...own });
    return { profiles, fileNamePrefix, fileNamePostfix, site: undefined };
  }

  /** The settings a site's handset files are held to: profile names, file prefix and postfix. */
  settingsOf(site: Site): LanguageSettings {
    return effectiveSettings({ ...DEFAULT_SETTINGS, ...this.handsetSettings(site) });
  }

  /**
   * The prefix and postfix a site's handset files are named with when written to a folder: a prefix's folder part
   * (`handset/` of `handset/ipei_`) is where the server keeps them, so it is the output folder's business.
   */
  affixesOf(site: Site): { readonly prefix: string; readonly postfix: string } {
    const { fileNamePrefix, fileNamePostfix } = this.settingsOf(site);
    return { prefix: fileNamePrefix.slice(fileNamePrefix.lastIndexOf('/') + 1), postfix: fileNamePostfix };
  }

  /** Where a site's names come from, for a note: its config, else its project file; undefined for the factory's. */
  sourceOf(site: Site): string | undefined {
    if (site.model && site.configFile) return this.shown(site.configFile);
    return site.projectFiles.length > 0 ? this.shown(site.projectFiles[0]) : undefined;
  }

  /** A path as the CLI prints it: relative to the current folder when inside it. */
  shown(file: string): string {
    return isInside(file, this.cwd) ? path.relative(this.cwd, file) || '.' : file;
  }

  /** Up to the repository's root, else the current folder for a file inside it, else the file's own folder only. */
  private boundary(file: string): string | undefined {
    const dir = path.dirname(file);
    if (!this.roots.has(dir)) this.roots.set(dir, this.finder.repositoryRoot(dir));
    return this.roots.get(dir) ?? (isInside(file, this.cwd) ? this.cwd : undefined);
  }

  private warnAbout(site: Site): void {
    for (const note of site.notes) this.sayOnce(`hsconfig: warning: ${this.shortPaths(note)}`);
    if (site.problem) this.sayOnce(`hsconfig: warning: ${this.shortPaths(site.problem)}\n  ${this.instead(site)}`);
  }

  /** What a site's files are held to when its config cannot be used. */
  private instead(site: Site): string {
    const names = this.options.profiles
      ? 'the names --profiles gives'
      : site.project.profiles
        ? `the project file's profile names (${site.project.profiles.join(', ')})`
        : 'the factory profile names';
    return `The handset files of this site are checked without it, against ${names}.`;
  }

  private sayOnce(line: string): void {
    if (this.said.has(line)) return;
    this.said.add(line);
    (this.options.warn ?? ((l: string) => console.error(l)))(line);
  }

  /** The finder's notes name folders and files in full; those under the current folder are shortened as elsewhere. */
  private shortPaths(text: string): string {
    return text.split(this.cwd + path.sep).join('');
  }
}
