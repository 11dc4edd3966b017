// The committed snippets, grammar and field reference are exactly what the catalogue generates today. "Committed" means what git has
// staged (its index), not the working tree: `npm run build` rewrites the files just before the tests run, so the
// working tree is always fresh and comparing against it could never fail outside CI.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { generatedAssets } from '../../server/src/assets/generatedAssets';

const REPO = path.join(__dirname, '..', '..', '..');

/** The file as git has it staged; the working tree's copy where the folder is not a git clone (a source tarball). */
function committed(file: string): string {
  const git = spawnSync('git', ['show', `:${file}`], { cwd: REPO, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (git.status === 0) return git.stdout;
  const notAClone = git.error !== undefined || /not a git repository/i.test(git.stderr);
  assert.ok(notAClone, `${file} is not in git: generate it with npm run build and git add it (${git.stderr.trim()})`);
  return readFileSync(path.join(REPO, ...file.split('/')), 'utf8');
}

for (const asset of generatedAssets()) {
  test(`${asset.path} is up to date with the catalogue (npm run build regenerates it; git add it)`, () => {
    assert.ok(asset.content.length > 0);
    assert.equal(committed(asset.path), asset.content, `${asset.path} as committed is stale: npm run build has regenerated it; git add it`);
  });
}

test('package.json contributes the snippets for hsconfig and xml, the grammar for hsconfig, and the config grammar for both of its ids', () => {
  const manifest = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  const snippets = manifest.contributes.snippets as { language: string; path: string }[];
  assert.deepEqual(snippets.map((s) => s.language).sort(), ['hsconfig', 'xml']);
  assert.ok(snippets.every((s) => s.path === './snippets/hsconfig.code-snippets'));
  assert.deepEqual(manifest.contributes.grammars, [
    { language: 'hsconfig', scopeName: 'text.xml.hsconfig', path: './syntaxes/hsconfig.tmLanguage.json' },
    { language: 'hsconfig-base', scopeName: 'source.hsconfig-base', path: './syntaxes/hsconfig-base.tmLanguage.json' },
    { language: 'hsconfig-base-xml', scopeName: 'source.hsconfig-base', path: './syntaxes/hsconfig-base.tmLanguage.json' },
  ]);
});

test('docs/fields.md gives every element a section, the guide\'s counts, and the key-mapping table once', () => {
  const reference = generatedAssets().find((a) => a.path === 'docs/fields.md')?.content ?? '';
  const headings = [...reference.matchAll(/^### (\w+)$/gm)].map((m) => m[1]);
  assert.equal(headings.length, 39); // 6 structural, 1 ipei, 1 hs_name, 6 per line, force_apply, 5 admin, 19 user
  assert.equal(new Set(headings).size, 39);
  assert.match(reference, /\*\*`<hs_config>`\*\* · mandatory, at most once · the root element/);
  assert.match(reference, /\*\*`<ipei>`\*\* · mandatory, at most once · in `<hs_config>`\n/);
  assert.match(reference, /\*\*`<line>`\*\* · optional, up to 10 · in `<hs_config>` › `<sip>`\n/);
  assert.match(reference, /\*\*`<user_id>`\*\* · mandatory, at most once/);
  assert.match(reference, /\| 20 \| New Call \| Call › New Call \|/);
  assert.equal(reference.match(/\| 20 \| New Call \|/g)?.length, 1);
  assert.equal(reference.match(/The values are those of \[`<key_up_idle_function>`\]\(#key_up_idle_function\)\./g)?.length, 11);
  assert.match(reference, /\| 10 \| ring10\.bin \|/);
  for (const ring of ['DID', 'Circular', 'Linear', 'Parallel', 'Shared']) assert.match(reference, new RegExp(`^\\| ${ring} \\| [^|]+ \\| [^|]+ \\|$`, 'm'));
});
