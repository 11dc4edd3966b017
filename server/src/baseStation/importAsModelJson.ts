// A base station's configuration file as the text of the model JSON file, for the editor's import command, with the
// lines it could not read (by number) and what the user should know about the imported base station.

import type { ImportBaseStationResponse } from '../../../shared/protocol/protocol';
import { describeShape, ImportError, importConfig } from './importConfig';
import { toBaseStationJson } from './modelFile';

export function importAsModelJson(text: string): ImportBaseStationResponse {
  try {
    const imported = importConfig(text);
    const n = imported.notes.length;
    const notes = n ? `; ${n} line${n === 1 ? ' was' : 's were'} not understood (line${n === 1 ? '' : 's'} ${imported.notes.map((x) => x.line).join(', ')})` : '';
    const warnings = imported.model.provisioning.handsetProvisioning
      ? []
      : ['Handset provisioning is off on this base station (P27014 is 0 or not set): it fetches no handset file until it is switched on, so the preview shows every file as not fetched.'];
    return {
      json: JSON.stringify(toBaseStationJson(imported.model), null, 2) + '\n',
      summary: `${describeShape(imported.shape)} config, ${imported.used} values used${notes}`,
      notes: imported.notes,
      warnings,
    };
  } catch (err) {
    if (err instanceof ImportError) return { problem: err.message };
    throw err;
  }
}
