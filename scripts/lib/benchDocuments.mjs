// Documents the benchmarks share, so that every row measures the same input.

/** A handset file of about 10,000 lines: 1,666 lines of five settings each. */
export function tenThousandLines() {
  const line = (i) =>
    `    <line>\n      <profile_name>profile${(i % 4) + 1}</profile_name>\n      <user_id>${1000 + i}</user_id>\n` +
    `      <display_name>Line ${i}</display_name>\n      <ring_type>Circular</ring_type>\n    </line>\n`;
  const body = Array.from({ length: 1666 }, (_, i) => line(i)).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<hs_config>\n  <ipei>02c332b510</ipei>\n  <sip>\n${body}  </sip>\n</hs_config>\n`;
}

/**
 * A base-station config the size of the vendor's full template, built from the catalogue (`P_VALUES` of
 * out/server/src/baseConfig/catalogue.js): every P-value with a comment, its type line and the template's value, as
 * text, or as XML v2 (`<item name="alias">`, a comment before each, a comment heading each section).
 */
export function fullBaseTemplate(P_VALUES, xml) {
  let section = '';
  const parts = [];
  for (const e of P_VALUES.filter((p) => !p.commented && (!xml || p.alias))) {
    if (e.section !== section) {
      section = e.section;
      parts.push(xml ? `\n    <!-- ${section} -->\n` : `\n######\n##  ${section}  ##\n######\n`);
    }
    const value = e.default.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    parts.push(xml ? `    <!-- ${e.name} -->\n    <item name="${e.alias}">${value}</item>\n` : `#${e.name}\n#Number or String\nP${e.p}=${e.default}\n\n`);
  }
  return xml ? `<?xml version="1.0" encoding="UTF-8"?>\n<gs_provision version="1">\n  <config version="2">\n${parts.join('')}  </config>\n</gs_provision>\n` : parts.join('');
}

/**
 * A text base-station config of at least `bytes` characters: the full text template (`fullBaseTemplate`) again and
 * again, each copy's sections numbered so that the outline has a section per heading. Every P-value after the first
 * copy is set twice, so the check finds a set-twice problem on nearly every setting: the most a config can ask of it.
 */
export function largeBaseConfig(P_VALUES, bytes) {
  const template = fullBaseTemplate(P_VALUES, false);
  const copies = [];
  for (let size = 0, n = 1; size < bytes; n++) {
    const copy = template.replace(/^## {2}(.*) {2}##$/gm, `##  $1 (copy ${n})  ##`);
    copies.push(copy);
    size += copy.length;
  }
  return copies.join('');
}
