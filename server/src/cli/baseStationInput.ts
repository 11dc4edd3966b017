// `--base FILE` for the validate, preview and simulate commands: a base-station model JSON file or a base-station
// config file in any of its shapes, one base station for every file (without it, each file's site's: cliSites.ts).

import { existsSync } from 'node:fs';
import type { BaseStation } from '../../../shared/baseStation/model';
import { DEFAULT_BASE_STATION_FILE } from '../../../shared/baseStationSetting';
import { readBaseStationText } from '../baseStation/readBaseStation';
import { loadWorkspaceBaseStation } from '../baseStation/workspaceFile';
import { readText, UsageError } from './files';

export interface BaseStationInput {
  readonly model: BaseStation;
  /** Where the model came from, for the report. */
  readonly source: string;
  /** Lines of a config file that were not understood. */
  readonly notes: readonly string[];
}

export async function readBaseStation(file: string): Promise<BaseStationInput> {
  if (!existsSync(file)) throw new UsageError(`No such base-station file: ${file}`);
  const read = readBaseStationText(await readText(file));
  if (!read.ok) throw new Error(`${file}: ${read.message}`);
  return { model: read.model, source: `${file} (${read.kind})`, notes: read.notes };
}

/** One line for a config file's stray lines; `import-base` lists them. */
export function reportNotes(base: BaseStationInput): void {
  const n = base.notes.length;
  if (n > 0) console.error(`hsconfig: note: ${n} line${n === 1 ? '' : 's'} of ${base.source} were not understood and are ignored (hsconfig import-base lists them).`);
}

/**
 * The workspace's base-station file (`.vscode/hsconfig-base-station.json` under the current folder) for commands
 * that check files without `--base` (encrypt, generate), so they use the same profile names as validate and the
 * editor. An unusable file is reported and the factory names apply.
 */
export function workspaceBaseStation(): BaseStation | undefined {
  const found = loadWorkspaceBaseStation([process.cwd()], DEFAULT_BASE_STATION_FILE);
  if (found.problem) console.error(`hsconfig: warning: ${DEFAULT_BASE_STATION_FILE}: ${found.problem}; the factory profile names apply.`);
  return found.model;
}
