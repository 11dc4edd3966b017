// Which account slot each line of a handset file lands in: an account with the same user ID on the same profile is
// reused; otherwise the first empty slot is taken; when every slot is in use, the first stale account (on no
// handset) is replaced; otherwise there is no slot for the line.

import { handsetsUsing, isEmptyAccount, type Account, type BaseStation } from './model';

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

/**
 * Plans the lines in order, as the base station applies them: an account written for an earlier line counts for
 * the later ones, and neither it nor a reused account is stale any more. The model is not changed.
 */
export function planLines(model: BaseStation, lines: readonly LineAccount[]): AccountPlan[] {
  const scratch = structuredClone(model.accounts);
  const claimed = new Set<number>();
  return lines.map((line) => {
    const plan = planAccount(model, scratch, claimed, line);
    if (plan.kind !== 'none') claimed.add(plan.slot);
    if (plan.kind === 'new' || plan.kind === 'replace') Object.assign(scratch[plan.slot - 1], { userId: line.userId, profile: line.profile });
    return plan;
  });
}

function planAccount(model: BaseStation, accounts: readonly Account[], claimed: ReadonlySet<number>, line: LineAccount): AccountPlan {
  const existing = accounts.find((a) => !isEmptyAccount(a) && a.userId === line.userId && a.profile === line.profile);
  if (existing) return { kind: 'reuse', slot: existing.slot };
  const empty = accounts.find((a) => isEmptyAccount(a) && !claimed.has(a.slot));
  if (empty) return { kind: 'new', slot: empty.slot };
  const stale = accounts.find((a) => !claimed.has(a.slot) && handsetsUsing(model, a.slot).length === 0);
  if (stale) return { kind: 'replace', slot: stale.slot, previous: model.accounts[stale.slot - 1] };
  return { kind: 'none' };
}
