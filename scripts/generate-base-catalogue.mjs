// Generates server/src/baseConfig/pValues.generated.ts, the base-station P-value catalogue, from the vendor's DP75x
// configuration templates (text and XML v2) that YOU point to:
//
//   node scripts/generate-base-catalogue.mjs --templates DIR      (or HSCONFIG_DP75X_TEMPLATES=DIR)
//   node scripts/generate-base-catalogue.mjs --check ...          (writes nothing; fails when the committed file is stale)
//
// Why facts only, and why no default path: the templates carry no licence text, so they are not ours to
// redistribute. Numbers, ranges, types, flags, defaults and short labels are facts and carry over; the templates'
// sentences (long descriptions) do not, and are never written out. Nothing reads the templates unless a path is
// given, because a user's clone has no copy of them. The generated file records the SHA-256 of each template it was
// generated from and of its own entries; test/unit/baseConfigCatalogue.test.ts checks the entries against that hash
// always, and regenerates and compares when HSCONFIG_DP75X_TEMPLATES is set.
import * as esbuild from 'esbuild';
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUTPUT = path.join(root, 'server', 'src', 'baseConfig', 'pValues.generated.ts');
const args = process.argv.slice(2);
const check = args.includes('--check');
const flag = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const dir = flag('--templates') ?? process.env.HSCONFIG_DP75X_TEMPLATES;
if (!dir) {
  console.error('Point me at the vendor\'s DP75x config templates: --templates DIR or HSCONFIG_DP75X_TEMPLATES=DIR (a folder with dp75x_config_*.txt and dp75x_config_v2_*.xml).');
  process.exit(2);
}

const names = await readdir(dir);
const textName = names.find((n) => /^dp75x_config_[\d.]+\.txt$/i.test(n));
const v2Name = names.find((n) => /^dp75x_config_v2_[\d.]+\.xml$/i.test(n));
if (!textName) {
  console.error(`No dp75x_config_<version>.txt in ${dir}.`);
  process.exit(2);
}

const bundle = await esbuild.build({ entryPoints: [path.join(root, 'server', 'src', 'baseConfig', 'generateCatalogue.ts')], bundle: true, platform: 'node', format: 'esm', write: false, logLevel: 'warning' });
const { generateCatalogue } = await import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`);
const read = async (name) => ({ name, text: await readFile(path.join(dir, name), 'utf8') });
const generated = generateCatalogue(await read(textName), v2Name ? await read(v2Name) : undefined);

if (args.includes('--notes')) for (const n of generated.notes) console.error(`${n.line ? `line ${n.line}: ` : ''}${n.message}`);
else if (generated.notes.length) console.error(`${generated.notes.length} notes on what the templates say (--notes lists them).`);

const current = await readFile(OUTPUT, 'utf8').catch(() => undefined);
// Whether these are the very templates the committed catalogue records (by SHA-256, as sha256sum prints it).
for (const name of [textName, v2Name].filter(Boolean)) {
  const hash = createHash('sha256').update(await readFile(path.join(dir, name))).digest('hex');
  const recorded = new RegExp(`name: "${name.replace(/\./g, '\\.')}", sha256: "([0-9a-f]{64})"`).exec(current ?? '')?.[1];
  console.error(`${name}: sha256 ${hash}${recorded === hash ? ' (the template the committed catalogue records)' : recorded ? ` (the committed catalogue records ${recorded}: another copy or version)` : ' (not recorded in the committed catalogue)'}`);
}
if (current === generated.source) console.log(`${path.relative(root, OUTPUT)} is up to date (${generated.entries.length} P-values).`);
else if (check) {
  console.error(`${path.relative(root, OUTPUT)} is stale: regenerate with node scripts/generate-base-catalogue.mjs --templates DIR and commit it.`);
  process.exitCode = 1;
} else {
  await writeFile(OUTPUT, generated.source);
  console.log(`generated ${path.relative(root, OUTPUT)} (${generated.entries.length} P-values).`);
}
