// Provisioning a whole folder of handset files against one base station, one after another as the handsets would
// ask for them: who ends up with which accounts, where slots run out, and accounts two handsets both claim for
// themselves alone (`DID`).

import { assumptionsFor } from './assumptions';
import { requesterIpei } from './requester';
import { diffModels } from '../../../shared/baseStation/diff';
import type { DidConflict, FleetFile, FleetHandset, FleetResult, FleetRun, Shortage } from '../../../shared/baseStation/fleetResult';
import { cloneBaseStation, profileName, type BaseStation } from '../../../shared/baseStation/model';
import { simulate } from './simulate';

export function simulateFleet(model: BaseStation, files: readonly FleetFile[]): FleetResult {
  let current = model;
  const runs: FleetRun[] = [];
  for (const f of files) {
    const run = runFleetFile(current, f);
    runs.push(run);
    current = run.result?.after ?? current;
  }
  return summarizeFleet(model, runs, current === model ? cloneBaseStation(model) : current);
}

/** One file of the fleet, run against the base station as the files before it left it (which is not changed). */
export function runFleetFile(current: BaseStation, f: FleetFile): FleetRun {
  const ipei = f.ipei ?? ipeiOf(f);
  if (!ipei) return { file: f.name, problem: 'Neither its <ipei> nor its name gives the IPEI of a handset, so no handset would ask for it.' };
  return { file: f.name, result: simulate(current, ipei, f.text) };
}

/** The fleet's result from its runs in order; `after` is where the last run left the base station. */
export function summarizeFleet(model: BaseStation, runs: readonly FleetRun[], after: BaseStation): FleetResult {
  return {
    runs,
    before: cloneBaseStation(model),
    after,
    handsets: handsetsOf(after),
    shortages: runs.flatMap(shortagesOf),
    conflicts: conflictsOf(runs, after),
    warnings: runs.flatMap((run) => (run.result?.steps ?? []).filter((s) => s.status === 'warn').map((s) => ({ file: run.file, message: s.message, span: s.span }))),
    assumptions: assumptionsFor(['fleet-order', ...runs.flatMap((run) => run.result?.assumptions.map((a) => a.id) ?? [])]),
    difference: diffModels(model, after),
  };
}

function ipeiOf(f: FleetFile): string | undefined {
  return requesterIpei(f.text, f.name);
}

function handsetsOf(model: BaseStation): FleetHandset[] {
  return model.handsets.map((h) => ({
    number: h.number,
    ipei: h.ipei,
    name: h.name,
    lines: h.lines.flatMap((account, i) => {
      if (account === 0) return [];
      const a = model.accounts[account - 1];
      return [{ lineSlot: i + 1, account, userId: a.userId, profile: profileName(model, a.profile) }];
    }),
  }));
}

function shortagesOf(run: FleetRun): Shortage[] {
  const r = run.result;
  if (!r) return [];
  const handsetFailure = r.steps.find((s) => s.kind === 'handset' && s.status === 'fail');
  if (handsetFailure) return [{ file: run.file, kind: 'handset-number', message: handsetFailure.message }];
  return r.steps.filter((s) => s.kind === 'account' && s.status === 'fail').map((s) => ({ file: run.file, kind: 'account-slot', message: s.message, span: s.span }));
}

/**
 * Accounts that more than one handset set to DID. A handset's last file that was applied is what counts: a later
 * file that drops the line withdraws the claim. What that file put on the handset is what it holds at the end: no
 * other handset's file takes an account a handset holds (only empty and stale ones are written).
 */
function conflictsOf(runs: readonly FleetRun[], final: BaseStation): DidConflict[] {
  const latest = new Map<number, FleetRun>();
  for (const run of runs) {
    const r = run.result;
    if (r?.handset !== undefined && (r.outcome === 'applied' || r.outcome === 'partly-applied')) latest.set(r.handset, run);
  }
  const effective = runs.filter((run) => run.result?.handset !== undefined && latest.get(run.result.handset) === run);
  const claims = new Map<string, { account: number; userId: string; claims: DidConflict['claims'][number][] }>();
  for (const run of effective) {
    const handset = run.result?.handset as number;
    for (const line of run.result?.lines ?? []) {
      if (line.ringType !== 'DID' || line.account === undefined) continue;
      const key = `${line.account}\u0000${line.userId}\u0000${line.profile}`;
      const entry = claims.get(key) ?? { account: line.account, userId: line.userId, claims: [] };
      entry.claims.push({ handset, file: run.file, span: line.span });
      claims.set(key, entry);
    }
  }
  return [...claims.values()]
    .filter((c) => new Set(c.claims.map((x) => x.handset)).size > 1)
    .map((c) => ({ ...c, message: conflictMessage(c, final) }));
}

function conflictMessage(c: { account: number; userId: string; claims: DidConflict['claims'] }, final: BaseStation): string {
  const who = c.claims.map((x) => `HS${x.handset} (${x.file})`).join(' and ');
  const last = c.claims[c.claims.length - 1].handset;
  const profile = profileName(final, final.accounts[c.account - 1].profile);
  return `Account ${c.account} (${c.userId} on ${profile}) is set to ring only its own handset (DID) by ${who}; an account has one HS mode, so the last file wins and it rings only HS${last}.`;
}
