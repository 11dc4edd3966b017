// The base-station P-value catalogue: lookups over the generated facts (pValues.generated.ts), the slot a P-value
// belongs to, and the words people use for its type. Every base-config feature reads P-values from here only.

import { P_VALUES, TEMPLATE_SOURCE, V2_ONLY_ALIASES } from './pValues.generated';
import type { Interval, PValueEntry, PValueType } from './types';

export { P_VALUES, TEMPLATE_SOURCE };
export type { PValueEntry };

const BY_P: ReadonlyMap<number, PValueEntry> = new Map(P_VALUES.map((e) => [e.p, e]));
const BY_ALIAS: ReadonlyMap<string, PValueEntry> = new Map(P_VALUES.filter((e) => e.alias).map((e) => [e.alias as string, e]));
const ALIASES: readonly string[] = [...BY_ALIAS.keys(), ...V2_ONLY_ALIASES];

/** `P27762` or `27762`. */
/** A key as a config file must write it: a capital P and the number without leading zeros (`p27762`, `P027762` and
 * `27762` are unknown there, and get the right key as a suggestion). */
export function pValue(key: string): PValueEntry | undefined {
  const m = /^P([1-9]\d*)$/.exec(key);
  return m ? BY_P.get(Number(m[1])) : undefined;
}

export function byAlias(alias: string): PValueEntry | undefined {
  return BY_ALIAS.get(alias);
}

/** The P-number of a v2 alias the code relies on; one the catalogue lacks is a fault of ours, found at load. */
export function pNumberOf(alias: string): number {
  const entry = BY_ALIAS.get(alias);
  if (!entry) throw new Error(`the P-value catalogue has no ${alias}`);
  return entry.p;
}

/** A v2 item name the template knows but could not pair with a P-number. */
export function isKnownV2OnlyAlias(alias: string): boolean {
  return V2_ONLY_ALIASES.includes(alias);
}

/** A P-value by number, `P`-number or alias. */
export function lookup(key: string): PValueEntry | undefined {
  return pValue(key) ?? byAlias(key);
}

/** How many P-values a did-you-mean offers at most. */
export const MAX_SUGGESTIONS = 3;

export interface PSuggestions {
  /** The likeliest first. */
  readonly keys: readonly string[];
  /** Whether the first is clearly likelier than the rest (the one to apply without asking). */
  readonly clear: boolean;
}

/**
 * The P-values likely meant by an unknown `P`-number, at most three: two neighbouring digits swapped first (the
 * commonest slip), then one digit wrong, missing or extra; among equals, the numerically closest.
 */
export function suggestPs(key: string): PSuggestions {
  const digits = key.replace(/^P/i, '');
  const n = Number(digits);
  const near = P_VALUES.flatMap((e) => {
    const cost = digitEditCost(digits, String(e.p));
    return cost === undefined || cost === 0 ? [] : [{ p: e.p, cost }];
  }).sort((a, b) => a.cost - b.cost || Math.abs(a.p - n) - Math.abs(b.p - n) || a.p - b.p);
  const keys = near.slice(0, MAX_SUGGESTIONS).map((e) => `P${e.p}`);
  return { keys, clear: near.length === 1 || (near.length > 1 && near[0].cost < near[1].cost) };
}

/** " Did you mean A?" (and the others as "also near"), or " Did you mean A or B?" when none is clearly likelier. */
export function didYouMean(suggestions: PSuggestions, show: (key: string) => string = (key) => key): string {
  const [first, ...rest] = suggestions.keys.map(show);
  if (first === undefined) return '';
  if (!suggestions.clear) return ` Did you mean ${[first, ...rest].join(' or ')}?`;
  return ` Did you mean ${first}?${rest.length ? ` Also near: ${rest.join(', ')}.` : ''}`;
}

const SWAP = 1;
const ONE_DIGIT = 2;

/**
 * 0 when equal, SWAP when two neighbouring digits are swapped, ONE_DIGIT when one digit is wrong, missing or extra,
 * else undefined: the optimal string alignment distance cut off at one edit, in one pass (a full table per
 * candidate cost a millisecond per unknown key).
 */
function digitEditCost(a: string, b: string): number | undefined {
  if (a === b) return 0;
  if (a.length === b.length) {
    let i = 0;
    while (a[i] === b[i]) i++;
    if (a.slice(i + 1) === b.slice(i + 1)) return ONE_DIGIT; // one digit wrong
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2) ? SWAP : undefined;
  }
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  if (long.length - short.length !== 1) return undefined;
  let i = 0;
  while (i < short.length && long[i] === short[i]) i++;
  return long.slice(i + 1) === short.slice(i) ? ONE_DIGIT : undefined; // one digit missing or extra
}

/** The likeliest meant v2 item name: at most a few edits away (a quarter of its length, at least 2). */
export function suggestAlias(alias: string): string | undefined {
  const word = alias.toLowerCase();
  const limit = Math.max(2, Math.floor(alias.length / 4));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (let i = 0; i < ALIASES.length; i++) {
    const candidate = ALIASES_LOWER[i];
    if (Math.abs(candidate.length - word.length) >= bestDistance) continue;
    const d = boundedDistance(word, candidate, bestDistance - 1);
    if (d < bestDistance) [best, bestDistance] = [ALIASES[i], d];
  }
  return best;
}

const ALIASES_LOWER = ALIASES.map((a) => a.toLowerCase());
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/** Levenshtein distance, or `max + 1` as soon as it must exceed `max` (so most candidates cost a few rows). */
function boundedDistance(a: string, b: string, max: number): number {
  if (rowA.length <= b.length) [rowA, rowB] = [new Int32Array(b.length + 1), new Int32Array(b.length + 1)];
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1));
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

export type SlotKind = 'profile' | 'account' | 'handset';

export interface Slot {
  readonly kind: SlotKind;
  readonly index: number;
  /** A handset's line slot (1–10), for `handset.N.line.L.…`. */
  readonly line?: number;
}

/** Which profile, account or handset a P-value configures, read from its alias (`profile.2.…`, `…_HS03`). */
export function slotOf(entry: PValueEntry): Slot | undefined {
  const alias = entry.alias ?? '';
  const dotted = /^(profile|account|handset)\.(\d+)\.(?:line\.(\d+)\.)?/.exec(alias);
  if (dotted) return { kind: dotted[1] as SlotKind, index: Number(dotted[2]), ...(dotted[3] ? { line: Number(dotted[3]) } : {}) };
  const hs = /_HS0?(\d+)$/.exec(alias);
  if (hs) return { kind: 'handset', index: Number(hs[1]) };
  const section = /^Profile (\d)\//.exec(entry.section);
  return section ? { kind: 'profile', index: Number(section[1]) } : undefined;
}

/** A server path the base station fetches from, with the P-value that picks its protocol (TFTP, HTTP or HTTPS): the
 * path itself takes no scheme. */
export interface ServerPath {
  readonly path: number;
  readonly via: number;
}

/** The Config Server Path (P237) and its protocol (P212). */
export const CONFIG_SERVER: ServerPath = { path: pNumberOf('provisioning.server_path'), via: pNumberOf('provisioning.protocol') };
/** The Firmware Server Path (P192) and its protocol (P6767). */
export const FIRMWARE_SERVER: ServerPath = { path: pNumberOf('upgrade.server_path'), via: pNumberOf('upgrade.protocol') };

/** The provisioners that take over from the config server path, each on by default: DHCP option 66 (P145), 3CX auto
 * provisioning (P1414). */
export const DHCP_OVERRIDES_CONFIG_SERVER: number = pNumberOf('provisioning.override.dhcp.allow_common_options');
export const THREE_CX_PROVISIONING: number = pNumberOf('provisioning.3cx.auto_provision.enable');

/** The P-values of the profile names, profile 1 first. */
export const PROFILE_NAME_PS: readonly number[] = [1, 2, 3, 4].map((i) => pNumberOf(`profile.${i}.name`));

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

/** What a value means, where the template labels it (`1` → `Yes`); for a second meaning, with its name. */
export function optionLabel(entry: PValueEntry, value: string): string | undefined {
  const own = entry.options?.find(([v]) => v === value)?.[1];
  if (own !== undefined) return own;
  for (const m of entry.also ?? []) {
    const label = m.options?.find(([v]) => v === value)?.[1];
    if (label !== undefined) return `${label} (as ${m.name})`;
  }
  return undefined;
}

/** Whether the labels name every value the type allows (then they are the choices to list), not just a few of a range. */
export function labelsCoverType(meaning: Pick<PValueEntry, 'type' | 'options'>): boolean {
  const { type, options } = meaning;
  if (!options?.length || type.kind !== 'number' || !type.intervals) return false;
  const size = type.intervals.reduce((n, [lo, hi]) => n + hi - lo + 1, 0);
  return size === options.filter(([v]) => /^-?\d+$/.test(v) && inIntervals(Number(v), type.intervals ?? [])).length;
}
