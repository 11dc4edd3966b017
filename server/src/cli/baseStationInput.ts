// `--base FILE` for the preview and simulate commands: a base-station model JSON file or a base-station config file
// in any of its shapes, told apart by their first character.

import { existsSync } from 'node:fs';
import { describeShape, ImportError, importConfig } from '../baseStation/importConfig';
import { factoryDefault, type BaseStation } from '../baseStation/model';
import { DEFAULT_BASE_STATION_FILE, describeProblems, parseBaseStationJson } from '../baseStation/modelFile';
import { readText, UsageError } from './files';

export interface BaseStationInput {
  readonly model: BaseStation;
  /** Where the model came from, for the report. */
  readonly source: string;
  /** Values of a config file that could not be read. */
  readonly notes: readonly string[];
}

export async function readBaseStation(file: string | undefined): Promise<BaseStationInput> {
  if (file === undefined) return existsSync(DEFAULT_BASE_STATION_FILE) ? readBaseStation(DEFAULT_BASE_STATION_FILE) : factoryWithProvisioning();
  if (!existsSync(file)) throw new UsageError(`No such base-station file: ${file}`);
  const text = await readText(file);
  if (text.trimStart().startsWith('{')) {
    const loaded = parseBaseStationJson(text);
    if (!loaded.ok) throw new Error(`${file} is not a valid base-station file:\n${describeProblems(loaded.problems)}`);
    return { model: loaded.model, source: `${file} (model JSON)`, notes: [] };
  }
  try {
    const imported = importConfig(text);
    return { model: imported.model, source: `${file} (${describeShape(imported.shape)} config)`, notes: imported.notes.map((n) => `${file}:${n.line}: ${n.message}`) };
  } catch (err) {
    if (err instanceof ImportError) throw new Error(`${file}: ${err.message}`);
    throw err;
  }
}

/** One line for a config file's unreadable values; `import-base` lists them. */
export function reportNotes(base: BaseStationInput): void {
  const n = base.notes.length;
  if (n > 0) console.error(`hsconfig: note: ${n} line${n === 1 ? '' : 's'} of ${base.source} were not understood and are ignored (hsconfig import-base lists them).`);
}

function factoryWithProvisioning(): BaseStationInput {
  const model = factoryDefault();
  model.provisioning.handsetProvisioning = true;
  return { model, source: 'factory default with handset provisioning on (no --base, no .vscode/hsconfig-base-station.json)', notes: [] };
}
