// The ids of the languages, as package.json declares them: the one place the server, the CLI and the client take
// them from.

/** Handset files: `<hs_config>` XML, one per handset. */
export const HANDSET_LANGUAGE_ID = 'hsconfig';
/** The base station's own configuration: `Pnnn=value` text (or `<gs_provision>` XML a client sends under this id). */
export const BASE_CONFIG_LANGUAGE_ID = 'hsconfig-base';
/**
 * The same language, for a config written in XML (`<gs_provision>`): one language, two ids, because an editor takes
 * the comment characters from the language id (Toggle Line Comment writes `#` in a text config, `<!-- -->` in XML).
 */
export const BASE_CONFIG_XML_LANGUAGE_ID = 'hsconfig-base-xml';

export type LanguageId = typeof HANDSET_LANGUAGE_ID | typeof BASE_CONFIG_LANGUAGE_ID | typeof BASE_CONFIG_XML_LANGUAGE_ID;

export const LANGUAGE_IDS: readonly LanguageId[] = [HANDSET_LANGUAGE_ID, BASE_CONFIG_LANGUAGE_ID, BASE_CONFIG_XML_LANGUAGE_ID];

/** The ids of the base station's config language. */
export const BASE_CONFIG_LANGUAGE_IDS: readonly LanguageId[] = [BASE_CONFIG_LANGUAGE_ID, BASE_CONFIG_XML_LANGUAGE_ID];
