// What the language status items show (the hsconfig/documentStatus and hsconfig/baseConfigStatus answers).

/** How a base-station config file is written. */
export type ConfigShape = 'text' | 'xml-v1' | 'xml-v2';

/** A handset file: which handset it is for and how many lines it sets. */
export interface DocumentStatus {
  readonly ipei?: string;
  readonly handsetName?: string;
  readonly lines: number;
}

/** A base-station config file: its shape, its P-values, the catalogue's firmware, its problems. */
export interface BaseConfigStatus {
  readonly shape: ConfigShape;
  /** The settings the file makes (a P-value set twice counts twice). */
  readonly settings: number;
  /** Of those, the ones the catalogue does not know. */
  readonly unknown: number;
  /** The firmware version of the vendor template the catalogue was generated from. */
  readonly firmware: string;
  readonly errors: number;
  readonly warnings: number;
  readonly notes: number;
}
