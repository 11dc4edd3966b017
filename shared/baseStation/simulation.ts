// What a simulation of one handset file gives back (the preview's hsconfig/preview answer, the CLI's report): the
// steps, the lines, the model before and after, and how reports name an outcome and mark a step.

import type { Span } from '../span';
import type { Assumption, AssumptionId } from './assumption';
import type { ModelDifference } from './diff';
import type { BaseStation, HsMode } from './model';

/** `warn`: the step goes through, but probably not as the admin means it to. */
export type StepStatus = 'pass' | 'fail' | 'warn' | 'info';

export type StepKind =
  | 'provisioning'
  | 'handset'
  | 'request'
  | 'file'
  | 'ipei'
  | 'profile'
  | 'user-id'
  | 'account'
  | 'line-removed'
  | 'ring-type'
  | 'hs-mode'
  | 'hs-name'
  | 'force-apply'
  | 'setting';

export interface Step {
  readonly status: StepStatus;
  readonly kind: StepKind;
  readonly message: string;
  /** The part of the handset file the step concerns, as UTF-16 offsets, for an editor to reveal. */
  readonly span?: Span;
  /** The points the guide leaves open that this step's reading rests on. */
  readonly assumptions?: readonly AssumptionId[];
}

export type Outcome = 'not-requested' | 'stopped' | 'applied' | 'partly-applied';

/** How reports name an outcome: a badge word, and a sentence that says what it means. */
export const OUTCOME_TEXT: Readonly<Record<Outcome, { readonly short: string; readonly long: string }>> = {
  'not-requested': { short: 'Not requested', long: 'not requested: handset provisioning is off' },
  stopped: { short: 'Stopped', long: 'stopped: the file changes nothing' },
  applied: { short: 'Applied', long: 'applied' },
  'partly-applied': { short: 'Partly applied', long: 'applied, but some lines found no account slot' },
};

/** The mark reports put before a step. */
export const STEP_MARK: Readonly<Record<StepStatus, string>> = { pass: '✔', fail: '✖', warn: '⚠', info: '•' };

export interface LineResult {
  readonly line: number;
  readonly userId: string;
  readonly profile: number;
  readonly how: 'reused' | 'new' | 'replaced' | 'no-slot';
  /** The account slot the line ends up on. */
  readonly account?: number;
  /** The handset line slot (1–10) that holds it. */
  readonly lineSlot?: number;
  /** The HS mode the line's `<ring_type>` set, if it set one. */
  readonly hsMode?: HsMode;
  readonly ringType?: string;
  readonly span: Span;
}

export interface SettingResult {
  readonly name: string;
  readonly value: string;
  readonly settingClass: 'admin' | 'user';
  readonly applied: boolean;
  readonly reason: string;
  readonly span: Span;
}

export interface Difference extends ModelDifference {
  readonly settings: readonly SettingResult[];
}

export interface SimulationResult {
  readonly outcome: Outcome;
  /** The IPEI that asked for the file. */
  readonly ipei: string;
  readonly url: string;
  /** The handset number the IPEI has (or gets) on the base station. */
  readonly handset?: number;
  readonly steps: readonly Step[];
  /** What the simulation assumed where the guide is silent, for the points this result rests on. */
  readonly assumptions: readonly Assumption[];
  readonly lines: readonly LineResult[];
  readonly before: BaseStation;
  readonly after: BaseStation;
  readonly difference: Difference;
}
