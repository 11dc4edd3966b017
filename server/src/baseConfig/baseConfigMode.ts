// The base station's config language (hsconfig-base) as a mode: what its service offers; no linked editing,
// highlights, code lens or inlay hints yet.

import { BASE_CONFIG_LANGUAGE_ID, BASE_CONFIG_XML_LANGUAGE_ID } from '../../../shared/languageIds';
import type { LanguageMode, ProfileLinks } from '../modes/languageMode';
import type { BaseConfigService } from './baseConfigService';

/** What other parts of the server contribute to the config language. */
export interface BaseConfigContributions {
  /** Its part in the profile-name links (links/profileLinks.ts). */
  readonly profileLinks?: ProfileLinks;
}

export function getBaseConfigMode(service: BaseConfigService, contributions: BaseConfigContributions = {}): LanguageMode {
  return {
    id: BASE_CONFIG_LANGUAGE_ID,
    otherIds: [BASE_CONFIG_XML_LANGUAGE_ID],
    doValidation: service.doValidation,
    doHover: service.doHover,
    doComplete: service.doComplete,
    doCodeActions: service.doCodeActions,
    findDocumentSymbols: service.findDocumentSymbols,
    getFoldingRanges: service.getFoldingRanges,
    format: service.format,
    profileLinks: contributions.profileLinks,
    forget: service.forget,
  };
}
