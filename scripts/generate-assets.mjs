// Writes the files generated from the field catalogue (snippets, TextMate grammar); `npm run build` runs it first.
// With --check, or in CI (CI=true), it writes nothing and fails when a committed file is stale, so a catalogue
// change cannot land without its regenerated files.
import * as esbuild from 'esbuild';
import { Buffer } from 'node:buffer';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check') || Boolean(process.env.CI && process.env.CI !== 'false');

/** Bundles the generator in memory and imports it, so generation needs no prior tsc run. */
async function loadGenerator() {
  const result = await esbuild.build({
    entryPoints: [path.join(root, 'server', 'src', 'assets', 'generatedAssets.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'warning',
  });
  return import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`);
}

const { generatedAssets } = await loadGenerator();
const stale = [];
for (const asset of generatedAssets()) {
  const file = path.join(root, ...asset.path.split('/'));
  const current = await readFile(file, 'utf8').catch(() => undefined);
  if (current === asset.content) continue;
  if (check) {
    stale.push(asset.path);
  } else {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, asset.content);
    console.log(`generated ${asset.path}`);
  }
}
if (stale.length) {
  console.error(`Generated files are out of date: ${stale.join(', ')}. Run \`npm run build\` and commit them.`);
  process.exitCode = 1;
}
