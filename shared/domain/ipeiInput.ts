// Reading an IPEI as people type it: 10 hex digits, or the 13-digit decimal form printed on labels, with or
// without the spaces and hyphens between the groups.

import { decimalToHex, formatDecimal, hexToDecimal, isHexIpei, parseDecimalIpei } from './ipei';

export interface IpeiReading {
  readonly form: 'hex' | 'decimal';
  /** Lower case, as the base station names the file. */
  readonly hex: string;
  /** The 13-digit form (as given, for decimal input); absent for a hex IPEI whose leading digit is not 0. */
  readonly decimal?: string;
  /** `11315 0177424 2`. */
  readonly grouped?: string;
  /** The check digit the input carried (decimal input only). */
  readonly givenCheckDigit?: string;
  readonly expectedCheckDigit?: string;
  /** False only for decimal input whose check digit is wrong. */
  readonly checkDigitOk: boolean;
}

export type IpeiInput = IpeiReading | { readonly problem: string };

export function readIpei(input: string): IpeiInput {
  const compact = input.replace(/[\s-]/g, '');
  if (!compact) return { problem: 'The IPEI is empty.' };
  if (isHexIpei(compact)) return fromHex(compact.toLowerCase());
  const decimal = parseDecimalIpei(compact);
  if (decimal) {
    return {
      form: 'decimal',
      hex: decimalToHex(decimal),
      decimal: compact,
      grouped: formatDecimal(compact),
      givenCheckDigit: decimal.checkDigit,
      expectedCheckDigit: decimal.expectedCheckDigit,
      checkDigitOk: decimal.checkDigit === decimal.expectedCheckDigit,
    };
  }
  if (/^\d{12}[\d*]$/.test(compact)) {
    return { problem: `"${input.trim()}" is not a decimal IPEI: its first 5 digits must be at most 65535 and the next 7 at most 1048575.` };
  }
  return { problem: `"${input.trim()}" is not an IPEI: give 10 hex digits (02c332b510) or the 13-digit decimal form (11315 0177424 2).` };
}

function fromHex(hex: string): IpeiReading {
  const decimal = hexToDecimal(hex);
  return {
    form: 'hex',
    hex,
    decimal,
    grouped: decimal && formatDecimal(decimal),
    expectedCheckDigit: decimal?.slice(12),
    checkDigitOk: true,
  };
}

/** Why a reading cannot name a handset's file, or `undefined` when it can. */
export function ipeiReadingProblem(reading: IpeiReading): string | undefined {
  if (reading.checkDigitOk) return undefined;
  return `The check digit of IPEI ${reading.grouped} is wrong: it should be ${reading.expectedCheckDigit}. Check the IPEI for a typo.`;
}
