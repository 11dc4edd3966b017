// What a described base station tells the handset language (handset/settings.ts's SiteFacts): its profiles with
// their SIP servers, and the handset file prefix and postfix.

import type { BaseStation } from '../../../shared/baseStation/model';
import type { SiteFacts } from '../handset/settings';

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
