import type { BaseStation } from '../../../shared/baseStation/model';

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
  /** The workspace's base-station model; when set, its profile names replace `profiles`. */
  readonly baseStation?: BaseStation;
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
  const model = settings.baseStation;
  if (!model) return settings;
  const { filePrefix, filePostfix } = model.provisioning;
  return { ...settings, profiles: model.profiles.map((p) => p.name), fileNamePrefix: filePrefix, fileNamePostfix: filePostfix };
}
