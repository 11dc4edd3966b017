// The TextMate grammar for handset files: plain XML structure, with the catalogue's element names scoped apart from
// unknown ones and the catalogue's allowed values coloured inside their elements.

import { allElements, type ElementSpec } from '../handset/catalogue';
import { HEX_IPEI_PATTERN } from '../../../shared/domain/ipei';

export const SCOPE_NAME = 'text.xml.hsconfig';

type Rule = Record<string, unknown>;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function alternation(values: readonly string[]): string {
  return `(?:${values.map(escapeRegExp).join('|')})`;
}

/** An element name ends where XML names end. */
const NAME_END = '(?![\\w.:-])';
const XML_NAME = '[^\\s/<>"\'=]+';

function tagRule(): Rule {
  const known = alternation(allElements().map((e) => e.name));
  return {
    name: 'meta.tag.xml',
    begin: `(</?)(?:(${known})${NAME_END}|(${XML_NAME}))`,
    beginCaptures: {
      1: { name: 'punctuation.definition.tag.xml' },
      2: { name: 'entity.name.tag.hsconfig' },
      3: { name: 'entity.name.tag.xml' },
    },
    end: '(/?>)',
    endCaptures: { 1: { name: 'punctuation.definition.tag.xml' } },
    patterns: [{ include: '#attribute' }],
  };
}

/** The pattern and scope of the one value an element holds, or undefined when its value is not coloured. */
function valueScope(spec: ElementSpec): { pattern: string; scope: string } | undefined {
  const value = spec.value;
  if (value?.kind === 'choice') {
    const kind = value.numeric ? 'constant.numeric.integer' : 'constant.language';
    return { pattern: alternation(value.choices.map((c) => c.value)), scope: `${kind}.hsconfig` };
  }
  if (value?.kind === 'ipei') return { pattern: HEX_IPEI_PATTERN, scope: 'constant.numeric.hex.ipei.hsconfig' };
  return undefined;
}

/**
 * One rule per group of elements that accept the same values. A value is coloured only when it is the whole,
 * valid content of its element (surrounding spaces aside), so a wrong value stays plain.
 */
function valueRules(): Rule[] {
  const groups = new Map<string, { names: string[]; pattern: string; scope: string }>();
  for (const spec of allElements()) {
    const v = valueScope(spec);
    if (!v) continue;
    const key = `${v.scope} ${v.pattern}`;
    const group = groups.get(key) ?? { ...v, names: [] };
    group.names.push(spec.name);
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => ({
    begin: `(<)(${alternation(g.names)})\\s*(>)`,
    beginCaptures: {
      1: { name: 'punctuation.definition.tag.xml' },
      2: { name: 'entity.name.tag.hsconfig' },
      3: { name: 'punctuation.definition.tag.xml' },
    },
    end: '(</)(\\2)\\s*(>)',
    endCaptures: {
      1: { name: 'punctuation.definition.tag.xml' },
      2: { name: 'entity.name.tag.hsconfig' },
      3: { name: 'punctuation.definition.tag.xml' },
    },
    patterns: [{ match: `(?<=>)\\s*(${g.pattern})\\s*(?=</)`, captures: { 1: { name: g.scope } } }, { include: '$self' }],
  }));
}

const STRINGS: Rule[] = [
  { name: 'string.quoted.double.xml', begin: '"', end: '"', patterns: [{ include: '#entity' }] },
  { name: 'string.quoted.single.xml', begin: "'", end: "'", patterns: [{ include: '#entity' }] },
];

const REPOSITORY: Record<string, Rule> = {
  declaration: {
    name: 'meta.tag.preprocessor.xml',
    begin: '(<\\?)\\s*([-_a-zA-Z0-9:.]+)',
    beginCaptures: { 1: { name: 'punctuation.definition.tag.xml' }, 2: { name: 'entity.name.tag.xml' } },
    end: '(\\?>)',
    endCaptures: { 1: { name: 'punctuation.definition.tag.xml' } },
    patterns: [{ match: '([-_a-zA-Z0-9:]+)(?=\\s*=)', name: 'entity.other.attribute-name.xml' }, ...STRINGS],
  },
  doctype: {
    name: 'meta.tag.sgml.doctype.xml',
    begin: '(<!)(DOCTYPE)\\b',
    beginCaptures: { 1: { name: 'punctuation.definition.tag.xml' }, 2: { name: 'keyword.other.doctype.xml' } },
    end: '(>)',
    endCaptures: { 1: { name: 'punctuation.definition.tag.xml' } },
    patterns: STRINGS,
  },
  comment: {
    name: 'comment.block.xml',
    begin: '<!--',
    end: '-->',
    captures: { 0: { name: 'punctuation.definition.comment.xml' } },
  },
  cdata: {
    name: 'string.unquoted.cdata.xml',
    begin: '<!\\[CDATA\\[',
    end: '\\]\\]>',
    captures: { 0: { name: 'punctuation.definition.string.xml' } },
  },
  entity: {
    patterns: [
      {
        name: 'constant.character.entity.xml',
        match: '(&)(?:[:a-zA-Z_][:a-zA-Z0-9_.-]*|#[0-9]+|#x[0-9a-fA-F]+)(;)',
        captures: { 1: { name: 'punctuation.definition.constant.xml' }, 2: { name: 'punctuation.definition.constant.xml' } },
      },
      { name: 'invalid.illegal.bad-ampersand.xml', match: '&' },
    ],
  },
  attribute: {
    patterns: [
      {
        match: `(${XML_NAME})\\s*(=)`,
        captures: { 1: { name: 'entity.other.attribute-name.xml' }, 2: { name: 'punctuation.separator.key-value.xml' } },
      },
      ...STRINGS,
    ],
  },
  tag: tagRule(),
  values: { patterns: valueRules() },
};

/** The contents of `syntaxes/hsconfig.tmLanguage.json`. */
export function generateGrammar(): Rule {
  return {
    name: 'Handset Config (hs_config)',
    scopeName: SCOPE_NAME,
    patterns: ['declaration', 'doctype', 'comment', 'cdata', 'values', 'tag', 'entity'].map((r) => ({ include: `#${r}` })),
    repository: REPOSITORY,
  };
}
