// The base-station P-value catalogue: lookups over the generated facts (pValues.generated.ts), the slot a P-value
// belongs to, and the words people use for its type. Every base-config feature reads P-values from here only.

import { closest } from '../languageService/suggest';
import { P_VALUES, TEMPLATE_SOURCE, V2_ONLY_ALIASES } from './pValues.generated';
import type { Interval, PValueEntry, PValueType } from './types';

export { P_VALUES, TEMPLATE_SOURCE };
export type { PValueEntry };

const BY_P: ReadonlyMap<number, PValueEntry> = new Map(P_VALUES.map((e) => [e.p, e]));
const BY_ALIAS: ReadonlyMap<string, PValueEntry> = new Map(P_VALUES.filter((e) => e.alias).map((e) => [e.alias as string, e]));
const ALIASES: readonly string[] = [...BY_ALIAS.keys(), ...V2_ONLY_ALIASES];

/** `P27762` or `27762`. */
export function pValue(key: string): PValueEntry | undefined {
  const m = /^P?(\d+)$/i.exec(key);
  return m ? BY_P.get(Number(m[1])) : undefined;
}

export function byAlias(alias: string): PValueEntry | undefined {
  return BY_ALIAS.get(alias);
}

/** A v2 item name the template knows but could not pair with a P-number. */
export function isKnownV2OnlyAlias(alias: string): boolean {
  return V2_ONLY_ALIASES.includes(alias);
}

/** A P-value by number, `P`-number or alias. */
export function lookup(key: string): PValueEntry | undefined {
  return pValue(key) ?? byAlias(key);
}

/**
 * The likeliest meant P-value for an unknown `P`-number: one digit wrong, missing, extra or two swapped; among
 * equally near ones, the closest number.
 */
export function suggestP(key: string): string | undefined {
  const digits = key.replace(/^P/i, '');
  const n = Number(digits);
  let best: PValueEntry | undefined;
  let bestScore = Infinity;
  for (const e of P_VALUES) {
    const d = digitDistance(digits, String(e.p));
    if (d > 1) continue;
    const score = d * 1e9 + Math.abs(e.p - n);
    if (score < bestScore) [best, bestScore] = [e, score];
  }
  return best ? `P${best.p}` : undefined;
}

/** Optimal string alignment distance (Levenshtein with adjacent swaps). */
function digitDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 1) return 2;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The likeliest meant v2 item name. */
export function suggestAlias(alias: string): string | undefined {
  return closest(alias, ALIASES);
}

/** An unknown P-number that is a known alias, or the other way round, is suggested in its right form. */
export function crossSuggestion(key: string): PValueEntry | undefined {
  return /^P?\d+$/i.test(key) ? undefined : byAlias(key.replace(/^P(?=[a-z])/, ''));
}

export type SlotKind = 'profile' | 'account' | 'handset';

export interface Slot {
  readonly kind: SlotKind;
  readonly index: number;
}

/** Which profile, account or handset a P-value configures, read from its alias (`profile.2.…`, `…_HS03`). */
export function slotOf(entry: PValueEntry): Slot | undefined {
  const alias = entry.alias ?? '';
  const dotted = /^(profile|account|handset)\.(\d+)\./.exec(alias);
  if (dotted) return { kind: dotted[1] as SlotKind, index: Number(dotted[2]) };
  const hs = /_HS0?(\d+)$/.exec(alias);
  if (hs) return { kind: 'handset', index: Number(hs[1]) };
  const section = /^Profile (\d)\//.exec(entry.section);
  return section ? { kind: 'profile', index: Number(section[1]) } : undefined;
}

/** The P-values of the profile names, profile 1 first. */
export const PROFILE_NAME_PS: readonly number[] = [27762, 27763, 27764, 27765];

export function inIntervals(n: number, intervals: readonly Interval[]): boolean {
  return intervals.some(([lo, hi]) => n >= lo && n <= hi);
}

/** `0–3`, `0, 1, 2`, `1–5 or 101–104`. */
export function describeIntervals(intervals: readonly Interval[]): string {
  const parts = intervals.map(([lo, hi]) => (lo === hi ? String(lo) : `${lo}–${hi}`));
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1]}`;
}

export function describeType(type: PValueType): string {
  if (type.kind === 'any') return 'any value (the template states no type)';
  if (type.kind === 'number') return type.intervals ? `number: ${describeIntervals(type.intervals)}` : 'a whole number';
  const parts = [type.charset === 'digits' ? 'digits' : 'text'];
  if (type.minLength !== undefined && type.minLength === type.maxLength) parts.push(`exactly ${type.maxLength} characters`);
  else if (type.maxLength !== undefined) parts.push(`at most ${type.maxLength} characters`);
  if (type.charset === 'printable') parts.push('printable ASCII without spaces');
  if (type.charset === 'alnum') parts.push('letters and digits only');
  if (type.format === 'address') parts.push('a server address');
  if (type.format === 'ip') parts.push('an IP address');
  if (type.format === 'email') parts.push('an e-mail address');
  return parts.join(', ');
}

/** What a value means, for sets with labels (`1` → `Yes`). */
export function optionLabel(entry: PValueEntry, value: string): string | undefined {
  return entry.options?.find(([v]) => v === value)?.[1];
}
