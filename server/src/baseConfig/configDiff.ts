// What differs between two base-station configs of any shapes, P-value by P-value: added, removed and changed
// values, each named from the catalogue. A key set twice counts with its last value (the one the base station ends
// with); an empty value is a value, as the file says it.

import type { BaseConfigDocument } from './parser';

export interface DiffEntry {
  /** `P27762`, or a key the catalogue does not know as written. */
  readonly key: string;
  /** The catalogue's name for it, when it knows the key. */
  readonly name?: string;
  readonly alias?: string;
  /** Absent: not set on that side. */
  readonly from?: string;
  readonly to?: string;
}

export interface ConfigDiff {
  readonly added: readonly DiffEntry[];
  readonly removed: readonly DiffEntry[];
  readonly changed: readonly DiffEntry[];
}

interface Value {
  readonly value: string;
  readonly name?: string;
  readonly alias?: string;
  readonly p?: number;
}

/** Each P-value's last value, by `P`-number key (unknown keys as written). */
function valuesOf(doc: BaseConfigDocument): Map<string, Value> {
  const out = new Map<string, Value>();
  for (const s of doc.settings) {
    const key = s.entry ? `P${s.entry.p}` : /^[Pp]\d+$/.test(s.key) ? `P${s.key.slice(1)}` : s.key;
    out.delete(key); // the last one counts, in its own place
    out.set(key, { value: s.value, name: s.entry?.name, alias: s.entry?.alias, p: s.entry?.p ?? (/^P\d+$/.test(key) ? Number(key.slice(1)) : undefined) });
  }
  return out;
}

/** P-numbers in numeric order, then other keys by name. */
function byKey(a: DiffEntry & { p?: number }, b: DiffEntry & { p?: number }): number {
  if (a.p !== undefined && b.p !== undefined) return a.p - b.p;
  if (a.p !== undefined || b.p !== undefined) return a.p !== undefined ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

export function diffConfigs(a: BaseConfigDocument, b: BaseConfigDocument): ConfigDiff {
  const before = valuesOf(a);
  const after = valuesOf(b);
  const added: (DiffEntry & { p?: number })[] = [];
  const removed: (DiffEntry & { p?: number })[] = [];
  const changed: (DiffEntry & { p?: number })[] = [];
  const entry = (key: string, v: Value) => ({ key, p: v.p, ...(v.name === undefined ? {} : { name: v.name }), ...(v.alias === undefined ? {} : { alias: v.alias }) });
  for (const [key, v] of after) {
    const old = before.get(key);
    if (!old) added.push({ ...entry(key, v), to: v.value });
    else if (old.value !== v.value) changed.push({ ...entry(key, v), from: old.value, to: v.value });
  }
  for (const [key, v] of before) if (!after.has(key)) removed.push({ ...entry(key, v), from: v.value });
  const strip = (list: (DiffEntry & { p?: number })[]): DiffEntry[] => list.sort(byKey).map(({ p: _p, ...rest }) => rest);
  return { added: strip(added), removed: strip(removed), changed: strip(changed) };
}

export function isEmptyDiff(diff: ConfigDiff): boolean {
  return diff.added.length + diff.removed.length + diff.changed.length === 0;
}

/** The diff as plain lines: `+ P1414 3CX Auto Provision: 0`, `- …`, `~ P27762 Profile Name: profile1 → Office`. */
export function diffLines(diff: ConfigDiff): string[] {
  const label = (e: DiffEntry) => `${e.key}${e.name ? ` ${e.name}` : ''}`;
  const shown = (v: string | undefined) => (v === '' ? '(empty)' : (v ?? ''));
  return [
    ...diff.changed.map((e) => `~ ${label(e)}: ${shown(e.from)} → ${shown(e.to)}`),
    ...diff.added.map((e) => `+ ${label(e)}: ${shown(e.to)}`),
    ...diff.removed.map((e) => `- ${label(e)}: ${shown(e.from)}`),
  ];
}
