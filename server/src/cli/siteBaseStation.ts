// The base station a site's handset files are previewed and simulated on, and the words that say which it is.

import { DEFAULT_BASE_STATION_FILE } from '../../../shared/baseStationSetting';
import type { BaseStation } from '../../../shared/baseStation/model';
import { FACTORY_SOURCE } from '../baseStation/requester';
import { siteBaseStationModel } from '../sites/siteBaseStation';
import type { Site } from '../sites/sites';

export interface SiteBaseStation {
  readonly model: BaseStation;
  /** Where the model came from, for the report: the config (relative to the current folder) and its kind. */
  readonly source: string;
}

/** The site's base station (sites/siteBaseStation.ts), and where it came from in the report's words. */
export function siteBaseStation(site: Site, shown: (file: string) => string): SiteBaseStation {
  const model = siteBaseStationModel(site);
  if (site.model && site.configFile) return { model, source: `${shown(site.configFile)} (${site.kind ?? 'config'})` };
  return { model, source: `${FACTORY_SOURCE} (${factoryReason(site, shown)})` };
}

function factoryReason(site: Site, shown: (file: string) => string): string {
  const unusable = site.configFile && `${shown(site.configFile)} cannot be used`;
  const project = site.projectFiles.length > 0 && `settings from ${site.projectFiles.map(shown).join(', ')}`;
  // The words of the CLI before sites, for a file that finds nothing at all.
  if (!unusable && !project) return `no --base, no base-station config found, no ${DEFAULT_BASE_STATION_FILE}`;
  return [unusable || 'no base-station config found', project].filter(Boolean).join('; ');
}

/** What names a site in a report: its config, else its root folder, else that none was found. */
export function siteLabel(site: Site, shown: (file: string) => string): string {
  if (site.configFile) return shown(site.configFile);
  if (site.root) return `${shown(site.root)} (no base-station config)`;
  return 'no site (no base-station config found)';
}
