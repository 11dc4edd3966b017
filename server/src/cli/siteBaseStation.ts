// The base station a site's handset files are previewed and simulated on, and the words that say which it is.

import { DEFAULT_BASE_STATION_FILE } from '../../../shared/baseStationSetting';
import type { BaseStation } from '../../../shared/baseStation/model';
import { FACTORY_SOURCE, factoryWithProvisioning } from '../baseStation/requester';
import type { Site } from '../sites/sites';

export interface SiteBaseStation {
  readonly model: BaseStation;
  /** Where the model came from, for the report: the config (relative to the current folder) and its kind. */
  readonly source: string;
}

/**
 * The site's config; without a usable one, a factory-fresh base station with provisioning on whose profile names,
 * file affixes and server path are the project file's, so that a site described only by hsconfig.json previews as
 * its files are checked.
 */
export function siteBaseStation(site: Site, shown: (file: string) => string): SiteBaseStation {
  if (site.model && site.configFile) return { model: site.model, source: `${shown(site.configFile)} (${site.kind ?? 'config'})` };
  const model = factoryWithProvisioning();
  const { project } = site;
  project.profiles?.forEach((name, i) => (model.profiles[i].name = name));
  if (project.handsetFilePrefix !== undefined) model.provisioning.filePrefix = project.handsetFilePrefix;
  if (project.handsetFilePostfix !== undefined) model.provisioning.filePostfix = project.handsetFilePostfix;
  if (project.servePath !== undefined) model.provisioning.serverPath = project.servePath;
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
