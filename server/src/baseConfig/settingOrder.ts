// Finding settings by offset: a config's settings are in the order of its text and do not overlap, so a binary search
// finds where an offset falls instead of a walk of every setting (a large config has tens of thousands).

import type { Setting } from './parser';

/** How many of `settings` start before `offset`: the index of the first that starts at or after it. */
export function countStartingBefore(settings: readonly Setting[], offset: number): number {
  let low = 0;
  let high = settings.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (settings[mid].span.start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
