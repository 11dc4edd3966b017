// Shared test helpers: documents from strings, and diagnostics reduced to what a test asserts on.

import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { getLanguageService, type LanguageSettings } from '../../server/src/handset/languageService';

export const FIXTURES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures');
/** Base-station config files shaped like the vendor's DP75x templates (text and XML v2), quirks included. */
export const BASE_CONFIG_FIXTURES = path.join(FIXTURES, 'base-config');
export const FACTORY_TEXT_CONFIG = path.join(BASE_CONFIG_FIXTURES, 'dp75x-factory-text.txt');
export const FACTORY_V2_CONFIG = path.join(BASE_CONFIG_FIXTURES, 'dp75x-factory-v2.xml');

export function fixture(name: string): string {
  return readFileSync(path.join(FIXTURES, name), 'utf8');
}

export function doc(text: string, uri = 'file:///work/handset.xml'): TextDocument {
  return TextDocument.create(uri, 'hsconfig', 1, text);
}

export function diagnose(text: string, uri?: string, settings: Partial<LanguageSettings> = {}): Diagnostic[] {
  return getLanguageService(settings).doValidation(doc(text, uri));
}

export function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => String(d.code));
}

/** The text a diagnostic's range covers. */
export function covered(text: string, d: Diagnostic): string {
  const t = doc(text);
  return text.slice(t.offsetAt(d.range.start), t.offsetAt(d.range.end));
}

/** A complete, clean handset file; `parts` replace its sections to build a variant. */
export function handset(parts: { ipei?: string; name?: string; sip?: string; settings?: string; head?: string } = {}): string {
  const head = parts.head ?? '<?xml version="1.0" encoding="UTF-8"?>\n';
  return (
    head +
    '<hs_config>\n' +
    `  <ipei>${parts.ipei ?? '02c332b510'}</ipei>\n` +
    (parts.name ?? '  <hs_name>Front desk</hs_name>\n') +
    (parts.sip ?? '  <sip>\n    <line>\n      <profile_name>profile1</profile_name>\n      <user_id>5328</user_id>\n    </line>\n  </sip>\n') +
    (parts.settings ?? '') +
    '</hs_config>\n'
  );
}

/** A document from text with a `|` marking the cursor, and the cursor's position. */
export function withCursor(textWithBar: string, uri?: string) {
  const offset = textWithBar.indexOf('|');
  if (offset < 0) throw new Error('no | cursor marker in the test text');
  const document = doc(textWithBar.slice(0, offset) + textWithBar.slice(offset + 1), uri);
  return { document, position: document.positionAt(offset), offset };
}
