// Runner B (used here and in CI): the in-editor suite inside code-server against the source tree, the UI checks
// (pictures into a temp folder), `npm start` as a user runs it (lib/startCheck.mjs), then the suite against the
// extension installed from the packaged .vsix. --no-ui, --no-start and --no-vsix skip those parts. Closing line:
// `N passed, N failed`.
import { mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { runPhases } from './lib/phases.mjs';
import { runStartCheck } from './lib/startCheck.mjs';
import { runSourceSuite } from './lib/suiteRuns.mjs';
import { runUiChecks } from './lib/uiChecks.mjs';
import { testPackagedExtension } from './lib/vsixTest.mjs';

async function uiChecksInTempFolder() {
  console.log('\n== UI checks ==');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hsconfig-ui-'));
  try {
    return await runUiChecks(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const skip = (flag) => process.argv.includes(flag);
await runPhases([
  runSourceSuite,
  ...(skip('--no-ui') ? [] : [uiChecksInTempFolder]),
  ...(skip('--no-start') ? [] : [runStartCheck]),
  ...(skip('--no-vsix') ? [] : [testPackagedExtension]),
]);
