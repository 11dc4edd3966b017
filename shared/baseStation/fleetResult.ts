// What provisioning a folder of handset files gives back (the fleet view's hsconfig/simulateFolder answer, the CLI's
// report), and how a report lists the handsets.

import type { Span } from '../span';
import type { Assumption } from './assumption';
import type { ModelDifference } from './diff';
import type { BaseStation } from './model';
import type { SimulationResult } from './simulation';

export interface FleetFile {
  /** How the file is named in reports (a path). */
  readonly name: string;
  readonly text: string;
  /** The IPEI that asks for it; by default the IPEI in its name, else its own `<ipei>`. */
  readonly ipei?: string;
  /** Where it is (a URI), which tells its site; the request's folder's site when absent. */
  readonly uri?: string;
}

export interface FleetRun {
  readonly file: string;
  readonly result?: SimulationResult;
  /** Why the file could not be run at all. */
  readonly problem?: string;
}

export interface FleetLine {
  readonly lineSlot: number;
  readonly account: number;
  readonly userId: string;
  readonly profile: string;
}

export interface FleetHandset {
  readonly number: number;
  readonly ipei: string | null;
  readonly name: string;
  readonly lines: readonly FleetLine[];
}

export interface Shortage {
  readonly file: string;
  readonly kind: 'account-slot' | 'handset-number';
  readonly message: string;
  readonly span?: Span;
}

export interface DidConflict {
  readonly account: number;
  readonly userId: string;
  /** Every handset whose file set the account to ring only it, in the order the files ran. */
  readonly claims: readonly { readonly handset: number; readonly file: string; readonly span?: Span }[];
  readonly message: string;
}

/** A step that goes through but probably not as meant (an account ringing only another handset …). */
export interface FleetWarning {
  readonly file: string;
  readonly message: string;
  readonly span?: Span;
}

export interface FleetResult {
  readonly runs: readonly FleetRun[];
  readonly before: BaseStation;
  readonly after: BaseStation;
  readonly handsets: readonly FleetHandset[];
  readonly shortages: readonly Shortage[];
  readonly conflicts: readonly DidConflict[];
  readonly warnings: readonly FleetWarning[];
  /** Every assumption the runs rest on, and the order of the files. */
  readonly assumptions: readonly Assumption[];
  readonly difference: ModelDifference;
}

/**
 * The handsets to list after a fleet run: those registered (with an IPEI). A handset number no handset holds keeps
 * its factory line settings until one registers; listed with them it looked like a handset (HS5 · — · DECT 5).
 */
export function registeredHandsets(f: FleetResult): { registered: FleetHandset[]; free: number[] } {
  return { registered: f.handsets.filter((h) => h.ipei), free: f.handsets.filter((h) => !h.ipei).map((h) => h.number) };
}

/** `HS3, HS4 and HS5: no handset registered.`, or '' when every number is taken. */
export function freeHandsetsNote(free: readonly number[]): string {
  if (free.length === 0) return '';
  const names = free.map((n) => `HS${n}`);
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${list}: no handset registered.`;
}
