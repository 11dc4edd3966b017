// The runners' main: runs test phases in turn, adds up their counts and ends with the `N passed, N failed` line.
import { existsSync } from 'node:fs';
import { ensureCodeServer } from './codeServer.mjs';
import { SUITE_ENTRY } from './paths.mjs';
import { Interrupted } from './session.mjs';

/** Each phase resolves with { passed, failed }. Exits the process: 0 only if something passed and nothing failed. */
export async function runPhases(phases) {
  if (!existsSync(SUITE_ENTRY)) {
    console.error(`${SUITE_ENTRY} is missing: run \`npm run build && npm run compile\` first.`);
    process.exit(1);
  }
  ensureCodeServer();
  let passed = 0;
  let failed = 0;
  let exitCode;
  try {
    for (const phase of phases) {
      const result = await phase();
      passed += result.passed;
      failed += result.failed;
    }
  } catch (err) {
    if (!(err instanceof Interrupted)) throw err;
    console.error(`Stopped: ${err.message}; everything the run started has been shut down.`);
    exitCode = 130;
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(exitCode ?? (failed > 0 || passed === 0 ? 1 : 0));
}
