// Where a base-station model JSON (.vscode/hsconfig-base-station.json) names its profiles: the string value of each
// `profiles[i].name`, found with a JSON parser that keeps offsets (a pattern over the text matched `"name"` keys
// anywhere, accounts' included). Pure.

import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import type { ProfileNameAt } from '../modes/languageMode';

/** The profile names a model JSON defines, with the place of each value's characters (inside the quotes). */
export function modelProfileNames(text: string): ProfileNameAt[] {
  const root = parseTree(text);
  const profiles = root && findNodeAtLocation(root, ['profiles']);
  if (profiles?.type !== 'array') return [];
  const found: ProfileNameAt[] = [];
  profiles.children?.forEach((profile: Node, i: number) => {
    const name = findNodeAtLocation(profile, ['name']);
    if (name?.type !== 'string' || typeof name.value !== 'string') return;
    const index = findNodeAtLocation(profile, ['index'])?.value;
    // The node spans the quotes; the value's characters stand between them.
    found.push({ name: name.value, span: { start: name.offset + 1, end: name.offset + name.length - 1 }, role: 'definition', profile: typeof index === 'number' ? index : i + 1 });
  });
  return found;
}

/** A name as the model JSON writes it between its quotes. */
export function writtenInJson(name: string): string {
  return JSON.stringify(name).slice(1, -1);
}
