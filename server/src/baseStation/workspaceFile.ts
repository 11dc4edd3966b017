// The language server's base-station file: `hsconfig.baseStation` (a path, relative to the first workspace folder)
// read from disk. The one module of the base-station model that touches the file system.

import { describeFsError } from '../../../shared/files/fsErrors';
import { readRegularFileSync } from '../../../shared/files/readRegularFile';
import type { BaseStation } from '../../../shared/baseStation/model';
import { resolveBaseStationFile } from '../../../shared/baseStationSetting';
import { readBaseStationText } from './readBaseStation';

export interface WorkspaceBaseStation {
  /** The file looked for, when there was a folder to look in. */
  readonly file?: string;
  /** Absent when there is no such file (then the `hsconfig.profiles` setting applies) or it is unusable. */
  readonly model?: BaseStation;
  /** Why an existing file could not be used. */
  readonly problem?: string;
}

export function loadWorkspaceBaseStation(folders: readonly string[], setting: string): WorkspaceBaseStation {
  const file = resolveBaseStationFile(folders, setting);
  if (!file) return {};
  let text: string;
  try {
    text = readRegularFileSync(file).toString('utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? { file } : { file, problem: `cannot be read: ${describeFsError(err)}` };
  }
  try {
    const read = readBaseStationText(text);
    return read.ok ? { file, model: read.model } : { file, problem: read.message };
  } catch (err) {
    // Whatever the file holds, the server starts and says what went wrong.
    return { file, problem: `cannot be read: ${err instanceof Error ? err.message : String(err)}` };
  }
}
