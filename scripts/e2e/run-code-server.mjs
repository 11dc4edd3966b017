// Runner B (used here and in CI): the in-editor suite inside code-server, first against the source tree, then
// against the extension installed from the packaged .vsix (skip that with --no-vsix). Closing line: `N passed, N failed`.
import { existsSync } from 'node:fs';
import { ensureCodeServer } from './lib/codeServer.mjs';
import { SUITE_ENTRY } from './lib/paths.mjs';
import { runSourceSuite } from './lib/suiteRuns.mjs';
import { testPackagedExtension } from './lib/vsixTest.mjs';

if (!existsSync(SUITE_ENTRY)) {
  console.error(`${SUITE_ENTRY} is missing: run \`npm run build && npm run compile\` first.`);
  process.exit(1);
}
ensureCodeServer();
const results = [await runSourceSuite()];
if (!process.argv.includes('--no-vsix')) results.push(await testPackagedExtension());
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
