// docs/fields.md: every element of a handset file, with the text hover shows, as one page to read or print. Built
// from the field catalogue and committed, so a change to any element's rule or wording shows in review as a diff.

import { allElements, childrenOf, getElement, ROOT, type ElementSpec, type ValueSpec } from '../handset/catalogue';
import { describeContent, describeOccurrence, describePlace, markdownCell } from '../handset/describe';

const SETTING_CLASS = {
  admin: 'Admin setting: applied every time',
  user: 'User setting: applied only when `<force_apply>` is 1',
};

export function generateFieldReference(): string {
  const elements = allElements();
  const firstWithValues = new Map<ValueSpec, ElementSpec>();
  const sections = elements.map((spec) => {
    const shared = spec.value && firstWithValues.get(spec.value);
    if (spec.value && !shared) firstWithValues.set(spec.value, spec);
    return elementSection(spec, shared);
  });
  return [
    '# Handset file reference',
    '',
    '<!-- Generated from the field catalogue (server/src/handset/catalogue.ts) by `npm run build`. Edit the catalogue, not this file. -->',
    '',
    `Every element a \`<${ROOT}>\` handset file may hold: where it stands, how often, what it takes and what the base station does with it. ` +
      `The editor's hover shows the same text, and its checks enforce the same rules. ${elements.length} elements in all.`,
    '',
    '## Outline',
    '',
    ...outline(ROOT, 0),
    '',
    '## Elements',
    '',
    ...sections.flatMap((s) => [...s, '']),
  ].join('\n');
}

function outline(name: string, depth: number): string[] {
  const spec = getElement(name);
  const facts = spec ? ` · ${occurrence(spec)}` : '';
  return [`${'  '.repeat(depth)}- [\`<${name}>\`](#${name})${facts}`, ...childrenOf(name).flatMap((c) => outline(c.name, depth + 1))];
}

function occurrence(spec: ElementSpec): string {
  return describeOccurrence(spec).join(', ');
}

function elementSection(spec: ElementSpec, sharesValuesWith: ElementSpec | undefined): string[] {
  const where = spec.parent === null ? 'the root element' : `in ${describePlace(spec)}`;
  const lines = [`### ${spec.name}`, '', `**\`<${spec.name}>\`** · ${occurrence(spec)} · ${where}`, ''];
  if (spec.settingClass) lines.push(`*${SETTING_CLASS[spec.settingClass]}.*`, '');
  lines.push(spec.summary, '', spec.doc, '', describeContent(spec));
  if (spec.value?.kind !== 'choice') return lines;
  if (sharesValuesWith) return [...lines, '', `The values are those of [\`<${sharesValuesWith.name}>\`](#${sharesValuesWith.name}).`];
  return [...lines, '', '| Value | Name | Meaning |', '| --: | :-- | :-- |', ...spec.value.choices.map((c) => `| ${c.value} | ${markdownCell(c.label)} | ${markdownCell(c.detail ?? '')} |`)];
}
