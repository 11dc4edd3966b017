// The committed snippets and grammar are exactly what the catalogue generates today.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { generatedAssets } from '../../server/src/assets/generatedAssets';

const REPO = path.join(__dirname, '..', '..', '..');

for (const asset of generatedAssets()) {
  test(`${asset.path} is up to date with the catalogue (npm run build regenerates it)`, () => {
    const committed = readFileSync(path.join(REPO, ...asset.path.split('/')), 'utf8');
    assert.equal(committed, asset.content);
  });
}

test('package.json contributes the snippets for hsconfig and xml, and the grammar for hsconfig', () => {
  const manifest = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  const snippets = manifest.contributes.snippets as { language: string; path: string }[];
  assert.deepEqual(snippets.map((s) => s.language).sort(), ['hsconfig', 'xml']);
  assert.ok(snippets.every((s) => s.path === './snippets/hsconfig.code-snippets'));
  assert.deepEqual(manifest.contributes.grammars, [
    { language: 'hsconfig', scopeName: 'text.xml.hsconfig', path: './syntaxes/hsconfig.tmLanguage.json' },
    { language: 'hsconfig-base', scopeName: 'source.hsconfig-base', path: './syntaxes/hsconfig-base.tmLanguage.json' },
  ]);
});
