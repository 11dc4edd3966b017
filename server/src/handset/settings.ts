// What the handset language is configured with: the client's settings, and what the site's base station says.

/**
 * What a described base station tells the handset language (baseStation/siteFacts.ts derives it from the model):
 * its profiles, in order, with their SIP servers, and the handset file prefix and postfix (P27015, P27016). The
 * handset language knows these facts, not the base station's model.
 */
export interface SiteFacts {
  readonly profiles: readonly { readonly name: string; readonly sipServer?: string }[];
  readonly filePrefix: string;
  readonly filePostfix: string;
}

export interface LanguageSettings {
  /** Names of the base station's SIP profiles; `<profile_name>` must be one of them. */
  readonly profiles: readonly string[];
  /** Longer documents are not checked. */
  readonly maxDocumentSize: number;
  /** The base station's handset file prefix and postfix (P27015, P27016): the file it requests is prefix + IPEI + `.xml` + postfix. */
  readonly fileNamePrefix: string;
  readonly fileNamePostfix: string;
  /** Show the meaning of numeric values (key mappings, levels) after them. */
  readonly inlayHints: boolean;
  /** The site's base station, when one is described: its profile names and file affixes replace the settings'. */
  readonly site?: SiteFacts;
}

export const FACTORY_PROFILES: readonly string[] = ['profile1', 'profile2', 'profile3', 'profile4'];

export const DEFAULT_SETTINGS: LanguageSettings = {
  profiles: FACTORY_PROFILES,
  maxDocumentSize: 10_000_000,
  fileNamePrefix: 'ipei_',
  fileNamePostfix: '',
  inlayHints: true,
};

/** The file name the base station requests for a handset. */
export function requestedFileName(settings: LanguageSettings, ipei: string): string {
  return `${settings.fileNamePrefix}${ipei.toLowerCase()}.xml${settings.fileNamePostfix}`;
}

/** The settings the features use: a base-station model's profile names and file-name prefix and postfix win. */
export function effectiveSettings(settings: LanguageSettings): LanguageSettings {
  const site = settings.site;
  if (!site) return settings;
  return { ...settings, profiles: site.profiles.map((p) => p.name), fileNamePrefix: site.filePrefix, fileNamePostfix: site.filePostfix };
}
