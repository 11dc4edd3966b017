// Mutation testing of the pure core (see README, "Mutation testing"). Run it with `npm run mutate`, which picks a
// Node >= 22 for Stryker and passes a folder or the files a branch changed; equivalent mutants are listed, with why,
// in stryker-equivalents.md beside this file.
import { readdirSync, readFileSync } from 'node:fs';

// Property tests run fewer cases per mutant (npm test keeps the full counts): they read HSCONFIG_PROPERTY_RUNS.
process.env.HSCONFIG_PROPERTY_RUNS ??= '200';

export const CORE = ['languageService', 'domain', 'baseStation', 'deploy'].map((folder) => `server/src/${folder}`);

// Unit test files that run in Stryker's sandbox. Left out: those that spawn the esbuild bundle (`path.join(…, 'dist',
// …)`: dist/ is not mutated, so they could kill nothing). No test reads outside the clone.
const OUTSIDE_THE_SANDBOX = /'dist'/;
const testFiles = readdirSync('test/unit')
  .filter((name) => name.endsWith('.test.ts'))
  .filter((name) => !OUTSIDE_THE_SANDBOX.test(readFileSync(`test/unit/${name}`, 'utf8')))
  .map((name) => `out/test/unit/${name.replace(/\.ts$/, '.js')}`);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  $schema: './node_modules/@stryker-mutator/core/schema/stryker-schema.json',
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
  disableTypeChecks: 'server/src/**/*.ts',
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
