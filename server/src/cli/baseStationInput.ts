// `--base FILE` for the validate, preview and simulate commands: a base-station model JSON file or a base-station
// config file in any of its shapes, one base station for every file (without it, each file's site's: cliSites.ts).

import { existsSync } from 'node:fs';
import type { BaseStation } from '../../../shared/baseStation/model';
import { readBaseStationText } from '../baseStation/readBaseStation';
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
