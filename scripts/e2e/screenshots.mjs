// `npm run screenshots`: the UI checks (lib/uiChecks.mjs), keeping in docs/images the pictures the README shows.
// `npm run screenshots -- captureBaseConfig` takes only the pictures named. The checks' other pictures (evidence of
// menus and dialogs, not README material) stay in a temp folder, named at the end, so that a local `npm run package`
// (which ships docs/images) never picks them up.
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureCodeServer } from './lib/codeServer.mjs';
import { ROOT } from './lib/paths.mjs';
import { runUiChecks } from './lib/uiChecks.mjs';
import { compressPng } from '../lib/compressPng.mjs';

ensureCodeServer();
const taken = await mkdtemp(path.join(os.tmpdir(), 'hsconfig-screenshots-'));
const { failed } = await runUiChecks(taken, process.argv.slice(2));
const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
const shown = new Set([...readme.matchAll(/docs\/images\/([\w.-]+\.png)/g)].map((m) => m[1]));
const kept = [];
for (const name of await readdir(taken)) {
  if (!shown.has(name)) continue;
  // A palette: the .vsix carries these pictures and must stay under 1 MB.
  await writeFile(path.join(ROOT, 'docs', 'images', name), compressPng(await readFile(path.join(taken, name))));
  kept.push(name);
}
console.log(`docs/images: ${kept.length} README picture(s) updated (${kept.join(', ') || 'none'}); every picture taken is in ${taken}`);
process.exit(failed > 0 ? 1 : 0);
