// What `hsconfig simulate` runs: a folder's handset files grouped by site, each group on its site's base station.

import type { FleetFile } from '../../../shared/baseStation/fleetResult';
import type { Site } from '../sites/sites';
import type { CliSites } from './cliSites';
import { siteBaseStation, siteLabel, type SiteBaseStation } from './siteBaseStation';

export interface SiteRun {
  /** Names the site in the report: its config, else its folder, relative to the current folder. */
  readonly label: string;
  /** The site's config and root folder, relative to the current folder, when it has them. */
  readonly config?: string;
  readonly root?: string;
  readonly base: SiteBaseStation;
  readonly files: FleetFile[];
}

/** The files by site, in the order each site's first file comes; a folder with none is its own site's, empty. */
export function runsBySite(files: readonly FleetFile[], folder: string, sites: CliSites): SiteRun[] {
  const runs = new Map<string, SiteRun>();
  for (const file of files) {
    const site = sites.of(file.name);
    let run = runs.get(site.id);
    if (!run) runs.set(site.id, (run = emptyRun(site, sites)));
    run.files.push(file);
  }
  return runs.size > 0 ? [...runs.values()] : [emptyRun(sites.ofFolder(folder), sites)];
}

function emptyRun(site: Site, sites: CliSites): SiteRun {
  const shown = (file: string) => sites.shown(file);
  return {
    label: siteLabel(site, shown),
    config: site.configFile && shown(site.configFile),
    root: site.root && shown(site.root),
    base: siteBaseStation(site, shown),
    files: [],
  };
}
