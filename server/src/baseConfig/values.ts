// Whether a value fits its P-value's type, in the words the diagnostics use.

import { profileNameProblem } from '../domain/profileName';
import { describeIntervals, inIntervals, labelsCoverType, PROFILE_NAME_PS } from './catalogue';
import { BaseCode, type BaseDiagnosticCode } from './codes';
import type { ConfigShape } from '../../../shared/protocol/status';
import type { PValueEntry, PValueMeaning } from './types';

export interface ValueProblem {
  readonly code: BaseDiagnosticCode;
  readonly message: string;
}

const CHARSETS = {
  printable: { test: /^[\x21-\x7e]*$/, words: 'printable ASCII characters without spaces' },
  alnum: { test: /^[A-Za-z0-9]*$/, words: 'letters a–z, A–Z and digits' },
  digits: { test: /^\d*$/, words: 'digits' },
} as const;

/** A number as the file writes it; XML v2 files (the vendor's own template among them) write `40.0` for 40. */
export function readNumber(value: string, shape: ConfigShape): number | undefined {
  const pattern = shape === 'xml-v2' ? /^[+-]?\d+(?:\.0+)?$/ : /^[+-]?\d+$/;
  return pattern.test(value) ? Math.trunc(Number(value)) : undefined;
}

/**
 * What is wrong with a non-empty value, or `undefined`. Empty values are judged by the caller (mandatory or not).
 * A P-number the template documents twice (P1591: XSI server, then XSI port) takes a value that fits either meaning:
 * one P-number holds one value, and the template does not say which meaning the firmware reads.
 */
export function checkValue(entry: PValueEntry, value: string, shape: ConfigShape): ValueProblem | undefined {
  if (value === '') return undefined;
  const problem = checkMeaning(entry, entry, value, shape);
  if (!problem || !entry.also?.length || entry.also.some((m) => !checkMeaning(entry, m, value, shape))) return problem;
  return { ...problem, message: `${problem.message} The template also documents P${entry.p} as ${entry.also.map((m) => m.name).join(', ')}, which does not take it either.` };
}

function checkMeaning(entry: PValueEntry, meaning: PValueEntry | PValueMeaning, value: string, shape: ConfigShape): ValueProblem | undefined {
  const type = meaning.type;
  const label = `P${entry.p} (${meaning.name})`;
  if (type.kind === 'number') {
    const n = readNumber(value, shape);
    if (n === undefined) return { code: BaseCode.NotANumber, message: `${label} takes a whole number${type.intervals ? ` (${describeIntervals(type.intervals)})` : ''}; "${value}" is not one.` };
    if (!type.intervals || inIntervals(n, type.intervals)) return undefined;
    const isSet = type.intervals.every(([lo, hi]) => lo === hi);
    const choices = labelsCoverType(meaning) ? (meaning.options ?? []).map(([v, l]) => `${v} (${l})`).join(', ') : describeIntervals(type.intervals);
    return isSet
      ? { code: BaseCode.NotInSet, message: `${label} takes ${choices}; ${value} is not one of them.` }
      : { code: BaseCode.OutOfRange, message: `${label} takes ${choices}; ${value} is out of range.` };
  }
  // A text value with a list that holds the template's own value (the time zone) takes one of its values. A list
  // that does not hold it only describes (the phonebook: its labels say 1 is PB1, but the template writes PB1).
  const listed = entry.options?.some(([v]) => v === entry.default) ? entry.options : undefined;
  if (listed && !listed.some(([v]) => v === value)) return notListed(entry, label, value);
  if (type.kind === 'string') {
    const length = [...value].length;
    if (type.maxLength !== undefined && length > type.maxLength) return { code: BaseCode.ValueTooLong, message: `${label} holds at most ${type.maxLength} characters; this one has ${length}.` };
    if (type.minLength !== undefined && length < type.minLength) return { code: BaseCode.ValueTooShort, message: `${label} needs ${type.minLength === type.maxLength ? 'exactly' : 'at least'} ${type.minLength} characters; this one has ${length}.` };
    if (type.format === 'ip') {
      const problem = ipProblem(value);
      if (problem) return { code: BaseCode.IpAddressExpected, message: `${label} takes an IP address, such as 192.0.2.10; ${problem}` };
    }
    const charset = type.charset && CHARSETS[type.charset];
    if (charset && !charset.test.test(value)) return { code: BaseCode.InvalidCharacters, message: `${label} may hold only ${charset.words}${entry.p === 1359 ? ': the base station cannot decrypt files with any other password' : ''}.` };
    // A profile name follows the one rule every path that writes one checks (its length is the template's, above).
    const name = PROFILE_NAME_PS.includes(entry.p) ? profileNameProblem(value) : undefined;
    if (name?.kind === 'character' || name?.kind === 'spaces') return { code: BaseCode.InvalidCharacters, message: `${label}: ${name.message}` };
  }
  return undefined;
}

/** A text value outside its listed values (the time zone's `TZO-1` …), with the closest one when it is clear. */
function notListed(entry: PValueEntry, label: string, value: string): ValueProblem {
  const near = closestOption(entry, value);
  const hint = near ? ` Did you mean ${near[0]} (${near[1]})?` : ` It takes one of the ${entry.options?.length} listed values (completion offers them).`;
  return { code: BaseCode.NotInSet, message: `${label}: "${value}" is not one of its values.${hint}` };
}

/** `GMT+1`, `UTC+01:00`, `+5:30`: an offset from GMT in minutes, as people write it. */
function gmtOffset(text: string): number | undefined {
  const m = /^(?:GMT|UTC)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$/i.exec(text.trim()) ?? /^(?:GMT|UTC)$/i.exec(text.trim());
  if (!m) return undefined;
  if (m[1] === undefined) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

/**
 * The listed value meant by one that is not listed: the same in other letter case, or the one whose label names
 * the same GMT offset (`GMT+1` is `TZO-1`, labelled GMT+01:00: the template's values turn the sign round).
 */
export function closestOption(entry: PValueEntry, value: string): readonly [string, string] | undefined {
  const options = entry.options ?? [];
  const sameLetters = options.filter(([v]) => v.toLowerCase() === value.toLowerCase());
  if (sameLetters.length === 1) return sameLetters[0];
  const offset = gmtOffset(value);
  if (offset === undefined) return undefined;
  return options.find(([, label]) => gmtOffset(label) === offset);
}

const IPV4 = /^(?:\d{1,3}\.){3}\d{1,3}(?:\/\d{1,2})?$/;

/** What keeps a value from being an IP address (or a list of them, as the white list takes), or `undefined`. */
function ipProblem(value: string): string | undefined {
  for (const part of value.split(/[\s,;]+/).filter((p) => p !== '')) {
    if (IPV4.test(part) && part.split(/[./]/).slice(0, 4).every((n) => Number(n) <= 255)) continue;
    if (part.includes(':') && /^[\da-f:.]+$/i.test(part)) continue; // IPv6
    if (/[a-z]/i.test(part)) return `"${part}" is a host name, which this field does not look up: write the server's IP address.`;
    return `"${part}" is not one.`;
  }
  return undefined;
}

/** The allowed number nearest to `n`: the closer bound of the nearest interval (for a set, the nearest value). */
export function nearestAllowed(entry: PValueEntry, n: number): number | undefined {
  const intervals = entry.type.kind === 'number' ? entry.type.intervals : undefined;
  let best: number | undefined;
  for (const [lo, hi] of intervals ?? []) {
    const candidate = n < lo ? lo : n > hi ? hi : n;
    if (best === undefined || Math.abs(candidate - n) < Math.abs(best - n)) best = candidate;
  }
  return best;
}
