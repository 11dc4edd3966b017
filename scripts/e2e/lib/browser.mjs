// Headless Debian Chromium, driven by playwright-core, showing code-server's workbench.
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM } from './paths.mjs';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

/** A browser whose profile, home and caches live in the sandbox. Close it with `close()`. */
export async function launchBrowser(sandbox, { width = 1280, height = 800 } = {}) {
  return chromium.launchPersistentContext(path.join(sandbox.root, 'chromium-profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    env: sandbox.env,
    viewport: { width, height },
    // Signals are the run's to handle (runSession): Playwright's own handlers would exit before cleanup.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}

/** A `vscode-remote://` URI: how the workbench names a path on the code-server machine. */
export function remoteUri(server, absolutePath) {
  return `vscode-remote://127.0.0.1:${server.port}${absolutePath}`;
}

/** The workbench URL that opens `folder`, with a payload of [name, value] pairs (extensionTestsPath, openFile, ...). */
export function workbenchUrl(server, folder, payload = []) {
  const url = new URL(server.origin);
  url.searchParams.set('folder', folder);
  if (payload.length > 0) url.searchParams.set('payload', JSON.stringify(payload));
  return url.toString();
}
