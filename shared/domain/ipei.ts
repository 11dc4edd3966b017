// DECT IPEI forms. An IPEI is 36 bits: a 16-bit manufacturer code (EMC) and a 20-bit serial (PSN).
// Grandstream writes it as 10 hex digits (a 0 nibble, 4 digits EMC, 5 digits PSN); labels print the 13-digit
// decimal form: EMC as 5 digits, PSN as 7 digits, then a check digit (0-9 or '*').

/** The hex form as a pattern without anchors, for generated schemas and grammars. */
export const HEX_IPEI_PATTERN = '[0-9a-fA-F]{10}';
const HEX_FORM = new RegExp(`^${HEX_IPEI_PATTERN}$`);
const DECIMAL_FORM = /^(\d{5})(\d{7})([\d*])$/;

export interface DecimalIpei {
  readonly emc: number;
  readonly psn: number;
  readonly checkDigit: string;
  /** The check digit the 12 leading digits call for. */
  readonly expectedCheckDigit: string;
}

export function isHexIpei(value: string): boolean {
  return HEX_FORM.test(value);
}

/** Sum of position × digit over the 12 digits, modulo 11; 10 is written `*`. */
export function checkDigit(twelveDigits: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (i + 1) * Number(twelveDigits[i]);
  const r = sum % 11;
  return r === 10 ? '*' : String(r);
}

/** Parses a 13-digit decimal IPEI; spaces and hyphens between the groups are allowed. */
export function parseDecimalIpei(value: string): DecimalIpei | undefined {
  const m = DECIMAL_FORM.exec(value.replace(/[\s-]/g, ''));
  if (!m) return undefined;
  const emc = Number(m[1]);
  const psn = Number(m[2]);
  if (emc > 0xffff || psn > 0xfffff) return undefined;
  return { emc, psn, checkDigit: m[3], expectedCheckDigit: checkDigit(m[1] + m[2]) };
}

export function decimalToHex(d: Pick<DecimalIpei, 'emc' | 'psn'>): string {
  return '0' + d.emc.toString(16).padStart(4, '0') + d.psn.toString(16).padStart(5, '0');
}

/** The 13-digit decimal form of a hex IPEI, or `undefined` when it has no decimal form (leading nibble not 0). */
export function hexToDecimal(hex: string): string | undefined {
  if (!isHexIpei(hex) || hex[0] !== '0') return undefined;
  const emc = String(parseInt(hex.slice(1, 5), 16)).padStart(5, '0');
  const psn = String(parseInt(hex.slice(5), 16)).padStart(7, '0');
  return emc + psn + checkDigit(emc + psn);
}

/** `1131501774242` → `11315 0177424 2`, the grouping printed on labels. */
export function formatDecimal(decimal: string): string {
  return `${decimal.slice(0, 5)} ${decimal.slice(5, 12)} ${decimal.slice(12)}`;
}

/** The IPEI in a provisioning file name: 10 hex digits right before `.xml` (the snippets' file-name transform uses it too). */
export const FILE_NAME_IPEI_PATTERN = '([0-9a-fA-F]{10})\\.xml';
const FILE_NAME_IPEI = new RegExp(FILE_NAME_IPEI_PATTERN);

/**
 * The IPEI a provisioning file name carries (`[prefix]<10 hex digits>.xml[postfix]`), or `undefined`.
 * The IPEI is the 10 hex digits right before `.xml`; the prefix may itself end in hex digits.
 */
export function ipeiFromFileName(fileName: string): string | undefined {
  return FILE_NAME_IPEI.exec(fileName)?.[1];
}
