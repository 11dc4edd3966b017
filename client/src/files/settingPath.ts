// Where a path setting (hsconfig.baseStation, hsconfig.encryption.outputFolder) points, by the rule the language
// server and the CLI use (`resolveBaseStationFile`): absolute as the platform says (`C:\…` on Windows too), else
// relative to a folder. Pure, so plain-Node tests hold the two sides to one rule.

import * as path from 'node:path';
import { baseStationSetting } from '../../../shared/baseStationSetting';

export type SettingPath = { readonly absolute: string } | { readonly segments: readonly string[] };

export function settingPath(setting: string): SettingPath {
  if (path.isAbsolute(setting)) return { absolute: setting };
  return { segments: setting.split(path.sep === '\\' ? /[\\/]/ : '/').filter((s) => s !== '' && s !== '.') };
}

/** `hsconfig.baseStation` as the server reads it: trimmed, and the default path when empty. */
export function baseStationPath(raw: unknown): SettingPath {
  return settingPath(baseStationSetting({ baseStation: raw }));
}
