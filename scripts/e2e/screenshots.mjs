// UI checks and README pictures, taken in code-server with the extension under development:
// - docs/images/diagnostic-hover.png: the error squiggle of broken.xml, hovered;
// - docs/images/key-mapping-completion.png: the value completion inside a key-mapping setting;
// - docs/images/preview.png: the base-station preview beside a handset file.
// Each fails if what it shows never appears.
import * as os from 'node:os';
import * as path from 'node:path';
import { launchBrowser, remoteUri, workbenchUrl } from './lib/browser.mjs';
import { ensureCodeServer, startCodeServer } from './lib/codeServer.mjs';
import { ROOT } from './lib/paths.mjs';
import { createSandbox } from './lib/sandbox.mjs';
import { runSession } from './lib/session.mjs';

const IMAGES = path.join(ROOT, 'docs', 'images');
const WAIT_MS = 60_000;

async function captureHover(page) {
  const squiggle = page.locator('.monaco-editor .squiggly-error').first();
  await squiggle.waitFor({ state: 'visible', timeout: WAIT_MS });
  await settleStatusBar(page);
  // The squiggle lies under the text layer, so point at it rather than hovering the element.
  const mark = await squiggle.boundingBox();
  await page.mouse.move(mark.x + mark.width / 2, mark.y + mark.height / 2);
  await page.locator('.monaco-hover').filter({ hasText: '<auto_answer> takes 0 (No) or 1 (Yes)' }).waitFor({ state: 'visible', timeout: WAIT_MS });
  await page.screenshot({ path: path.join(IMAGES, 'diagnostic-hover.png') });
}

/** Puts the cursor at line:column (1-based) with Go to Line, which accepts `line:column`. */
async function goTo(page, line, column) {
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+G');
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: WAIT_MS });
}

async function captureCompletion(page) {
  await page.locator('.monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout: WAIT_MS });
  await settleStatusBar(page);
  await page.locator('.statusbar').getByText('Handset Config (hs_config)').waitFor({ timeout: WAIT_MS });
  // As a user would: a new line in <user>, start typing an element, accept it; its values are offered at once.
  await goTo(page, 15, 1);
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('<key_down_c');
  await page.locator('.suggest-widget').filter({ hasText: 'key_down_call_function' }).waitFor({ state: 'visible', timeout: WAIT_MS });
  await page.keyboard.press('Enter');
  await page.locator('.suggest-widget').filter({ hasText: 'Outgoing Calls' }).waitFor({ state: 'visible', timeout: WAIT_MS });
  await page.screenshot({ path: path.join(IMAGES, 'key-mapping-completion.png') });
}

async function capturePreview(page) {
  await page.locator('.monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout: WAIT_MS });
  await settleStatusBar(page);
  await page.locator('.statusbar').getByText('Handset Config (hs_config)').waitFor({ timeout: WAIT_MS });
  await runCommand(page, 'Preview Base Station Outcome');
  const webview = page.frameLocator('iframe.webview').frameLocator('iframe');
  await webview.getByText('Accounts').first().waitFor({ timeout: WAIT_MS });
  await page.keyboard.press('Escape');
  await page.screenshot({ path: path.join(IMAGES, 'preview.png') });
}

/** Runs a command from the command palette by its title. */
async function runCommand(page, title) {
  await page.keyboard.press('F1');
  await page.keyboard.type(title);
  await page.locator('.quick-input-list').getByText(title, { exact: true }).first().waitFor({ timeout: WAIT_MS });
  await page.keyboard.press('Enter');
}

/** Cosmetic: lets the built-in extensions finish activating so the status bar shows no spinner. */
async function settleStatusBar(page) {
  try {
    await page.locator('.statusbar').getByText('Activating Extensions').waitFor({ state: 'hidden', timeout: 15_000 });
  } catch {
    console.warn('the status bar still says "Activating Extensions..."; taking the picture anyway');
  }
}

const SHOTS = [
  { file: 'broken.xml', size: { width: 1100, height: 600 }, capture: captureHover },
  { file: 'authoring.xml', size: { width: 1100, height: 640 }, capture: captureCompletion },
  { file: 'handset.xml', size: { width: 1400, height: 860 }, capture: capturePreview },
];

ensureCodeServer();
try {
  for (const shot of SHOTS) {
    await runSession(180_000, async (use) => {
      const sandbox = await use(createSandbox(), (s) => s.remove());
      const server = await use(startCodeServer(sandbox), (s) => s.stop());
      const browser = await use(launchBrowser(sandbox, shot.size), (b) => b.close());
      const page = await browser.newPage();
      await page.goto(
        workbenchUrl(server, sandbox.workspace, [
          ['extensionDevelopmentPath', remoteUri(server, ROOT)],
          ['openFile', remoteUri(server, path.join(sandbox.workspace, shot.file))],
        ]),
      );
      try {
        await shot.capture(page);
      } catch (err) {
        const debug = path.join(os.tmpdir(), `hsconfig-screenshot-failed-${path.basename(shot.file, '.xml')}.png`);
        await page.screenshot({ path: debug }).catch(() => undefined);
        throw new Error(`${err.message}\n(what the window showed: ${debug})`);
      }
    });
    console.log(`saved a picture of ${shot.file}`);
  }
} catch (err) {
  console.error(`No screenshot: ${err.message}`);
  process.exit(1);
}
