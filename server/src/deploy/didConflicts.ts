// Two handsets on one account where a line asks for ring type DID: DID makes the account ring only "its" handset,
// so whichever handset is provisioned last takes the account over from the other.

import { listRows } from './rowList';

export interface AccountClaim {
  readonly row: number;
  readonly profile: string;
  readonly userId: string;
  readonly ringType?: string;
}

export interface DidConflict {
  readonly rows: readonly number[];
  readonly message: string;
}

export function findDidConflicts(claims: readonly AccountClaim[]): DidConflict[] {
  const byAccount = new Map<string, AccountClaim[]>();
  for (const claim of claims) {
    const key = `${claim.profile}\u0000${claim.userId}`;
    byAccount.set(key, [...(byAccount.get(key) ?? []), claim]);
  }
  const conflicts: DidConflict[] = [];
  for (const group of byAccount.values()) {
    const rows = [...new Set(group.map((c) => c.row))];
    const didRows = [...new Set(group.filter((c) => c.ringType === 'DID').map((c) => c.row))];
    if (rows.length < 2 || didRows.length === 0) continue;
    const { profile, userId } = group[0];
    conflicts.push({
      rows,
      message:
        `User ID '${userId}' on '${profile}' is on ${rows.length} handsets, and row${didRows.length === 1 ? '' : 's'} ${listRows(didRows)} ` +
        `set${didRows.length === 1 ? 's' : ''} its ring_type to DID, which makes the account ring one handset only: the handset provisioned last takes it over.`,
    });
  }
  return conflicts;
}
