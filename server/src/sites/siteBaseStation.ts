// The base station a site's handset files are previewed and simulated on, for the editor and the CLI alike.

import type { BaseStation } from '../../../shared/baseStation/model';
import { factoryWithProvisioning } from '../baseStation/requester';
import type { Site } from './sites';

/**
 * The site's config's model; without a usable one, a factory-fresh base station with provisioning on whose profile
 * names, file affixes and server path are the project file's, so that a site described only by hsconfig.json
 * previews as its files are checked.
 */
export function siteBaseStationModel(site: Site): BaseStation {
  if (site.model) return site.model;
  const model = factoryWithProvisioning();
  const { project } = site;
  project.profiles?.forEach((name, i) => (model.profiles[i].name = name));
  if (project.handsetFilePrefix !== undefined) model.provisioning.filePrefix = project.handsetFilePrefix;
  if (project.handsetFilePostfix !== undefined) model.provisioning.filePostfix = project.handsetFilePostfix;
  if (project.servePath !== undefined) model.provisioning.serverPath = project.servePath;
  return model;
}
