// The base-station config grammar, run through the engine VS Code uses, on text and XML v2 configs.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { before, test } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { fixture } from './helpers';

const SCOPE = 'source.hsconfig-base';
const FILE = path.join(__dirname, '..', '..', '..', 'syntaxes', 'hsconfig-base.tmLanguage.json');
let grammar: textmate.IGrammar;

before(async () => {
  await oniguruma.loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer as ArrayBuffer).catch(() => undefined);
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scope) => (scope === SCOPE ? textmate.parseRawGrammar(readFileSync(FILE, 'utf8'), FILE) : null),
  });
  const loaded = await registry.loadGrammar(SCOPE);
  assert.ok(loaded);
  grammar = loaded;
});

/** The innermost scope of the token with this text on the line containing `lineText`. */
function scopeOf(text: string, lineText: string, token: string): string | undefined {
  let state = textmate.INITIAL;
  for (const line of text.split('\n')) {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    if (!line.includes(lineText)) continue;
    const t = result.tokens.find((k) => line.slice(k.startIndex, k.endIndex) === token);
    return t?.scopes[t.scopes.length - 1];
  }
  return undefined;
}

test('text configs: headings, comments, P-numbers, "=" and values', () => {
  const text = fixture('base-config/quirks-office.txt');
  assert.equal(scopeOf(text, '##  Profile 1/General Settings  ##', '##  Profile 1/General Settings  ##'), 'markup.heading.section.hsconfig-base');
  assert.equal(scopeOf(text, '# Profile names', ' Profile names'), 'comment.line.number-sign.hsconfig-base');
  assert.equal(scopeOf(text, '# Profile names', '#'), 'punctuation.definition.comment.hsconfig-base');
  assert.equal(scopeOf(text, 'P27762=office', 'P27762'), 'variable.other.property.p-value.hsconfig-base');
  assert.equal(scopeOf(text, 'P27762=office', '='), 'keyword.operator.assignment.hsconfig-base');
  assert.equal(scopeOf(text, 'P27762=office', 'office'), 'string.unquoted.value.hsconfig-base');
});

test('XML v2 configs: tags, item names, comments', () => {
  const text = fixture('base-config/quirks-office-v2.xml');
  assert.equal(scopeOf(text, '<gs_provision', 'gs_provision'), 'entity.name.tag.xml.hsconfig-base');
  assert.equal(scopeOf(text, 'profile.1.name"', 'profile.1.name'), 'variable.other.property.item-name.hsconfig-base');
  assert.equal(scopeOf(text, '<!-- Profile 1/General Settings -->', '<!--'), 'comment.block.xml.hsconfig-base');
});
