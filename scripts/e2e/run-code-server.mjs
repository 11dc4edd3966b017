// Runner B (used here and in CI): the in-editor suite inside code-server, first against the source tree, then
// against the extension installed from the packaged .vsix (skip that with --no-vsix). Closing line: `N passed, N failed`.
import { runPhases } from './lib/phases.mjs';
import { runSourceSuite } from './lib/suiteRuns.mjs';
import { testPackagedExtension } from './lib/vsixTest.mjs';

await runPhases(process.argv.includes('--no-vsix') ? [runSourceSuite] : [runSourceSuite, testPackagedExtension]);
