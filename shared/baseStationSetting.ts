// Where the workspace's base-station file is: the `hsconfig.baseStation` setting (trimmed; the default path when it is
// empty), absolute as the platform says or relative to the first workspace folder. The server, the CLI and the
// client's commands read the setting by this one rule.

import * as path from 'node:path';

/** The model JSON (or a config file) the editor and the CLI look for when nothing else is named. */
export const DEFAULT_BASE_STATION_FILE = '.vscode/hsconfig-base-station.json';

/** The `hsconfig.baseStation` setting from the client's `hsconfig` section, or the default path. */
export function baseStationSetting(raw: unknown): string {
  const value = (raw as Record<string, unknown> | null | undefined)?.baseStation;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : DEFAULT_BASE_STATION_FILE;
}

export function resolveBaseStationFile(folders: readonly string[], setting: string): string | undefined {
  if (path.isAbsolute(setting)) return setting;
  return folders.length > 0 ? path.join(folders[0], setting) : undefined;
}
