// The install test: `npm run package`, check what the .vsix holds and how big it is, then run the in-editor suite
// against the extension that `code-server --install-extension` installed from it.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './paths.mjs';
import { runInstalledSuite } from './suiteRuns.mjs';

export const VSIX = path.join(ROOT, 'hsconfig.vsix');

/** What an install downloads, at most: 1 MB (it was 2.0 MB, 1.4 MB of it README pictures). */
const MAX_VSIX_BYTES = 1_000_000;

// What the package may hold: the bundles and what the marketplace page and manifest need. No sources or maps.
const ALLOWED = [
  /^dist\/(extension|server|cli|hsconfig)\.js$/,
  /^(package\.json|language-configuration(-base(-xml)?)?\.json|README\.md|CHANGELOG\.md|LICENSE)$/,
  /^images\/icon\.png$/,
  /^docs\/images\/[^/]+\.png$/,
  /^(syntaxes|snippets|schemas)\/[^/]+\.(json|code-snippets)$/,
  /^media\/walkthrough\/[^/]+\.md$/,
];

/** Every file the manifest refers to must be in the package, or that contribution silently does nothing. */
function requiredFiles() {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const c = manifest.contributes ?? {};
  const refs = [
    manifest.main,
    manifest.icon,
    ...Object.values(manifest.bin ?? {}),
    ...(c.languages ?? []).map((l) => l.configuration),
    ...(c.grammars ?? []).map((g) => g.path),
    ...(c.snippets ?? []).map((s) => s.path),
    ...(c.jsonValidation ?? []).map((j) => j.url).filter((u) => u && !/^[a-z]+:/i.test(u)),
    ...(c.walkthroughs ?? []).flatMap((w) => w.steps.map((s) => s.media?.markdown)),
  ];
  // The README's pictures, so that they show on the extension's page (packaged with relative links kept).
  const pictures = [...readFileSync(path.join(ROOT, 'README.md'), 'utf8').matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((u) => !/^[a-z]+:/i.test(u));
  refs.push(...pictures);
  return [...new Set(['package.json', 'LICENSE', 'dist/server.js', 'dist/hsconfig.js', ...refs.filter(Boolean).map((r) => path.posix.normalize(r).replace(/^\.\//, ''))])];
}

function npm(args) {
  const result = spawnSync('npm', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 300_000 });
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed (exit ${result.status ?? result.signal}):\n${result.stdout}`);
  return result.stdout;
}

/** Problems with the package's file list, as messages (empty when it is right). */
function checkContents(files) {
  const stray = files.filter((f) => !ALLOWED.some((re) => re.test(f)));
  const missing = requiredFiles().filter((f) => !files.includes(f));
  return [...stray.map((f) => `${f} should not be packaged`), ...missing.map((f) => `${f} is missing from the package`)];
}

export async function testPackagedExtension() {
  console.log('\n== packaging: npm run package ==');
  try {
    const started = Date.now();
    npm(['run', '--silent', 'package']);
    const files = npm(['exec', '--', 'vsce', 'ls', '--no-dependencies']).trim().split('\n').sort();
    npm(['run', '--silent', 'build']); // package left a minified dist/ beside the development build's source maps
    const bytes = statSync(VSIX).size;
    const problems = [...checkContents(files), ...(bytes > MAX_VSIX_BYTES ? [`the package is ${bytes} bytes, over ${MAX_VSIX_BYTES} (pictures: scripts/lib/compressPng.mjs)`] : [])];
    const kib = (bytes / 1024).toFixed(1);
    console.log(`hsconfig.vsix: ${kib} KiB, ${files.length} files (${files.join(', ')}), packaged in ${Date.now() - started} ms`);
    if (problems.length > 0) {
      problems.forEach((p) => console.error(`  ✗ ${p}`));
      return { passed: 0, failed: 1 };
    }
  } catch (err) {
    console.error(`Packaging failed: ${err.message}`);
    return { passed: 0, failed: 1 };
  }
  const suite = await runInstalledSuite(VSIX);
  return { passed: suite.passed + 1, failed: suite.failed, activation: suite.activation }; // + the package-contents check
}
