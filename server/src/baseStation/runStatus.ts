// What one file of a folder simulation comes to, in a word and a reason (the sites view's handset rows): applied,
// stops, no slot or not requested. Pure.

import type { FleetRun } from '../../../shared/baseStation/fleetResult';
import type { HandsetStatus } from '../../../shared/protocol/protocol';

export interface RunStatus {
  readonly status: HandsetStatus;
  readonly reason?: string;
  readonly ipei?: string;
  readonly handset?: number;
}

/** The simulation's own tail on a stop; the view says "stops" already. */
const STOP_TAIL = / Provisioning stops here: the file changes nothing\.$/;

export function runStatus(run: FleetRun): RunStatus {
  const r = run.result;
  if (!r) return { status: 'not-requested', reason: run.problem };
  const at = { ipei: r.ipei, handset: r.handset };
  const failed = r.steps.filter((s) => s.status === 'fail').map((s) => s.message.replace(STOP_TAIL, ''));
  switch (r.outcome) {
    case 'applied':
      return { status: 'applied', ...at };
    case 'not-requested':
      return { status: 'not-requested', reason: r.steps.find((s) => s.kind === 'provisioning')?.message, ...at };
    case 'partly-applied':
      return { status: 'no-slot', reason: failed.join(' '), ...at };
    case 'stopped': {
      // A stop at registration: every handset number is taken, so the handset never gets as far as its file.
      const noNumber = r.steps.some((s) => s.status === 'fail' && s.kind === 'handset');
      return { status: noNumber ? 'no-slot' : 'stops', reason: failed[0], ...at };
    }
  }
}
