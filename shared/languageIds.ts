// The ids of the two languages, as package.json declares them: the one place the server, the CLI and the client take
// them from.

/** Handset files: `<hs_config>` XML, one per handset. */
export const HANDSET_LANGUAGE_ID = 'hsconfig';
/** The base station's own configuration: `Pnnn=value` text or `<gs_provision>` XML. */
export const BASE_CONFIG_LANGUAGE_ID = 'hsconfig-base';

export type LanguageId = typeof HANDSET_LANGUAGE_ID | typeof BASE_CONFIG_LANGUAGE_ID;

export const LANGUAGE_IDS: readonly LanguageId[] = [HANDSET_LANGUAGE_ID, BASE_CONFIG_LANGUAGE_ID];
