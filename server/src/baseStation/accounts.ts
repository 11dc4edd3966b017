// Which account slot each line of a handset file lands in, as one provisioning: first the handset's lines that the
// file no longer maps to are removed; then, line by line, an account with the same user ID on the same profile is
// reused; otherwise the first empty slot is taken; when every slot is in use, the first stale account (on no
// handset, counting the lines just removed) is replaced; otherwise there is no slot for the line.

import { cloneAccounts, cloneBaseStation, handsetsUsing, isEmptyAccount, type Account, type BaseStation } from '../../../shared/baseStation/model';

export type AccountPlan =
  | { readonly kind: 'reuse'; readonly slot: number }
  | { readonly kind: 'new'; readonly slot: number }
  | { readonly kind: 'replace'; readonly slot: number; readonly previous: Account }
  | { readonly kind: 'none' };

export interface LineAccount {
  /** Profile index, 1–4. */
  readonly profile: number;
  readonly userId: string;
}

export interface ProvisioningPlan {
  /** The handset's line slots (1–10) whose accounts no line of the file maps to; they are removed first. */
  readonly removed: readonly number[];
  /** The account each line of the file takes, in the file's order. */
  readonly lines: readonly AccountPlan[];
}

/**
 * Plans one provisioning of `handset` (undefined for a handset that holds no line yet). The guide (`<line>`) says
 * lines no longer in the file are removed and their accounts stay until a slot is needed, when they go as stale
 * accounts; the removal is taken to come first, so the file's own lines can reuse those accounts. The model is not
 * changed.
 */
export function planProvisioning(model: BaseStation, handset: number | undefined, lines: readonly LineAccount[]): ProvisioningPlan {
  const held = handset === undefined ? [] : model.handsets[handset - 1].lines;
  const mapped = new Set(lines.flatMap((l) => matchingAccount(model.accounts, l)?.slot ?? []));
  const removed = held.flatMap((account, i) => (account !== 0 && !mapped.has(account) ? [i + 1] : []));
  const afterRemoval = cloneBaseStation(model);
  if (handset !== undefined) for (const slot of removed) afterRemoval.handsets[handset - 1].lines[slot - 1] = 0;
  return { removed, lines: planLines(afterRemoval, lines) };
}

/**
 * Plans the lines in order, as the base station applies them (`<line>`: line 1, 2, 3 …): an account written for an
 * earlier line counts for the later ones, and neither it nor a reused account is stale any more. The model is not
 * changed.
 */
export function planLines(model: BaseStation, lines: readonly LineAccount[]): AccountPlan[] {
  const scratch = cloneAccounts(model.accounts);
  const claimed = new Set<number>();
  return lines.map((line) => {
    const plan = planAccount(model, scratch, claimed, line);
    if (plan.kind !== 'none') claimed.add(plan.slot);
    if (plan.kind === 'new' || plan.kind === 'replace') Object.assign(scratch[plan.slot - 1], { userId: line.userId, profile: line.profile });
    return plan;
  });
}

function matchingAccount(accounts: readonly Account[], line: LineAccount): Account | undefined {
  return accounts.find((a) => !isEmptyAccount(a) && a.userId === line.userId && a.profile === line.profile);
}

function planAccount(model: BaseStation, accounts: readonly Account[], claimed: ReadonlySet<number>, line: LineAccount): AccountPlan {
  const existing = matchingAccount(accounts, line);
  if (existing) return { kind: 'reuse', slot: existing.slot };
  const empty = accounts.find((a) => isEmptyAccount(a) && !claimed.has(a.slot));
  if (empty) return { kind: 'new', slot: empty.slot };
  const stale = accounts.find((a) => !claimed.has(a.slot) && handsetsUsing(model, a.slot).length === 0);
  if (stale) return { kind: 'replace', slot: stale.slot, previous: model.accounts[stale.slot - 1] };
  return { kind: 'none' };
}
