// UI check and README picture: opens the broken fixture in code-server with the extension under development,
// hovers the error squiggle and saves the window with the hover to docs/images/diagnostic-hover.png.
// Fails if the squiggle or the hover with the expected message never shows.
import * as path from 'node:path';
import { launchBrowser, remoteUri, workbenchUrl } from './lib/browser.mjs';
import { ensureCodeServer, startCodeServer } from './lib/codeServer.mjs';
import { ROOT } from './lib/paths.mjs';
import { createSandbox } from './lib/sandbox.mjs';
import { runSession } from './lib/session.mjs';

const OUTPUT = path.join(ROOT, 'docs', 'images', 'diagnostic-hover.png');
const FILE = 'broken.xml';
const EXPECTED_MESSAGE = '<auto_answer>` takes 0 (No) or 1 (Yes)';
const WAIT_MS = 60_000;

async function captureHover(page) {
  const squiggle = page.locator('.monaco-editor .squiggly-error').first();
  await squiggle.waitFor({ state: 'visible', timeout: WAIT_MS });
  await settleStatusBar(page);
  // The squiggle lies under the text layer, so point at it rather than hovering the element.
  const mark = await squiggle.boundingBox();
  await page.mouse.move(mark.x + mark.width / 2, mark.y + mark.height / 2);
  await page.locator('.monaco-hover').filter({ hasText: EXPECTED_MESSAGE }).waitFor({ state: 'visible', timeout: WAIT_MS });
  await page.screenshot({ path: OUTPUT });
}

/** Cosmetic: lets the built-in extensions finish activating so the status bar shows no spinner. */
async function settleStatusBar(page) {
  try {
    await page.locator('.statusbar').getByText('Activating Extensions').waitFor({ state: 'hidden', timeout: 15_000 });
  } catch {
    console.warn('the status bar still says "Activating Extensions..."; taking the picture anyway');
  }
}

ensureCodeServer();
try {
  await runSession(180_000, async (use) => {
    const sandbox = await use(createSandbox(), (s) => s.remove());
    const server = await use(startCodeServer(sandbox), (s) => s.stop());
    const browser = await use(launchBrowser(sandbox, { width: 1100, height: 600 }), (b) => b.close());
    const page = await browser.newPage();
    await page.goto(
      workbenchUrl(server, sandbox.workspace, [
        ['extensionDevelopmentPath', remoteUri(server, ROOT)],
        ['openFile', remoteUri(server, path.join(sandbox.workspace, FILE))],
      ]),
    );
    await captureHover(page);
  });
  console.log(`saved ${path.relative(ROOT, OUTPUT)}`);
} catch (err) {
  console.error(`No screenshot: ${err.message}`);
  process.exit(1);
}
