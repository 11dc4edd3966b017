// Documents the benchmarks share, so that every row measures the same input.

/** A handset file of about 10,000 lines: 1,666 lines of five settings each. */
export function tenThousandLines() {
  const line = (i) =>
    `    <line>\n      <profile_name>profile${(i % 4) + 1}</profile_name>\n      <user_id>${1000 + i}</user_id>\n` +
    `      <display_name>Line ${i}</display_name>\n      <ring_type>Circular</ring_type>\n    </line>\n`;
  const body = Array.from({ length: 1666 }, (_, i) => line(i)).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<hs_config>\n  <ipei>02c332b510</ipei>\n  <sip>\n${body}  </sip>\n</hs_config>\n`;
}
