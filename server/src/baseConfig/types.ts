// The shape of one base-station P-value in the catalogue: facts only (number, alias, section, type, flags, default,
// a short name and value labels). Generated from the vendor's template by scripts/generate-base-catalogue.mjs.

/** Inclusive bounds; a set of values is a list of one-value intervals. */
export type Interval = readonly [number, number];

export type PValueType =
  | { readonly kind: 'number'; readonly intervals?: readonly Interval[] }
  | { readonly kind: 'string'; readonly minLength?: number; readonly maxLength?: number; readonly charset?: Charset; readonly format?: 'address' | 'ip' | 'email' }
  /** The template states no type: any value is taken. */
  | { readonly kind: 'any' };

/** `printable`: ASCII 33–126 (no spaces); `alnum`: a–z, A–Z, 0–9; `digits`: 0–9. */
export type Charset = 'printable' | 'alnum' | 'digits';

export interface PValueEntry {
  /** The number after `P`. */
  readonly p: number;
  /** The v2 XML item name, when the v2 template has one. */
  readonly alias?: string;
  /** The template's section heading, e.g. `Profile 1/General Settings`. */
  readonly section: string;
  /** A label of a few words, from the template's title line. */
  readonly name: string;
  readonly type: PValueType;
  readonly mandatory: boolean;
  readonly reboot: boolean;
  /** The value the template sets (the factory value). */
  readonly default: string;
  /** What the template says values mean: `[value, label]` (for a range, only the values it names). */
  readonly options?: readonly Option[];
  /** The template documents it but leaves it commented out (`#P9=192`). */
  readonly commented?: boolean;
  /** What the templates say beyond the type, in our own words (a short sentence or two). */
  readonly note?: string;
  /** Other meanings the template gives the same P-number (it documents P1591 twice: XSI server, then XSI port). */
  readonly also?: readonly PValueMeaning[];
}

export type Option = readonly [value: string, label: string];

/** One more meaning of a P-number the template documents twice, as it states it the second time. */
export interface PValueMeaning {
  readonly name: string;
  readonly type: PValueType;
  readonly default: string;
  readonly options?: readonly Option[];
}
