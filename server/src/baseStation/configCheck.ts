// What the editor's "Use as the Workspace's Base Station" tells the user about a config before the workspace takes
// it: how it reads (shape, values used), the lines it could not read (by number), and what matters about the base
// station it describes. Nothing is written: the config itself is the base station.

import type { ImportBaseStationResponse } from '../../../shared/protocol/protocol';
import { describeShape, ImportError, importConfig } from './importConfig';

export function checkBaseStationConfig(text: string): ImportBaseStationResponse {
  try {
    const imported = importConfig(text);
    const n = imported.notes.length;
    const notes = n ? `; ${n} line${n === 1 ? ' was' : 's were'} not understood (line${n === 1 ? '' : 's'} ${imported.notes.map((x) => x.line).join(', ')})` : '';
    const warnings = imported.model.provisioning.handsetProvisioning
      ? []
      : ['Handset provisioning is off on this base station (P27014 is 0 or not set): it fetches no handset file until it is switched on, so the preview shows every file as not fetched.'];
    return {
      summary: `${describeShape(imported.shape)} config, ${imported.used} values used${notes}`,
      profiles: imported.model.profiles.map((p) => p.name),
      notes: imported.notes,
      warnings,
    };
  } catch (err) {
    if (err instanceof ImportError) return { problem: err.message };
    throw err;
  }
}
