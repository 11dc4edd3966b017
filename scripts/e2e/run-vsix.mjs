// The install test on its own: package hsconfig.vsix, install it into a fresh code-server and run the in-editor
// suite against it. (run-code-server.mjs runs this after the source-tree suite.)
import { existsSync } from 'node:fs';
import { ensureCodeServer } from './lib/codeServer.mjs';
import { SUITE_ENTRY } from './lib/paths.mjs';
import { testPackagedExtension } from './lib/vsixTest.mjs';

if (!existsSync(SUITE_ENTRY)) {
  console.error(`${SUITE_ENTRY} is missing: run \`npm run build && npm run compile\` first.`);
  process.exit(1);
}
ensureCodeServer();
const { passed, failed } = await testPackagedExtension();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
