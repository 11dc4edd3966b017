// Whether a text is a base-station config file: XML whose root is <gs_provision>, or text with at least one
// `Pnnn=value` setting whose other lines are mostly P-number lines too (a slip such as `P27014 1` or `p27762=x`
// still counts, so that its checks name the slip) or `#` comments. An ordinary .txt or .xml file never qualifies.

import { rootElementName } from './rootElement';

const P_SETTING = /^P\d+[ \t]*=/;
const P_LINE = /^P\d/i;

/** A file name a base-station config file may have when a folder is searched: `.txt`, `.cfg` or `.xml`. */
export function mayBeBaseConfigFile(name: string): boolean {
  return /\.(?:txt|cfg|xml)$/i.test(name);
}

/** Whether a config is written in XML rather than as text lines: it starts with `<` (after a BOM and white space). */
export function isXmlConfigText(text: string): boolean {
  return text.replace(/^\uFEFF/, '').trimStart().startsWith('<');
}

export function isBaseConfigText(text: string): boolean {
  const body = text.replace(/^\uFEFF/, '');
  if (isXmlConfigText(body)) return rootElementName(body) === 'gs_provision';
  let settings = 0;
  let pLines = 0;
  let other = 0;
  for (const raw of body.split(/\r\n|\r|\n/, 400)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (P_SETTING.test(line)) settings++;
    if (P_LINE.test(line)) pLines++;
    else other++;
  }
  return settings >= 1 && other < pLines;
}
