// Headless Debian Chromium, driven by playwright-core, showing code-server's workbench.
import { chromium } from 'playwright-core';
import { CHROMIUM } from './paths.mjs';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

export async function launchBrowser() {
  // Signals are the run's to handle (runSession): Playwright's own handlers would exit before cleanup.
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
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

export async function openPage(browser, { width = 1280, height = 800 } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  return context.newPage();
}
