// What makes a file a base-station config besides an XML root of <gs_provision> (language.ts weighs them all): the
// vendor's name for it (cfg<MAC>, cfg<MAC>.xml, cfg<MAC>.cfg), or text with at least one `Pnnn=value` setting whose
// other lines are at least half P-number lines (a slip such as `P27014 1` or `p27762=x` still counts, so that its
// checks name the slip) or `#` comments. An ordinary .txt or .xml file never qualifies.

const P_SETTING = /^P\d+[ \t]*=/;
const P_LINE = /^P\d/i;

/** The vendor's own name for a base station's config: `cfg` and the MAC address, bare or with `.xml` or `.cfg`. */
export function isVendorConfigName(name: string): boolean {
  return /^cfg[0-9a-f]{12}(?:\.xml|\.cfg)?$/i.test(name);
}

/** A file name a base-station config file may have when a folder is searched: `.txt`, `.cfg`, `.xml` or the vendor's. */
export function mayBeBaseConfigFile(name: string): boolean {
  return /\.(?:txt|cfg|xml)$/i.test(name) || isVendorConfigName(name);
}

/** Whether a config is written in XML rather than as text lines: it starts with `<` (after a BOM and white space). */
export function isXmlConfigText(text: string): boolean {
  return text.replace(/^\uFEFF/, '').trimStart().startsWith('<');
}

/** What the lines of a text (not XML) say: a config, or why not. */
export type TextVerdict = { readonly config: true } | { readonly config: false; readonly why: string };

/**
 * A text config has a setting and at least as many P-number lines and comments as other lines: a short config with
 * one stray line is still a config (its checks then name the line), a note that mentions one P-value is not.
 */
export function textConfigVerdict(text: string): TextVerdict {
  let settings = 0;
  let configLines = 0;
  let other = 0;
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/, 400)) {
    const line = raw.trim();
    if (line === '') continue;
    if (P_SETTING.test(line)) settings++;
    if (line.startsWith('#') || P_LINE.test(line)) configLines++;
    else other++;
  }
  if (settings === 0) return { config: false, why: 'it is not XML and has no Pnnn=value setting' };
  if (other > configLines) return { config: false, why: `${other} of its ${other + configLines} lines are neither Pnnn=value settings nor # comments` };
  return { config: true };
}
