// The committed TextMate grammar, run through the engine VS Code uses, on the guide's example file.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { before, test } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { SCOPE_NAME } from '../../server/src/assets/grammar';
import { fixture } from './helpers';

interface Token {
  readonly text: string;
  readonly scopes: readonly string[];
}

const GRAMMAR_FILE = path.join(__dirname, '..', '..', '..', 'syntaxes', 'hsconfig.tmLanguage.json');

let grammar: textmate.IGrammar;

before(async () => {
  await oniguruma.loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer as ArrayBuffer);
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) =>
      scopeName === SCOPE_NAME ? textmate.parseRawGrammar(readFileSync(GRAMMAR_FILE, 'utf8'), GRAMMAR_FILE) : null,
  });
  const loaded = await registry.loadGrammar(SCOPE_NAME);
  assert.ok(loaded, 'the grammar loads');
  grammar = loaded;
});

function tokenize(text: string): Token[][] {
  let state = textmate.INITIAL;
  return text.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** The scopes of the first token with exactly this text on the first line containing `lineText`. */
function scopesOf(text: string, lineText: string, tokenText: string): readonly string[] {
  const lines = text.split('\n');
  const index = lines.findIndex((l) => l.includes(lineText));
  assert.ok(index >= 0, `no line contains ${lineText}`);
  const token = tokenize(text)[index].find((t) => t.text === tokenText);
  assert.ok(token, `no token '${tokenText}' on line ${index + 1}: ${JSON.stringify(tokenize(text)[index])}`);
  return token.scopes;
}

const GUIDE = fixture('guide-example.xml')
  .replace('<hs_name>', '<!-- the name shown on the base station -->\n  <hs_name>')
  .replace('</sip>', '</sip>\n  <vendor_extra>1</vendor_extra>');

test('the XML declaration is a preprocessor tag', () => {
  assert.ok(scopesOf(GUIDE, '<?xml', 'xml').includes('meta.tag.preprocessor.xml'));
  assert.ok(scopesOf(GUIDE, '<?xml', 'version').includes('entity.other.attribute-name.xml'));
  assert.ok(scopesOf(GUIDE, '<?xml', 'UTF-8').includes('string.quoted.double.xml'));
});

test('catalogue elements and unknown elements get different tag scopes', () => {
  for (const name of ['hs_config', 'sip', 'line', 'user_id', 'custom_ringtone']) {
    assert.ok(scopesOf(GUIDE, `<${name}>`, name).includes('entity.name.tag.hsconfig'), name);
  }
  const unknown = scopesOf(GUIDE, '<vendor_extra>', 'vendor_extra');
  assert.ok(unknown.includes('entity.name.tag.xml'));
  assert.ok(!unknown.includes('entity.name.tag.hsconfig'));
});

test('valid numeric values are numbers, ring types are language constants, IPEIs are hex constants', () => {
  assert.ok(scopesOf(GUIDE, '<custom_ringtone>', '2').includes('constant.numeric.integer.hsconfig'));
  assert.ok(scopesOf(GUIDE, '<key_left_idle_function>', '12').includes('constant.numeric.integer.hsconfig'));
  assert.ok(scopesOf(GUIDE, '<ring_type>', 'DID').includes('constant.language.hsconfig'));
  assert.ok(scopesOf(GUIDE, '<ipei>', '02c332b510').includes('constant.numeric.hex.ipei.hsconfig'));
});

test('a value outside its element\'s choices is not coloured', () => {
  const text = '<hs_config>\n<custom_ringtone>21</custom_ringtone>\n<ring_type>circular</ring_type>\n<user_id>5328</user_id>\n</hs_config>';
  for (const [line, value] of [['<custom_ringtone>', '21'], ['<ring_type>', 'circular'], ['<user_id>', '5328']]) {
    assert.ok(!scopesOf(text, line, value).some((s) => s.startsWith('constant.')), `${value} in ${line}`);
  }
});

test('comments, CDATA, entities and attributes', () => {
  assert.ok(scopesOf(GUIDE, '<!--', ' the name shown on the base station ').includes('comment.block.xml'));
  const text = '<hs_config a="1">\n<display_name>A &amp; B<![CDATA[<x>]]></display_name>\n</hs_config>';
  assert.ok(scopesOf(text, '<hs_config', 'a').includes('entity.other.attribute-name.xml'));
  assert.ok(scopesOf(text, '&amp;', '&').includes('constant.character.entity.xml'));
  assert.ok(scopesOf(text, 'CDATA', '<x>').includes('string.unquoted.cdata.xml'));
});

test('an element name that merely starts with a catalogue name is unknown', () => {
  const scopes = scopesOf('<hs_config>\n<ipei_extra>1</ipei_extra>\n</hs_config>', '<ipei_extra>', 'ipei_extra');
  assert.ok(scopes.includes('entity.name.tag.xml') && !scopes.includes('entity.name.tag.hsconfig'));
});
