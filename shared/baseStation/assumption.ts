// A point of a provisioning the vendor's guide leaves open, and the reading the simulation takes on it (the list
// itself is the server's: server/src/baseStation/assumptions.ts).

export type AssumptionId =
  | 'registration'
  | 'handset-number'
  | 'account-match'
  | 'removal-first'
  | 'line-slot'
  | 'new-account-fields'
  | 'reused-account-fields'
  | 'new-account-hs-mode'
  | 'empty-slot-on-handsets'
  | 'stale-account-settings'
  | 'fleet-order';

export interface Assumption {
  readonly id: AssumptionId;
  /** What the guide does say on the point, if anything. */
  readonly guideSays?: string;
  /** What it leaves open. */
  readonly silentOn: string;
  /** The reading the simulation takes. */
  readonly assumed: string;
  /** Why that reading. */
  readonly why: string;
}
