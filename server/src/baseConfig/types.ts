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
  /** What each value of a small set means: `[value, label]`. */
  readonly options?: readonly (readonly [string, string])[];
  /** The template documents it but leaves it commented out (`#P9=192`). */
  readonly commented?: boolean;
}
