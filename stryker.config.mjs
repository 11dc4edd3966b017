// Mutation testing of the pure core (see README, "Mutation testing"). Run it with `npm run mutate`, which picks a
// Node >= 22 for Stryker and passes a folder or the files a branch changed; equivalent mutants are listed, with why,
// in stryker-equivalents.md beside this file.
import { readdirSync, readFileSync } from 'node:fs';

export const CORE = [...['xml', 'handset', 'links', 'domain', 'baseStation', 'deploy'].map((folder) => `server/src/${folder}`), ...['domain', 'detect', 'baseStation', 'deploy', 'serve'].map((folder) => `shared/${folder}`)];

// Unit test files that run in Stryker's sandbox. Left out: those that spawn the esbuild bundle (`path.join(…, 'dist',
// …)`: dist/ is not mutated, so they could kill nothing). No test reads outside the clone.
const OUTSIDE_THE_SANDBOX = /'dist'/;
// The property tests take their run count from HSCONFIG_PROPERTY_RUNS (10,000 documents by default in `npm test`).
// Under Stryker every mutant that reaches them reruns them, so a mutation run uses a few hundred: enough to kill what
// they kill, without one mutant costing a minute. Set the variable yourself to override.
process.env.HSCONFIG_PROPERTY_RUNS ??= '300';

// A mutant runs the test files that reach it in this order and stops at the first that fails: the quick, focused unit
// tests of each feature first, so a killed mutant costs one small file; broad and slow ones (property, hostile
// documents, examples, CLI) last. Survivors run them all, whatever the order.
const FOCUSED = /^(validate|validateMessages|codeActions|codeActionsDetails|fixAll|completion|completionDetails|hover|hoverDetails|format|parser|structure|tagEditing|guideOracle|baseStationProvisioningOrder)\.test\.ts$/;
const SLOW = /property|hostile|examples|[cC]li|readme|snippets|grammar|xsd|generated/;
const rank = (name) => (FOCUSED.test(name) ? 0 : SLOW.test(name) ? 2 : 1);
const testFiles = readdirSync('test/unit')
  .filter((name) => name.endsWith('.test.ts'))
  .filter((name) => !OUTSIDE_THE_SANDBOX.test(readFileSync(`test/unit/${name}`, 'utf8')))
  .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
  .map((name) => `out/test/unit/${name.replace(/\.ts$/, '.js')}`);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  $schema: './scripts/mutation/node_modules/@stryker-mutator/core/schema/stryker-schema.json',
  packageManager: 'npm',
  mutate: CORE.map((folder) => `${folder}/**/*.ts`),
  testRunner: 'tap',
  // Node 23+ prints its spec reporter by default even to a pipe; Stryker reads TAP.
  tap: { testFiles, nodeArgs: ['--test-reporter=tap'] },
  // Node's test runner reports per file, so coverage is per test file: a mutant runs only the files that reach it.
  coverageAnalysis: 'perTest',
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  buildCommand: 'tsc -p .',
  disableTypeChecks: '{server/src,shared}/**/*.ts',
  ignorePatterns: ['dist', 'out', 'reports', '.code-server', '.bench', '.vscode-test', '*.vsix'],
  concurrency: 2,
  timeoutMS: 10000,
  // The initial run of every test file, with coverage, takes minutes on a loaded two-core machine (default limit 5).
  dryRunTimeoutMinutes: 30,
  reporters: ['html', 'clear-text', 'progress-append-only'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  incrementalFile: 'reports/stryker-incremental.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
