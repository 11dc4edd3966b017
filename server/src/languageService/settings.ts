export interface LanguageSettings {
  /** Names of the base station's SIP profiles; `<profile_name>` must be one of them. */
  readonly profiles: readonly string[];
  /** Longer documents are not checked. */
  readonly maxDocumentSize: number;
}

export const FACTORY_PROFILES: readonly string[] = ['profile1', 'profile2', 'profile3', 'profile4'];

export const DEFAULT_SETTINGS: LanguageSettings = {
  profiles: FACTORY_PROFILES,
  maxDocumentSize: 10_000_000,
};
