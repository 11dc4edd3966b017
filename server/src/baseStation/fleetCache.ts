// The folder simulation kept between changes, so that a change to one file of a large folder costs about one file.
// A file's run depends only on its text and on the base station as the files before it left it. So after a change,
// the runs before the first changed file are kept; from there files are simulated again, until the base station
// before an unchanged file of the list's tail is the same as last time: from there on every run is as it was.
// The result is always what `simulateFleet` gives for the same model and files (a property test holds it to that).

import { runFleetFile, summarizeFleet } from './fleet';
import type { FleetFile, FleetResult, FleetRun } from '../../../shared/baseStation/fleetResult';
import { cloneBaseStation, type BaseStation } from '../../../shared/baseStation/model';

interface Checkpoint {
  readonly file: FleetFile;
  /** The base station as the files before this one left it. */
  readonly before: BaseStation;
  readonly run: FleetRun;
  /** As this file leaves it. */
  readonly after: BaseStation;
}

export class FleetCache {
  private model: BaseStation | undefined;
  private checkpoints: Checkpoint[] = [];
  /** How many files the last `run` simulated; the others' runs were kept. */
  simulated = 0;

  /**
   * `simulateFleet(model, files)`, reusing the runs of the last call where they cannot differ. The result shares its
   * base-station states with the cache: read it, do not change it.
   */
  run(model: BaseStation, files: readonly FleetFile[]): FleetResult {
    if (!this.model || !sameData(this.model, model)) {
      this.model = cloneBaseStation(model);
      this.checkpoints = [];
    }
    const old = this.checkpoints;
    const prefix = commonPrefix(old, files);
    const suffix = commonSuffix(old, files, prefix);
    const next = old.slice(0, prefix);
    let current = prefix > 0 ? old[prefix - 1].after : this.model;
    this.simulated = 0;
    for (let i = prefix; i < files.length; i++) {
      const same = i - files.length + old.length; // the file's place in the last list, once in the unchanged tail
      if (i >= files.length - suffix && sameData(old[same].before, current)) {
        next.push(...old.slice(same));
        current = old[old.length - 1].after;
        break;
      }
      const run = runFleetFile(current, files[i]);
      const after = run.result?.after ?? current;
      next.push({ file: files[i], before: current, run, after });
      current = after;
      this.simulated++;
    }
    this.checkpoints = next;
    const runs: FleetRun[] = next.map((c) => c.run);
    return summarizeFleet(model, runs, current === this.model ? cloneBaseStation(model) : current);
  }
}

function sameFile(a: FleetFile, b: FleetFile): boolean {
  return a.name === b.name && a.text === b.text && a.ipei === b.ipei;
}

function commonPrefix(old: readonly Checkpoint[], files: readonly FleetFile[]): number {
  let n = 0;
  while (n < old.length && n < files.length && sameFile(old[n].file, files[n])) n++;
  return n;
}

/** How many files at the end of both lists are the same, not counting the common prefix. */
function commonSuffix(old: readonly Checkpoint[], files: readonly FleetFile[], prefix: number): number {
  const most = Math.min(old.length, files.length) - prefix;
  let n = 0;
  while (n < most && sameFile(old[old.length - 1 - n].file, files[files.length - 1 - n])) n++;
  return n;
}

/**
 * Deep equality of plain JSON data, such as two base-station states. Node's `isDeepStrictEqual` gives the same answer
 * here but costs several times as much, and a change to the first file of a folder compares once per later file.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameData(x, b[i]));
  const keys = Object.keys(a);
  const other = b as Record<string, unknown>;
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(other, k) && sameData((a as Record<string, unknown>)[k], other[k]));
}
