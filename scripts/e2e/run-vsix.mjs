// The install test on its own: package hsconfig.vsix, install it into a fresh code-server and run the in-editor
// suite against it. (run-code-server.mjs runs this after the source-tree suite.)
import { runPhases } from './lib/phases.mjs';
import { testPackagedExtension } from './lib/vsixTest.mjs';

await runPhases([testPackagedExtension]);
