// What changed between two states of a base station, cell by cell, for tables that mark changed cells.

import type { Account, BaseStation } from './model';

export type AccountField = Exclude<keyof Account, 'slot'>;

export const ACCOUNT_FIELDS: readonly AccountField[] = ['userId', 'authId', 'displayName', 'profile', 'hsMode', 'active'];

export interface AccountCellChange {
  readonly slot: number;
  readonly field: AccountField;
  readonly before: string | number | boolean;
  readonly after: string | number | boolean;
}

export interface HandsetChange {
  readonly number: number;
  readonly ipei?: { readonly before: string | null; readonly after: string | null };
  readonly name?: { readonly before: string; readonly after: string };
  /** All 10 line slots before and after, when any changed. */
  readonly lines?: { readonly before: readonly number[]; readonly after: readonly number[] };
}

export interface ModelDifference {
  readonly accounts: readonly AccountCellChange[];
  readonly handsets: readonly HandsetChange[];
}

export function diffModels(before: BaseStation, after: BaseStation): ModelDifference {
  if (before === after) return { accounts: [], handsets: [] };
  const accounts = after.accounts.flatMap((a, i) =>
    ACCOUNT_FIELDS.filter((f) => before.accounts[i][f] !== a[f]).map((field) => ({ slot: a.slot, field, before: before.accounts[i][field], after: a[field] })),
  );
  const handsets = after.handsets.flatMap((h, i): HandsetChange[] => {
    const old = before.handsets[i];
    const change = {
      number: h.number,
      ...(old.ipei !== h.ipei ? { ipei: { before: old.ipei, after: h.ipei } } : {}),
      ...(old.name !== h.name ? { name: { before: old.name, after: h.name } } : {}),
      ...(!sameLines(old.lines, h.lines) ? { lines: { before: [...old.lines], after: [...h.lines] } } : {}),
    };
    return Object.keys(change).length > 1 ? [change] : [];
  });
  return { accounts, handsets };
}

function sameLines(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
