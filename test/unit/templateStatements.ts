// A second, plainer reading of the vendor's template comments for the tests: which P-values the comments give a list
// of values, and which values they give a meaning. Looser than the generator's reader and written apart from it, so
// a comment form the reader misses shows up as a value the catalogue lacks.

import type { PValueEntry } from '../../server/src/baseConfig/types';

export interface TemplateStatements {
  /** P-numbers whose comments state their values: a `Number:` line with numbers, or `<value="…">` choices. */
  readonly lists: ReadonlySet<number>;
  /** P-number → the values its comments give a label (`0 - No`, `0=Disabled`, `<value="TZA+12">`, `0 - 9 stand for …`). */
  readonly meanings: ReadonlyMap<number, ReadonlySet<string>>;
}

/** `0 - No` · `0=Disabled` · `(0 - UDP` · `# 0 - Full` · `1- sips` · `0 - 6.3kbps`: a value after a mark or at the start. */
const LABELLED = /(?:^|[,;.:?(#]\s*)(-?\d+)\s*[-=]\s*(?=["A-Za-z]|\d[\d.]*[a-z])/g;
/** `Hold Target Before Refer 0 - No, 1 - Yes`: after a word, the first of a list that goes on. */
const FIRST_AFTER_WORD = /[A-Za-z)]\s+(-?\d+)\s*-\s*[A-Za-z][\w ]*,\s*-?\d+\s*-\s*[A-Za-z]/g;
const CHOICE = /<value="([^"]*)">/g;
const RANGE_MEANING = /(-?\d+)\s*-\s*(-?\d+)[^.]*?(?:stand for|means|according with)/i;
/** `Number: 0, 1` · `Number 1 to 4` · a bare `0-59`. */
const LIST_LINE = /^number\s*:?\s*-?\d|^\d+\s*-\s*\d+$/i;

/** The text template, and the v2 template whose items `aliasToP` names. */
export function templateStatements(text: string, v2?: string, aliasToP: (alias: string) => number | undefined = () => undefined): TemplateStatements {
  const lists = new Set<number>();
  const meanings = new Map<number, Set<string>>();
  const state = (p: number, comments: readonly string[]) => {
    const values = meanings.get(p) ?? new Set<string>();
    for (const c of comments) {
      if (LIST_LINE.test(c) || c.includes('<value="')) lists.add(p);
      for (const m of [...c.matchAll(LABELLED), ...c.matchAll(FIRST_AFTER_WORD)]) values.add(String(Number(m[1])));
      for (const m of c.matchAll(CHOICE)) values.add(m[1]);
      const range = RANGE_MEANING.exec(c);
      if (range) for (let v = Number(range[1]); v <= Number(range[2]); v++) values.add(String(v));
    }
    if (values.size) meanings.set(p, values);
  };
  for (const [p, comments] of textBlocks(text)) state(p, comments);
  for (const [alias, comments] of v2 === undefined ? [] : v2Blocks(v2)) {
    const p = aliasToP(alias);
    if (p !== undefined) state(p, comments);
  }
  return { lists, meanings };
}

/** Each `Pnnn=` line (commented out or not) with the comment lines above it, up to a blank line or a heading. */
function textBlocks(text: string): [number, string[]][] {
  const out: [number, string[]][] = [];
  let comments: string[] = [];
  let afterP = false;
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    const p = /^#?\s*P(\d+)\s*(?:=|$)/.exec(line);
    if (line === '' || line.startsWith('##')) {
      comments = [];
      afterP = false;
    } else if (p) {
      out.push([Number(p[1]), comments]);
      afterP = true;
    } else {
      if (afterP) comments = [];
      afterP = false;
      comments = [...comments, line.replace(/^#+\s*/, '')];
    }
  }
  return out;
}

/** Each `<item name="…">` of the v2 template with the comments above it, up to a blank line. */
function v2Blocks(xml: string): [string, string[]][] {
  const out: [string, string[]][] = [];
  let comments: string[] = [];
  for (const raw of xml.split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    const comment = /^<!--(.*)-->$/.exec(line);
    const item = /<item name="([^"]+)"/.exec(line);
    if (line === '') comments = [];
    else if (comment) comments = [...comments, comment[1].trim()];
    else if (item) out.push([item[1], comments]);
  }
  return out;
}

export interface Coverage {
  readonly listsStated: number;
  readonly listsHeld: number;
  readonly meaningsStated: number;
  readonly meaningsHeld: number;
  /** `P64: TZA+12` for each stated meaning the catalogue lacks; `P64: list` for each stated list it lacks. */
  readonly missing: readonly string[];
}

/** How much of what the templates state a catalogue holds (an entry's second meanings count too). */
export function coverage(statements: TemplateStatements, entries: readonly PValueEntry[]): Coverage {
  const byP = new Map(entries.map((e) => [e.p, e]));
  const missing: string[] = [];
  let listsHeld = 0;
  for (const p of statements.lists) {
    const e = byP.get(p);
    const meanings = e ? [e, ...(e.also ?? [])] : [];
    if (meanings.some((m) => m.options?.length || m.type.kind === 'string' || (m.type.kind === 'number' && m.type.intervals))) listsHeld++;
    else missing.push(`P${p}: list`);
  }
  let meaningsStated = 0;
  let meaningsHeld = 0;
  for (const [p, values] of statements.meanings) {
    const e = byP.get(p);
    const labelled = new Set([e, ...(e?.also ?? [])].flatMap((m) => m?.options ?? []).map(([v]) => v));
    for (const v of values) {
      meaningsStated++;
      if (labelled.has(v)) meaningsHeld++;
      else missing.push(`P${p}: ${v}`);
    }
  }
  return { listsStated: statements.lists.size, listsHeld, meaningsStated, meaningsHeld, missing };
}
