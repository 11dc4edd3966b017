// A handset file from a HandsetConfig: the XML declaration, then every element in the catalogue's order, escaped,
// indented by two spaces. Containers appear only when they hold something.

import { childrenOf, ROOT } from '../handset/catalogue';
import { escapeText } from '../xml/xmlText';
import type { HandsetConfig } from './handsetConfig';

const INDENT = '  ';

export function buildHandsetXml(config: HandsetConfig): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<${ROOT}>`, ...children(ROOT, config, 1), `</${ROOT}>`];
  return lines.join('\n') + '\n';
}

function children(parent: string, config: HandsetConfig, depth: number): string[] {
  const indent = INDENT.repeat(depth);
  const out: string[] = [];
  for (const spec of childrenOf(parent)) {
    if (spec.name === 'line') {
      for (const line of config.lines) out.push(...container('line', children('line', { values: line, lines: [] }, depth + 1), indent));
    } else if (spec.value) {
      const value = config.values[spec.name];
      if (value !== undefined) out.push(`${indent}<${spec.name}>${escapeText(value)}</${spec.name}>`);
    } else {
      out.push(...container(spec.name, children(spec.name, config, depth + 1), indent));
    }
  }
  return out;
}

function container(name: string, inner: string[], indent: string): string[] {
  return inner.length === 0 ? [] : [`${indent}<${name}>`, ...inner, `${indent}</${name}>`];
}
