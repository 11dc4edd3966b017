// Plain-language descriptions of catalogue entries, shared by diagnostics, hover and completion.

import { ancestry, childrenOf, type ElementSpec, type ValueSpec } from './catalogue';

export type ChoiceSpec = Extract<ValueSpec, { kind: 'choice' }>;

/** "0 (No) or 1 (Yes)", "a whole number from 0 to 20", "one of DID, Circular, …". */
export function describeChoices(spec: ChoiceSpec): string {
  const values = spec.choices.map((c) => c.value);
  if (spec.numeric && values.length > 3) return `a whole number from ${values[0]} to ${values[values.length - 1]}`;
  if (!spec.numeric) return `one of ${values.join(', ')}`;
  const labelled = spec.choices.map((c) => `${c.value} (${c.label})`);
  return `${labelled.slice(0, -1).join(', ')} or ${labelled[labelled.length - 1]}`;
}

/** A value element's value: "0 (No) or 1 (Yes)", "text, at most 10 characters". */
export function describeValue(v: ValueSpec): string {
  switch (v.kind) {
    case 'choice':
      return describeChoices(v);
    case 'ipei':
      return '10 hex digits, such as 02c332b510';
    case 'profile':
      return 'the exact name of a base-station profile';
    case 'text':
      return [v.required ? 'text, not empty' : 'text', v.maxLength ? `at most ${v.maxLength} characters` : ''].filter(Boolean).join(', ');
  }
}

/** Markdown: `<hs_config>` › `<hs_settings>` › `<user>` */
export function describePlace(spec: ElementSpec): string {
  const chain = ancestry(spec);
  return chain.length ? chain.map((n) => `\`<${n}>\``).join(' › ') : 'the root of the file';
}

/** How often an element may stand: ["mandatory", "at most once"], ["optional", "up to 10"]. */
export function describeOccurrence(spec: ElementSpec): [string, string] {
  return [spec.mandatory ? 'mandatory' : 'optional', spec.maxOccurs > 1 ? `up to ${spec.maxOccurs}` : 'at most once'];
}

/** Text made safe for one cell of a Markdown table. */
export function markdownCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** Markdown: the elements a container may hold, `<a>`, `<b>`, in catalogue order. */
export function describeChildren(spec: ElementSpec): string {
  return childrenOf(spec.name).map((c) => `\`<${c.name}>\``).join(', ');
}

/** Markdown: what an element holds, its value or (a container) its elements. */
export function describeContent(spec: ElementSpec): string {
  return spec.value ? `**Value:** ${describeValue(spec.value)}` : `**Holds:** ${describeChildren(spec)}`;
}
