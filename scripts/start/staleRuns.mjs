// Runs of `npm start` that ended without cleaning up (a machine that lost power, a watchdog that was killed too):
// each run records its own pid and code-server's in its folder; the next start removes any folder whose run is gone,
// stopping its code-server first, and says so.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const OWNER_FILE = 'owner.json';
export const RUN_PREFIX = 'hsconfig-start-';

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

export function recordRun(folder, codeServerPid) {
  writeFileSync(path.join(folder, OWNER_FILE), JSON.stringify({ pid: process.pid, codeServer: codeServerPid }));
}

/** Removes the folders of earlier runs that are no longer running; returns their paths. */
export function removeStaleRuns(tmp = os.tmpdir()) {
  const removed = [];
  for (const name of readdirSync(tmp)) {
    if (!name.startsWith(RUN_PREFIX)) continue;
    const folder = path.join(tmp, name);
    let owner;
    try {
      owner = JSON.parse(readFileSync(path.join(folder, OWNER_FILE), 'utf8'));
    } catch {
      continue; // not a run's folder, or one still starting
    }
    if (!Number.isInteger(owner.pid) || alive(owner.pid)) continue;
    if (Number.isInteger(owner.codeServer) && alive(owner.codeServer)) {
      try {
        process.kill(-owner.codeServer, 'SIGKILL');
      } catch {
        // gone meanwhile
      }
    }
    rmSync(folder, { recursive: true, force: true });
    removed.push(folder);
  }
  return removed;
}
