// Reads what the vendor's template comments say values mean, as short labels: `0 - No, 1 - Yes`, `0=Disabled` (one
// a line or several), `<value="TZA+12"> GMT-12:00 </option>` and `Values 0 - 9 stand for Account 1 - Account 10`.

import type { Option } from './types';

/** A value starting a label: not glued to a word or a number before it (`G.726-32`, `f1=val`, `AAL2-G`). */
const START = /(?<![\w.+-])(-?\d+)\s*[-=]\s*(?=["'A-Za-z]|\d+(?:\.\d+)?[A-Za-z])/g;
/** `<value="TZA+12"> GMT-12:00 </option>`: the template's copy of the web page's drop-down list. */
const HTML_OPTION = /<value="([^"]*)">\s*([^<]*?)\s*<\/option>/g;
/** `0 - 10, according with None and account 1 - 10` · `0 - 9. Values 0 - 9 stand for Account 1 - Account 10`. */
const MAPPING = /(-?\d+)\s*-\s*(-?\d+)\W+(?:values\s+\S+\s*-\s*\S+\s+)?(?:stand for|means(?: used)?|according with)\s+((?:[A-Za-z]+\s+and\s+)*)((?:[A-Za-z]+\s+){0,2})(\d+)\s*-\s*(?:[A-Za-z]+\s+)?(\d+)/i;
/** Words after which a value still starts a label (`default is 0 - No`, `Added option 2 - XSI`). */
const LEAD_WORDS = /(?:^|\s)(?:is|are|option)\s*$/i;
const MAX_LABEL = 64;

/** Every value a comment block names with its label, the first label of a value kept; numbers in order. */
export function readMeanings(comments: readonly string[]): Option[] {
  const found = new Map<string, string>();
  const add = (value: string, label: string) => {
    if (label !== '' && !found.has(value)) found.set(value, label);
  };
  for (const text of comments) {
    for (const [value, label] of mappedRange(text)) add(value, label);
    for (const m of text.matchAll(HTML_OPTION)) add(m[1], tidy(m[2]));
    for (const [value, label] of listed(text)) add(value, label);
  }
  const all = [...found];
  return all.every(([v]) => /^-?\d+$/.test(v)) ? all.sort((a, b) => Number(a[0]) - Number(b[0])) : all;
}

/** `A - B … stand for Word C - D`: A→`Word C` … B→`Word D`; leading `None and …` words take the first values. */
function mappedRange(text: string): Option[] {
  const m = MAPPING.exec(text);
  if (!m) return [];
  const [lo, hi, first, last] = [m[1], m[2], m[5], m[6]].map(Number);
  const leading = m[3].split(/\s+and\s+/i).map((w) => w.trim()).filter((w) => w !== '');
  const word = m[4].trim();
  if (hi - lo !== leading.length + last - first) return [];
  const out: Option[] = leading.map((w, i) => [String(lo + i), capital(w)]);
  for (let v = first; v <= last; v++) out.push([String(lo + leading.length + v - first), capital(`${word} ${v}`.trim())]);
  return out;
}

/** `0 - No, 1 - Yes`: each label runs to the next value or the end of its clause. */
function listed(text: string): Option[] {
  const starts = [...text.matchAll(START)];
  const out: Option[] = [];
  starts.forEach((m, i) => {
    const from = (m.index ?? 0) + m[0].length;
    const next = starts[i + 1];
    const raw = text.slice(from, next ? next.index : undefined);
    const before = text.slice(0, m.index).trimEnd();
    // After a word, a value is a label's only when a list goes on (`Refer 0 - No, 1 - Yes`), or the word says so.
    const afterWord = /[A-Za-z]$/.test(before) && !LEAD_WORDS.test(before);
    if (afterWord && !(next && /^[^,;.]*[,;]\s*$/.test(raw))) return;
    out.push([m[1], tidy(raw)]);
  });
  return out;
}

/** A label as a few words: up to the end of its clause, long explanations in brackets dropped. */
function tidy(raw: string): string {
  let label = raw.split(/\.\s|\.$|[,;]\s*default\b|\s+default is\b|:\s/i)[0];
  label = label.replace(/\s*\((?:[^()\s]*\s){3,}[^()]*\)|\s*\(default\)/gi, '');
  label = label.replace(/[\s,;.]+$/, '').replace(/\s+/g, ' ').trim();
  if (count(label, '(') > count(label, ')')) label = label.slice(0, label.lastIndexOf('(')).trim();
  while (count(label, ')') > count(label, '(')) label = label.slice(0, label.lastIndexOf(')')).trim();
  if (label.length > MAX_LABEL) label = `${label.slice(0, label.lastIndexOf(' ', MAX_LABEL)).replace(/[\s,;]+$/, '')}…`;
  return label;
}

const count = (text: string, char: string) => text.split(char).length - 1;
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
