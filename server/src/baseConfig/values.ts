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
  if (type.kind === 'string') {
    const length = [...value].length;
    if (type.maxLength !== undefined && length > type.maxLength) return { code: BaseCode.ValueTooLong, message: `${label} holds at most ${type.maxLength} characters; this one has ${length}.` };
    if (type.minLength !== undefined && length < type.minLength) return { code: BaseCode.ValueTooShort, message: `${label} needs ${type.minLength === type.maxLength ? 'exactly' : 'at least'} ${type.minLength} characters; this one has ${length}.` };
    const charset = type.charset && CHARSETS[type.charset];
    if (charset && !charset.test.test(value)) return { code: BaseCode.InvalidCharacters, message: `${label} may hold only ${charset.words}${entry.p === 1359 ? ': the base station cannot decrypt files with any other password' : ''}.` };
    // A profile name follows the one rule every path that writes one checks (its length is the template's, above).
    const name = PROFILE_NAME_PS.includes(entry.p) ? profileNameProblem(value) : undefined;
    if (name?.kind === 'character' || name?.kind === 'spaces') return { code: BaseCode.InvalidCharacters, message: `${label}: ${name.message}` };
  }
  return undefined;
}
