// The files generated from the catalogue and committed to the repository: snippets, grammar, the field reference.
// `npm run build` writes them (scripts/generate-assets.mjs); a unit test checks that the committed files equal what
// this returns.

import { generateFieldReference } from './fieldReference';
import { generateGrammar } from './grammar';
import { generateSnippets } from './snippets';

export interface GeneratedAsset {
  /** Relative to the repository root, with forward slashes. */
  readonly path: string;
  readonly content: string;
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

export function generatedAssets(): GeneratedAsset[] {
  return [
    { path: 'snippets/hsconfig.code-snippets', content: json(generateSnippets()) },
    { path: 'syntaxes/hsconfig.tmLanguage.json', content: json(generateGrammar()) },
    { path: 'docs/fields.md', content: generateFieldReference() },
  ];
}
