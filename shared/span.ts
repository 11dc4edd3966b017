// A stretch of a text as UTF-16 offsets, end excluded: where results point into a file, for an editor to reveal.

export interface Span {
  readonly start: number;
  readonly end: number;
}
