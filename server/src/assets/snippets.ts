// VS Code snippets for handset files, built from the field catalogue: every element, value choice and summary below
// comes from the catalogue, so the snippets follow it when it changes.

import { childrenOf, getElement, ROOT, type ElementSpec, type ValueSpec } from '../handset/catalogue';
import { FILE_NAME_IPEI_PATTERN } from '../../../shared/domain/ipei';
import { KEY_MAPPINGS } from '../handset/keyMappings';
import { FACTORY_PROFILES } from '../handset/settings';

export interface Snippet {
  readonly prefix: string;
  readonly description: string;
  readonly body: readonly string[];
}

/** A placeholder IPEI that has the right form and that nobody would mistake for a real handset. */
const IPEI_PLACEHOLDER = '0000000000';

/**
 * The IPEI of the file's name (`ipei_02c332b510.xml` → `02c332b510`), as the base station requests it, else the
 * placeholder: a snippet variable transform, the whole name matched so that nothing else of it is kept.
 */
export const IPEI_FROM_FILE_NAME = `\${TM_FILENAME/^(?:.*?${FILE_NAME_IPEI_PATTERN}.*|.*)$/\${1:-${IPEI_PLACEHOLDER}}/}`;

/** Numbers tab stops in the order they are written. */
class TabStops {
  private next = 1;

  placeholder(spec: ElementSpec, value: ValueSpec, profiles: readonly string[]): string {
    const n = this.next++;
    switch (value.kind) {
      case 'choice':
        return choice(n, value.choices.map((c) => c.value));
      case 'profile':
        return choice(n, profiles);
      case 'ipei':
        return `\${${n}:${IPEI_FROM_FILE_NAME}}`;
      case 'text':
        return `\${${n}:${escapeText(spec.name.slice(0, value.maxLength))}}`;
    }
  }
}

function choice(n: number, values: readonly string[]): string {
  return `\${${n}|${values.map((v) => v.replace(/[\\|,]/g, '\\$&')).join(',')}|}`;
}

function escapeText(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/** Which children of a container a snippet writes out; the default is all of them. */
type ChildFilter = (child: ElementSpec) => boolean;

function element(spec: ElementSpec, stops: TabStops, profiles: readonly string[], pick: (parent: string) => ChildFilter): string[] {
  if (spec.value) return [`<${spec.name}>${stops.placeholder(spec, spec.value, profiles)}</${spec.name}>`];
  const inner = childrenOf(spec.name)
    .filter(pick(spec.name))
    .flatMap((child) => element(child, stops, profiles, pick));
  return [`<${spec.name}>`, ...inner.map((line) => `\t${line}`), `</${spec.name}>`];
}

function catalogued(name: string): ElementSpec {
  const found = getElement(name);
  if (!found) throw new Error(`The catalogue has no <${name}>.`);
  return found;
}

const everything: (parent: string) => ChildFilter = () => () => true;

/** A new file: the root, its value elements, one line, and hs_settings with force_apply only. */
function handsetFile(profiles: readonly string[]): string[] {
  const pick = (parent: string): ChildFilter => (child) => parent !== 'hs_settings' || child.value !== undefined;
  return ['<?xml version="1.0" encoding="UTF-8"?>', ...element(catalogued(ROOT), new TabStops(), profiles, pick), '$0'];
}

function block(name: string, profiles: readonly string[]): string[] {
  return [...element(catalogued(name), new TabStops(), profiles, everything), '$0'];
}

/** The settings whose values are the key-mapping table. */
export function keyMappingElements(): ElementSpec[] {
  const table = KEY_MAPPINGS.map((k) => String(k.value)).join(',');
  return childrenOf('user').filter((e) => e.value?.kind === 'choice' && e.value.choices.map((c) => c.value).join(',') === table);
}

function keyMappings(profiles: readonly string[]): string[] {
  const stops = new TabStops();
  return [...keyMappingElements().flatMap((e) => element(e, stops, profiles, everything)), '$0'];
}

/** The contents of `snippets/hsconfig.code-snippets`. Prefixes start with `hs` so they stay out of other XML files' way. */
export function generateSnippets(profiles: readonly string[] = FACTORY_PROFILES): Record<string, Snippet> {
  return {
    'Handset file': {
      prefix: ROOT,
      description: 'A new handset file with one SIP line.',
      body: handsetFile(profiles),
    },
    'SIP line': {
      prefix: 'hs_line',
      description: catalogued('line').summary,
      body: block('line', profiles),
    },
    'Handset settings': {
      prefix: 'hs_settings',
      description: `Every setting of <hs_settings>. ${catalogued('hs_settings').summary}`,
      body: block('hs_settings', profiles),
    },
    'Key mappings': {
      prefix: 'hs_key_mappings',
      description: `The ${keyMappingElements().length} key-mapping settings, for inside <user>.`,
      body: keyMappings(profiles),
    },
  };
}
