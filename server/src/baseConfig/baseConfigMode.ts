// The base station's config language (hsconfig-base) as a mode: what its service offers; no formatting, linked
// editing, highlights, code lens or inlay hints yet.

import { BASE_CONFIG_LANGUAGE_ID } from '../../../shared/languageIds';
import type { LanguageMode } from '../modes/languageMode';
import type { BaseConfigService } from './baseConfigService';

export function getBaseConfigMode(service: BaseConfigService): LanguageMode {
  return {
    id: BASE_CONFIG_LANGUAGE_ID,
    doValidation: service.doValidation,
    doHover: service.doHover,
    doComplete: service.doComplete,
    doCodeActions: service.doCodeActions,
    findDocumentSymbols: service.findDocumentSymbols,
    getFoldingRanges: service.getFoldingRanges,
    forget: service.forget,
  };
}
