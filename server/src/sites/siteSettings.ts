// What a site tells the handset language (handset/settings.ts): its base station's facts (profiles with their SIP
// servers, the handset file prefix and postfix), else its project file's names and affixes.

import type { BaseStation } from '../../../shared/baseStation/model';
import type { SiteLookup } from '../handset/participants';
import type { SiteFacts } from '../handset/settings';
import type { Site } from './sites';

export function siteFacts(model: BaseStation): SiteFacts {
  return {
    profiles: model.profiles.map((p) => ({ name: p.name, sipServer: p.sipServer || undefined })),
    filePrefix: model.provisioning.filePrefix,
    filePostfix: model.provisioning.filePostfix,
  };
}

/** The settings a described base station sets, or none (the client's settings apply). */
export function siteSettings(model: BaseStation | undefined): { readonly site: SiteFacts | undefined } {
  return { site: model && siteFacts(model) };
}

/** A site's settings for the handset language: the base station's facts win over the project file's. */
export function handsetSiteSettings(site: Site): ReturnType<SiteLookup> {
  const { project } = site;
  return {
    ...(project.profiles && { profiles: project.profiles }),
    ...(project.handsetFilePrefix !== undefined && { fileNamePrefix: project.handsetFilePrefix }),
    ...(project.handsetFilePostfix !== undefined && { fileNamePostfix: project.handsetFilePostfix }),
    site: site.model && siteFacts(site.model),
  };
}
