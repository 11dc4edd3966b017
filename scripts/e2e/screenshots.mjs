// `npm run screenshots`: the UI checks (lib/uiChecks.mjs), keeping their pictures in docs/images for the README.
// `npm run screenshots -- captureBaseConfig` takes only the pictures named.
import * as path from 'node:path';
import { ensureCodeServer } from './lib/codeServer.mjs';
import { ROOT } from './lib/paths.mjs';
import { runUiChecks } from './lib/uiChecks.mjs';

ensureCodeServer();
const { failed } = await runUiChecks(path.join(ROOT, 'docs', 'images'), process.argv.slice(2));
process.exit(failed > 0 ? 1 : 0);
