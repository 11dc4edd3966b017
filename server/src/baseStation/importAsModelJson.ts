// A base station's configuration file as the text of the model JSON file, for the editor's import command.

import type { ImportBaseStationResponse } from '../protocol';
import { describeShape, ImportError, importConfig } from './importConfig';
import { toBaseStationJson } from './modelFile';

export function importAsModelJson(text: string): ImportBaseStationResponse {
  try {
    const imported = importConfig(text, { model: 'DP750' });
    const n = imported.notes.length;
    const notes = n ? `; ${n} line${n === 1 ? ' was' : 's were'} not understood` : '';
    return { json: JSON.stringify(toBaseStationJson(imported.model), null, 2) + '\n', summary: `${describeShape(imported.shape)} config, ${imported.used} values used${notes}` };
  } catch (err) {
    if (err instanceof ImportError) return { problem: err.message };
    throw err;
  }
}
