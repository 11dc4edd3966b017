// The UI checks, in code-server with the extension under development, each a picture of what a user sees:
// - diagnostic-hover.png: the error squiggle of broken.xml, hovered;
// - key-mapping-completion.png: the value completion inside a key-mapping setting;
// - preview.png: the base-station preview beside a handset file;
// - encrypted-offer.png: opening an encrypted file offers to open it decrypted (then does so, with the password);
// - base-config-hover.png: a base-station config file, its out-of-range value hovered;
// - base-config-status.png: the same file's language status: text, 10 P-values, the template's firmware, 1 error.
// - new-handset-file.png: Explorer → right-click a folder → New Handset File, with the label's decimal IPEI, writes
//   ipei_<hex>.xml there; doing it again asks before replacing, and Cancel keeps the file;
// - walkthrough.png: Welcome: Open Walkthrough → Get Started with Handset Config → the first step's button runs
//   New Handset File, which ticks the step off.
// - explorer-submenu.png: right-click a CSV in the Explorer, the Handset Config submenu offers Generate (and no
//   Decrypt); generating answers its questions with the defaults;
// - explorer-encrypt.png: two files selected in the Explorer, encrypted from the submenu with a new password typed
//   twice, then the offer to remember it;
// - editor-title-encrypt: the lock button in the editor title encrypts, reusing the typed password when chosen;
// - base-station-follows.png: the preview, the diagnostics and the language status follow a base-station file
//   written on disk.
// - explorer-menus.png: the Explorer's Handset Config submenu on a handset file (Preview), on an encrypted file
//   (Decrypt into a New Editor, then Open Decrypted for Editing, which is editable), on a base-station config (Import
//   as the Workspace's Base Station), on a folder (Simulate Folder: the fleet view; Serve Folder: the 127.0.0.1
//   warning; then Stop Serving from the palette);
// - editor-menus.png: the editor title's Preview button, the editor context submenu's Preview, and, on an encrypted
//   file (shown as binary), the title's Open Decrypted button with its password; then that file opened as text
//   anyway (the binary view has no context menu), the context submenu's Open Decrypted for Editing;
// - editor-context-menus.png: the editor context submenu on a CSV (Generate), a base-station config (Import) and a
//   handset file (Encrypt);
// - new-file-entries.png: Create: New File... (File → New File…'s list) offers New Handset File; picked, it writes
//   the file; then New Handset File from the palette;
// - the palette's other commands, typed in: Convert IPEI (the picked form is copied), Restart Language Server (a new
//   server process, which answers), Generate from CSV, Import Base Station and Export XML Schema (each file picked
//   in VS Code's file dialog), Simulate and Serve Folder (the workspace), Stop Serving, and the password commands
//   (Encrypt, Decrypt, Forget the Remembered Password, Open Decrypted).
// - code-lens.png: the code lens above <hs_config> ("HS1 · 1 line · …"), clicked: the preview opens;
// - rename.png: F2 on a <profile_name> value, a new name typed and Enter: both handset files that use the profile and
//   the base-station file (.vscode/hsconfig-base-station.json) change, through the editor's own rename flow;
// - folder-problems.png: with workspace diagnostics on, the Problems panel lists the problems of files that were never
//   opened, among them a folder problem (two handsets that set one account to ring only themselves).
// - sites-view.png: the Explorer's Base Station Sites view lists two sites with their configs and handset files
//   (HS1 · applied); a handset file's context menu opens its preview, a site's simulates its folder.
// Each fails if what it shows never appears. `npm run screenshots` keeps the pictures for the README; the test run
// (run-code-server.mjs) writes them to a temp folder.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { launchBrowser, remoteUri, workbenchUrl } from './browser.mjs';
import { startCodeServer } from './codeServer.mjs';
import { ROOT } from './paths.mjs';
import { createSandbox } from './sandbox.mjs';
import { Interrupted, runSession } from './session.mjs';

const WAIT_MS = 60_000;
/** How soon views must follow a file changed on disk (generous: the machine running the checks may be busy). */
const FOLLOW_MS = 15_000;

async function captureHover(page, outDir) {
  const squiggle = page.locator('.monaco-editor .squiggly-error').first();
  await squiggle.waitFor({ state: 'visible', timeout: WAIT_MS });
  await settleStatusBar(page);
  // The squiggle lies under the text layer, so point at it rather than hovering the element. Pointed at again (away
  // first) until the hover shows: a code lens arriving late moves the lines down under a mouse that has already moved.
  const hover = page.locator('.monaco-hover').filter({ hasText: '<auto_answer> takes 0 (No) or 1 (Yes)' });
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const mark = await squiggle.boundingBox();
    await page.mouse.move(mark.x + mark.width / 2, mark.y + mark.height / 2);
    try {
      await hover.waitFor({ state: 'visible', timeout: 5000 });
      break;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await page.mouse.move(5, 5);
    }
  }
  await page.screenshot({ path: path.join(outDir, 'diagnostic-hover.png') });
}

/** Puts the cursor at line:column (1-based) with Go to Line, which accepts `line:column`. */
async function goTo(page, line, column) {
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+G');
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: WAIT_MS });
}

async function captureCompletion(page, outDir) {
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
  await page.screenshot({ path: path.join(outDir, 'key-mapping-completion.png') });
}

async function capturePreview(page, outDir) {
  await page.locator('.monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout: WAIT_MS });
  await settleStatusBar(page);
  await page.locator('.statusbar').getByText('Handset Config (hs_config)').waitFor({ timeout: WAIT_MS });
  await runCommand(page, 'Preview Base Station Outcome');
  const webview = page.frameLocator('iframe.webview').frameLocator('iframe');
  await webview.getByText('Accounts').first().waitFor({ timeout: WAIT_MS });
  await webview.getByRole('heading', { name: /^Assumptions/ }).waitFor({ timeout: WAIT_MS });
  await page.keyboard.press('Escape');
  await page.screenshot({ path: path.join(outDir, 'preview.png') });
}

/** Opening an encrypted file offers its decrypted view; accepting, with the password, shows the plaintext. */
async function captureEncryptedOffer(page, outDir) {
  await page.locator('.statusbar').getByText('Handset Config (hs_config)').waitFor({ timeout: WAIT_MS });
  await page.keyboard.press('Control+P');
  await page.keyboard.type('ipei_02c332b540.xml');
  await page.locator('.quick-input-list').getByText('ipei_02c332b540.xml').first().waitFor({ timeout: WAIT_MS });
  await page.keyboard.press('Enter');
  // The offer may arrive as a toast or straight in the notification centre (then the bell gets its dot).
  const text = 'is encrypted. Open it decrypted for editing?';
  const bell = page.locator('.statusbar .codicon-bell-dot, .statusbar .codicon-notifications-dot').first();
  await bell.waitFor({ timeout: WAIT_MS });
  const toast = page.locator('.notifications-toasts').filter({ hasText: text });
  if (!(await toast.isVisible())) {
    await bell.click();
    await page.mouse.move(200, 300); // the bell's tooltip would cover the notification's buttons
  }
  const offer = page.locator('.notifications-toasts, .notifications-center').filter({ hasText: text }).first();
  await offer.waitFor({ state: 'visible', timeout: WAIT_MS });
  await settleStatusBar(page);
  await page.screenshot({ path: path.join(outDir, 'encrypted-offer.png') });
  await offer.getByRole('button', { name: 'Open Decrypted' }).click();
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: WAIT_MS });
  await input.fill('E2e-Secret!42');
  await page.keyboard.press('Enter');
  await page.locator('.monaco-editor .view-lines').filter({ hasText: '<hs_name>Sealed</hs_name>' }).waitFor({ state: 'visible', timeout: WAIT_MS });
  // Offered only now that the password has decrypted the file.
  await notification(page, 'Remember this password for this workspace?');
}

const explorerRow = (page, name) => page.locator('.explorer-folders-view .monaco-list-row').filter({ hasText: new RegExp(`^${name.replace(/\./g, '\\.')}$`) }).first();

/**
 * Right-clicks the selection in the Explorer and opens our submenu; returns the submenu's locator. Retried, since
 * the entry appears once the extension has looked at the workspace's files (its context keys).
 */
async function openOurSubmenu(page, row) {
  const entry = page.locator('.monaco-menu .action-item').filter({ hasText: /^Handset Config$/ }).first();
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    await row.click({ button: 'right' });
    try {
      await entry.waitFor({ timeout: 3000 });
      break;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await page.keyboard.press('Escape');
      await page.waitForTimeout(1000);
    }
  }
  await entry.hover();
  await page.locator('.monaco-menu').nth(1).waitFor({ timeout: WAIT_MS });
  return page.locator('.monaco-menu').last();
}

async function showExplorer(page) {
  await page.locator('.statusbar').getByText('Handset Config (hs_config)').waitFor({ timeout: WAIT_MS });
  await page.keyboard.press('Control+Shift+E');
  await page.locator('.explorer-folders-view').waitFor({ timeout: WAIT_MS });
}

/** A notification, as a toast or (when VS Code files it straight away) in the notification centre. */
async function notification(page, text) {
  const toast = page.locator('.notifications-toasts .notification-toast').filter({ hasText: text }).first();
  const listed = page.locator('.notifications-center .notification-list-item').filter({ hasText: text }).first();
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    if (await toast.isVisible()) return toast;
    if (await listed.isVisible()) return listed;
    const centre = page.locator('.notifications-center.visible');
    if (!(await centre.isVisible())) {
      await page.locator('.statusbar .codicon-bell-dot, .statusbar .codicon-notifications-dot').first().click({ timeout: 1000 }).catch(() => undefined);
      await page.mouse.move(200, 300); // away from the bell's tooltip
    }
    await page.waitForTimeout(500);
  }
  throw new Error(`no notification says "${text}"`);
}

/** Types into the input box once it asks `question` (the widget is reused from one question to the next). */
async function typeInQuickInput(page, text, question) {
  if (question) await page.locator('.quick-input-widget').filter({ hasText: question }).waitFor({ state: 'visible', timeout: WAIT_MS });
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: WAIT_MS });
  await input.fill(text);
  await page.keyboard.press('Enter');
}

async function pickInQuickInput(page, label) {
  const item = page.locator('.quick-input-list').getByText(label, { exact: false }).first();
  await item.waitFor({ timeout: WAIT_MS });
  await item.click();
}

/** Explorer (clicked, [clicked]) on a CSV: the submenu offers Generate and not Decrypt; Generate asks and writes. */
async function checkExplorerSubmenu(page, outDir) {
  await showExplorer(page);
  const submenu = await openOurSubmenu(page, explorerRow(page, 'handsets.csv'));
  const generate = submenu.locator('.action-item').filter({ hasText: 'Generate Handset Files from CSV' }).first();
  await generate.waitFor({ timeout: WAIT_MS });
  for (const absent of ['Decrypt into a New Editor', 'Open Decrypted for Editing', "Use as the Workspace's Base Station", 'Encrypt for the Base Station']) {
    if ((await submenu.locator('.action-item').filter({ hasText: absent }).count()) > 0) throw new Error(`the submenu of a CSV offers ${absent}`);
  }
  await settleStatusBar(page);
  await page.screenshot({ path: path.join(outDir, 'explorer-submenu.png') });
  await clickMenuItem(page, generate);
  await pickInQuickInput(page, 'No template');
  await typeInQuickInput(page, 'handsets');
  await pickInQuickInput(page, 'Plain XML');
  await notification(page, '2 handset files written to handsets; 1 row skipped');
}

/** Explorer multi-select (clicked, [a, b]): both files encrypted; a new password is typed twice, then offered to be remembered. */
async function checkExplorerEncrypt(page, outDir) {
  await showExplorer(page);
  await explorerRow(page, 'handset.xml').click();
  await explorerRow(page, 'to-encrypt.xml').click({ modifiers: ['Control'] });
  const submenu = await openOurSubmenu(page, explorerRow(page, 'to-encrypt.xml'));
  await clickMenuItem(page, submenu.locator('.action-item').filter({ hasText: 'Encrypt for the Base Station' }).first());
  await typeInQuickInput(page, 'E2e-Secret!42', 'New password to encrypt 2 handset files');
  await typeInQuickInput(page, 'E2e-Secret!42', 'type it again');
  await notification(page, 'Encrypted 2 files');
  await notification(page, 'Remember this password for this workspace?');
  await page.screenshot({ path: path.join(outDir, 'explorer-encrypt.png') });
}

/** Editor title (uri, { groupId }): the lock button encrypts; a known password is reused only when the user picks it. */
async function checkEditorTitleEncrypt(page, outDir, sandbox) {
  await page.locator('.statusbar').getByText('Handset Config (hs_config)').waitFor({ timeout: WAIT_MS });
  await page.locator('.editor-actions .action-label[aria-label^="Encrypt for the Base Station"]').first().click();
  await typeInQuickInput(page, 'E2e-Secret!42', 'New password to encrypt to-encrypt.xml');
  await typeInQuickInput(page, 'E2e-Secret!42', 'type it again');
  await notification(page, 'Encrypted 1 file');
  // The notification list may still hold an earlier check's "Encrypted 1 file": the file itself says it is written.
  const encrypted = path.join(sandbox.workspace, 'encrypted', 'ipei_02c332b512.xml');
  let first;
  for (const deadline = Date.now() + WAIT_MS; !(first = await readFile(encrypted).catch(() => undefined)); ) {
    if (Date.now() > deadline) throw new Error(`${encrypted} was not written`);
    await page.waitForTimeout(250);
  }
  // Again: replacing the encrypted file is asked first, then which password (the one typed is offered, by name).
  await page.mouse.move(200, 300);
  await page.locator('.editor-actions .action-label[aria-label^="Encrypt for the Base Station"]').first().click();
  await page.locator('.monaco-dialog-box').getByRole('button', { name: 'Replace' }).click();
  await pickInQuickInput(page, 'Use the password typed earlier in this window');
  // A fresh salt each time: the file changes once it is written again. VS Code's rename over an existing file
  // deletes it first, so for a moment there may be none: that counts as not written again yet.
  const deadline = Date.now() + WAIT_MS;
  while ((await readFile(encrypted).catch(() => first)).equals(first)) {
    if (Date.now() > deadline) throw new Error('the encrypted file was not written again');
    await page.waitForTimeout(250);
  }
}

/** A base-station file written on disk: the preview, the diagnostics and the language status follow within seconds. */
async function checkBaseStationFollows(page, outDir, sandbox) {
  await page.locator('.monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout: WAIT_MS });
  await page.locator('.statusbar').getByText('Handset Config (hs_config)').waitFor({ timeout: WAIT_MS });
  await runCommand(page, 'Preview Base Station Outcome');
  const webview = page.frameLocator('iframe.webview').frameLocator('iframe');
  await webview.getByText('no .vscode/hsconfig-base-station.json').first().waitFor({ timeout: WAIT_MS });
  await page.locator('.monaco-editor .view-lines').first().click();
  // The folder first: a watcher cannot see a file written in the instant its folder appears (inotify's race).
  await mkdir(path.join(sandbox.workspace, '.vscode'), { recursive: true });
  await page.waitForTimeout(2000);
  const model = { profiles: [{ index: 1, name: 'Head Office' }], provisioning: { handsetProvisioning: true } };
  await writeFile(path.join(sandbox.workspace, '.vscode', 'hsconfig-base-station.json'), JSON.stringify(model, null, 2));
  // "Within seconds": the preview runs against the new file (it names its profiles), and the editor marks profile1.
  await webview.getByText("it has 'Head Office'").first().waitFor({ timeout: FOLLOW_MS });
  await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'visible', timeout: FOLLOW_MS });
  await page.locator('.statusbar .language-status, .statusbar [id="status.languageStatus"]').first().click();
  await page.locator('.language-status-hover, .monaco-hover').filter({ hasText: 'Profiles: hsconfig-base-station.json' }).first().waitFor({ timeout: FOLLOW_MS });
  await page.screenshot({ path: path.join(outDir, 'base-station-follows.png') });
}

/** Clicks `title` in our Explorer submenu of the row `name`. */
async function explorerSubmenuCommand(page, name, title) {
  const submenu = await openOurSubmenu(page, explorerRow(page, name));
  await clickMenuItem(page, submenu.locator('.action-item').filter({ hasText: title }).first());
}

/**
 * Clicks a context-menu item; again if the menu is still open a moment later (a click that lands while a busy
 * workbench is still laying out the submenu is lost, and a menu closes when it runs an item).
 */
async function clickMenuItem(page, item) {
  await item.click();
  const menu = page.locator('.context-view .monaco-menu').first();
  try {
    await menu.waitFor({ state: 'hidden', timeout: 3000 });
  } catch {
    await item.click();
    await menu.waitFor({ state: 'hidden', timeout: WAIT_MS });
  }
}

/** The editor of the active tab shows `text`. */
async function editorShows(page, text) {
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').filter({ hasText: text }).first().waitFor({ state: 'visible', timeout: WAIT_MS });
}

/**
 * Explorer → Handset Config on a handset file, an encrypted file, a base-station config and a folder, with
 * (clicked, [clicked]): Preview, Decrypt into a New Editor (asks the password, shows the plaintext untitled), Open Decrypted for Editing (the
 * password is known now: an editable view), Use as the Workspace's Base Station, Simulate Folder (the fleet view)
 * and Serve Folder (warns that 127.0.0.1 is this computer only), then Stop Serving from the palette.
 */
async function checkExplorerMenus(page, outDir, sandbox) {
  // A folder with a plain handset file, to simulate and serve (the workspace's own folders hold none).
  await mkdir(path.join(sandbox.workspace, 'fleet'), { recursive: true });
  await writeFile(path.join(sandbox.workspace, 'fleet', 'handset.xml'), await readFile(path.join(sandbox.workspace, 'handset.xml')));
  await showExplorer(page);
  await explorerSubmenuCommand(page, 'handset.xml', 'Preview Base Station Outcome');
  await page.locator('.tabs-container .tab').filter({ hasText: 'Outcome: handset.xml' }).first().waitFor({ timeout: WAIT_MS });
  await page.frameLocator('iframe.webview').frameLocator('iframe').getByRole('heading', { name: /^Assumptions/ }).waitFor({ timeout: WAIT_MS });
  await explorerRow(page, 'sealed').click();
  await explorerRow(page, 'ipei_02c332b540.xml').waitFor({ timeout: WAIT_MS });

  await explorerSubmenuCommand(page, 'ipei_02c332b540.xml', 'Decrypt into a New Editor');
  await typeInQuickInput(page, 'E2e-Secret!42', 'Password to decrypt ipei_02c332b540.xml');
  await page.locator('.tabs-container .tab').filter({ hasText: 'ipei_02c332b540 (decrypted).xml' }).first().waitFor({ timeout: WAIT_MS });
  await editorShows(page, '<hs_name>Sealed</hs_name>');
  await notification(page, 'Remember this password for this workspace?');

  await explorerSubmenuCommand(page, 'ipei_02c332b540.xml', 'Open Decrypted for Editing');
  const view = page.locator('.tabs-container .tab').filter({ hasText: /^ipei_02c332b540\.xml/ }).first();
  await view.waitFor({ timeout: WAIT_MS });
  await editorShows(page, '<hs_name>Sealed</hs_name>');
  // Editable: typing marks the tab dirty (a binary or read-only editor would not).
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('<!-- e -->');
  await page.locator('.tabs-container .tab.dirty').filter({ hasText: /^ipei_02c332b540\.xml/ }).first().waitFor({ timeout: WAIT_MS });

  // Opened first, so that the Explorer reveals it inside its folder.
  await quickOpen(page, 'office-base.txt');
  await explorerSubmenuCommand(page, 'office-base.txt', "Use as the Workspace's Base Station");
  await notification(page, "base-configs/office-base.txt is now the workspace's base station");
  await fileContains(path.join(sandbox.workspace, '.vscode', 'settings.json'), '"hsconfig.baseStation": "base-configs/office-base.txt"');

  await explorerSubmenuCommand(page, 'fleet', 'Simulate Folder on the Base Station');
  await page.locator('.tabs-container .tab').filter({ hasText: 'Simulation: fleet' }).first().waitFor({ timeout: WAIT_MS });
  await page.frameLocator('iframe.webview').last().frameLocator('iframe').getByText('handset.xml').first().waitFor({ timeout: WAIT_MS });

  await explorerSubmenuCommand(page, 'fleet', 'Serve Folder to a Base Station');
  await notification(page, 'Only this computer can reach 127.0.0.1');
  const serving = page.locator('.statusbar .codicon-broadcast').first();
  await serving.waitFor({ timeout: WAIT_MS });
  await page.screenshot({ path: path.join(outDir, 'explorer-menus.png') });
  await runCommand(page, 'Stop Serving');
  await serving.waitFor({ state: 'hidden', timeout: WAIT_MS });
}

/**
 * The editor's own menus, with what VS Code passes from each: the title's Preview button (uri, { groupId }), the
 * context menu's Handset Config → Preview (uri, { groupId }), and, on an encrypted file (VS Code shows it as binary),
 * the title's Open Decrypted button; then that file opened as text anyway, the context menu's Open Decrypted.
 */
async function checkEditorMenus(page, outDir) {
  await page.locator('.monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout: WAIT_MS });
  await page.locator('.statusbar').getByText('Handset Config (hs_config)').waitFor({ timeout: WAIT_MS });
  const outcome = page.locator('.tabs-container .tab').filter({ hasText: 'Outcome: handset.xml' }).first();
  const webview = page.frameLocator('iframe.webview').frameLocator('iframe');

  await page.locator('.editor-actions .action-label[aria-label^="Preview Base Station Outcome"]').first().click();
  await outcome.waitFor({ timeout: WAIT_MS });
  await webview.getByRole('heading', { name: /^Assumptions/ }).waitFor({ timeout: WAIT_MS });
  // Closed from the text editor's side: keys pressed in a focused webview may not reach the workbench.
  await page.locator('.editor-group-container .monaco-editor .view-lines').first().click();
  await runCommand(page, 'View: Close Editors in Other Groups');
  await outcome.waitFor({ state: 'hidden', timeout: WAIT_MS });

  await editorSubmenuCommand(page, 'Preview Base Station Outcome');
  await outcome.waitFor({ timeout: WAIT_MS });
  await webview.getByRole('heading', { name: /^Assumptions/ }).waitFor({ timeout: WAIT_MS });

  // The encrypted file, opened as it is (binary): its title offers Open Decrypted.
  await page.locator('.editor-group-container').first().click({ position: { x: 50, y: 5 } }).catch(() => undefined);
  await page.keyboard.press('Control+P');
  await page.keyboard.type('ipei_02c332b540.xml');
  await page.locator('.quick-input-list').getByText('ipei_02c332b540.xml').first().waitFor({ timeout: WAIT_MS });
  await page.keyboard.press('Enter');
  const open = page.locator('.editor-actions .action-label[aria-label^="Open Decrypted for Editing"]').first();
  await open.waitFor({ timeout: WAIT_MS });
  await open.click();
  await typeInQuickInput(page, 'E2e-Secret!42', 'Password to decrypt ipei_02c332b540.xml');
  await editorShows(page, '<hs_name>Sealed</hs_name>');
  await page.screenshot({ path: path.join(outDir, 'editor-menus.png') });

  // Back to the encrypted file (the other tab of that name), opened as text anyway (its bytes): the context submenu
  // offers Open Decrypted for Editing, which brings its decrypted view back.
  await page.locator('.tabs-container .tab:not(.active)').filter({ hasText: /^ipei_02c332b540\.xml/ }).first().click();
  await page.locator('.editor-group-container.active').getByText('Open Anyway').first().click();
  await pickInQuickInput(page, 'Text Editor'); // "Select editor for …": VS Code's text editor, not a binary one
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').filter({ hasText: 'Salted__' }).first().waitFor({ timeout: WAIT_MS });
  await editorSubmenuCommand(page, 'Open Decrypted for Editing');
  await page.locator('.tabs-container .tab.active').filter({ hasText: /^ipei_02c332b540\.xml/ }).first().waitFor({ timeout: WAIT_MS });
  await editorShows(page, '<hs_name>Sealed</hs_name>');
}

/** Right-clicks the text of the active editor and clicks `title` in its Handset Config submenu. */
async function editorSubmenuCommand(page, title) {
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click({ button: 'right' });
  const entry = page.locator('.monaco-menu .action-item').filter({ hasText: /^Handset Config$/ }).first();
  await entry.waitFor({ timeout: WAIT_MS });
  await entry.hover();
  await page.locator('.monaco-menu').nth(1).waitFor({ timeout: WAIT_MS });
  await clickMenuItem(page, page.locator('.monaco-menu').last().locator('.action-item').filter({ hasText: title }).first());
}

/**
 * Opens a workspace file with Quick Open, clicking its entry; tried again when a key was lost (see openQuickInput) or
 * the file did not come up (an Enter or click that lands while the notification centre takes the focus back).
 */
async function quickOpen(page, name) {
  const input = page.locator('.quick-input-widget input');
  const item = page.locator('.quick-input-list .monaco-list-row').filter({ hasText: name }).first();
  const opened = page.locator('.tabs-container .tab.active').filter({ hasText: name }).first();
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    try {
      await openQuickInput(page, 'Control+P');
      await input.fill(name);
      await item.waitFor({ timeout: 5000 });
      await item.click({ timeout: 5000 });
      await opened.waitFor({ timeout: 5000 });
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await page.keyboard.press('Escape');
    }
  }
}

/**
 * The editor context submenu on each kind of file it serves, with (uri, { groupId }): Generate on a CSV, Import on a
 * base-station config, Encrypt on a handset file. (Open Decrypted there is clicked in checkEditorMenus, on an
 * encrypted file opened as text: VS Code first shows it as binary, which has no context menu.)
 */
async function checkEditorContextMenus(page, outDir) {
  await page.locator('.monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout: WAIT_MS });
  await page.locator('.statusbar').getByText('Handset Config (hs_config)').waitFor({ timeout: WAIT_MS });
  await quickOpen(page, 'handsets.csv');
  await editorSubmenuCommand(page, 'Generate Handset Files from CSV');
  await pickInQuickInput(page, 'No template');
  await typeInQuickInput(page, 'handsets');
  await pickInQuickInput(page, 'Plain XML');
  await notification(page, '2 handset files written to handsets; 1 row skipped');

  await quickOpen(page, 'office-base.txt');
  await editorSubmenuCommand(page, "Use as the Workspace's Base Station");
  await notification(page, "base-configs/office-base.txt is now the workspace's base station");

  await quickOpen(page, 'to-encrypt.xml');
  await editorSubmenuCommand(page, 'Encrypt for the Base Station');
  await typeInQuickInput(page, 'E2e-Secret!42', 'New password to encrypt to-encrypt.xml');
  await typeInQuickInput(page, 'E2e-Secret!42', 'type it again');
  await notification(page, 'Encrypted 1 file');
  await page.screenshot({ path: path.join(outDir, 'editor-context-menus.png') });
}

/**
 * Convert and Compare on base-station configs from the Explorer's and the editor's Handset Config menus (clicked,
 * [clicked]; uri, { groupId }) and the palette (the active editor's file): each opens its result in a new editor.
 */
async function checkBaseConfigCommands(page, outDir) {
  await showExplorer(page);
  await quickOpen(page, 'office-base.txt'); // so that the Explorer reveals it inside its folder
  await explorerSubmenuCommand(page, 'office-base.txt', 'Convert Base-Station Config…');
  await pickInQuickInput(page, 'XML v2');
  await editorShows(page, '<item name="profile.1.name">Office PBX</item>');
  await quickOpen(page, 'office-base.txt');
  await editorSubmenuCommand(page, 'Convert Base-Station Config…');
  await pickInQuickInput(page, 'XML v1');
  await editorShows(page, '<P27762>Office PBX</P27762>');
  await quickOpen(page, 'dp750-base.txt');
  await runCommand(page, 'Convert Base-Station Config…');
  await pickInQuickInput(page, 'XML v1');
  await editorShows(page, '<P4060>5328</P4060>');

  await explorerSubmenuCommand(page, 'office-base.txt', 'Compare with Another Base-Station Config…');
  await pickInQuickInput(page, 'dp750-base.txt');
  await editorShows(page, '+ P271 Profile Active: 1');
  await page.screenshot({ path: path.join(outDir, 'base-config-compare.png') });
  await quickOpen(page, 'office-base.txt');
  await editorSubmenuCommand(page, 'Compare with Another Base-Station Config…');
  await pickInQuickInput(page, 'dp750-base.txt');
  await editorShows(page, '--- base-configs/office-base.txt');
  await quickOpen(page, 'dp750-base.txt');
  await runCommand(page, 'Compare with Another Base-Station Config…');
  await pickInQuickInput(page, 'office-base.txt');
  await editorShows(page, '--- base-configs/dp750-base.txt');
}

/** A base-station config opens in its own language; its error squiggle, hovered, explains the P-value. */
async function captureBaseConfig(page, outDir) {
  await page.locator('.statusbar').getByText('Base Station Config (DP75x)').waitFor({ timeout: WAIT_MS });
  const squiggle = page.locator('.monaco-editor .squiggly-error').first();
  await squiggle.waitFor({ state: 'visible', timeout: WAIT_MS });
  await settleStatusBar(page);
  const mark = await squiggle.boundingBox();
  await page.mouse.move(mark.x + mark.width / 2, mark.y + mark.height / 2);
  await page.locator('.monaco-hover').filter({ hasText: 'P27080 — HS Mode' }).waitFor({ state: 'visible', timeout: WAIT_MS });
  await page.screenshot({ path: path.join(outDir, 'base-config-hover.png') });
  // The language status says what the file is (text, 10 P-values), which template the checks know, and the error.
  await page.keyboard.press('Escape');
  await page.mouse.move(5, 5);
  await page.locator('.statusbar .language-status, .statusbar [id="status.languageStatus"]').first().click();
  const status = page.locator('.language-status-hover, .monaco-hover').filter({ hasText: 'Text · 10 P-values' }).first();
  await status.waitFor({ state: 'visible', timeout: WAIT_MS });
  await status.getByText(/1 error · DP75x [\d.]+ template/).first().waitFor({ timeout: WAIT_MS });
  await page.screenshot({ path: path.join(outDir, 'base-config-status.png') });
  // Its "Show Problems" opens the Problems panel on this file's error (issue 27: it opened an empty panel).
  await status.getByText('Show Problems').first().click();
  const panel = page.locator('.part.panel');
  await panel.locator('.monaco-list-row').filter({ hasText: 'P27080' }).first().waitFor({ state: 'visible', timeout: WAIT_MS });
  await page.screenshot({ path: path.join(outDir, 'base-config-show-problems.png') });
}

/** Answers New Handset File's question with `ipei` and waits for the file it writes to show `<ipei>hex</ipei>`. */
async function answerIpei(page, ipei, hex) {
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: WAIT_MS });
  await page.locator('.quick-input-widget').getByText("The handset's IPEI").first().waitFor({ timeout: WAIT_MS });
  await input.fill(ipei);
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab').filter({ hasText: `ipei_${hex}.xml` }).waitFor({ timeout: WAIT_MS });
  await page.locator('.monaco-editor .view-lines').filter({ hasText: `<ipei>${hex}</ipei>` }).waitFor({ state: 'visible', timeout: WAIT_MS });
}

/** Right-clicks the Explorer row `name` and clicks `title` in the context menu itself (not our submenu). */
async function explorerContextCommand(page, name, title) {
  const row = page.locator('.explorer-folders-view .monaco-list-row').filter({ hasText: name }).first();
  await row.waitFor({ state: 'visible', timeout: WAIT_MS });
  await row.click({ button: 'right' });
  await clickMenuItem(page, page.locator('.context-view .action-label').getByText(title, { exact: true }));
}

async function captureNewHandsetFile(page, outDir) {
  await page.locator('.statusbar').getByText('Handset Config (hs_config)').waitFor({ timeout: WAIT_MS });
  await page.keyboard.press('Control+Shift+E');
  await explorerContextCommand(page, 'sealed', 'New Handset File');
  await answerIpei(page, '11315 0177424 2', '02c332b510');
  await page.locator('.explorer-folders-view .monaco-list-row').filter({ hasText: 'ipei_02c332b510.xml' }).first().waitFor({ timeout: WAIT_MS });
  await page.locator('.breadcrumbs-control').getByText('sealed').first().waitFor({ timeout: WAIT_MS });
  await page.screenshot({ path: path.join(outDir, 'new-handset-file.png') });
  // Again, after an edit is saved: it asks before replacing, and Cancel leaves the saved file as it is.
  await page.keyboard.press('Control+End');
  await page.keyboard.type('<!-- kept -->');
  await page.keyboard.press('Control+S');
  await explorerContextCommand(page, 'sealed', 'New Handset File');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: WAIT_MS });
  await input.fill('02C332B510');
  await page.keyboard.press('Enter');
  const dialog = page.locator('.monaco-dialog-box').filter({ hasText: 'sealed/ipei_02c332b510.xml already exists' });
  await dialog.waitFor({ state: 'visible', timeout: WAIT_MS });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'hidden', timeout: WAIT_MS });
  await page.locator('.monaco-editor .view-lines').filter({ hasText: '<!-- kept -->' }).waitFor({ state: 'visible', timeout: WAIT_MS });
}

async function captureWalkthrough(page, outDir) {
  await page.locator('.statusbar').getByText('Handset Config (hs_config)').waitFor({ timeout: WAIT_MS });
  await runCommand(page, 'Welcome: Open Walkthrough...');
  const entry = page.locator('.quick-input-list').getByText('Get Started with Handset Config').first();
  await entry.waitFor({ timeout: WAIT_MS });
  await entry.click();
  const steps = ['Write a handset file', 'Check it as you type', 'Describe your base station', 'Preview what the base station does', 'Encrypt for the provisioning server', 'Generate files from a spreadsheet'];
  for (const step of steps) await page.locator('.gettingStartedContainer').getByText(step, { exact: true }).first().waitFor({ timeout: WAIT_MS });
  await settleStatusBar(page);
  // The step's markdown renders in a webview.
  const media = page.frameLocator('iframe.webview').frameLocator('iframe');
  await media.getByText('A DP750/DP752 base station fetches one file per handset').first().waitFor({ timeout: WAIT_MS }).catch(() => {
    throw new Error("the first step's markdown (media/walkthrough/write.md) is not shown");
  });
  await page.screenshot({ path: path.join(outDir, 'walkthrough.png') });
  await page.locator('.gettingStartedContainer').getByRole('button', { name: 'New Handset File' }).first().click();
  await answerIpei(page, '02c332b530', '02c332b530');
  // Running the step's command ticks the step off (its completionEvents).
  await page.locator('.tabs-container .tab').filter({ hasText: 'Welcome' }).click();
  await page.locator('.gettingStartedContainer [data-done-step-id$="#write"].complete').waitFor({ timeout: WAIT_MS });
}

/** A handset file of one line, for the checks that need several files of a fleet. */
const fleetHandset = (ipei, profile, ring = '') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<hs_config>\n  <ipei>${ipei}</ipei>\n  <hs_name>Desk ${ipei.slice(-2)}</hs_name>\n  <sip>\n    <line>\n      <profile_name>${profile}</profile_name>\n      <user_id>${ring ? '800' : `77${ipei.slice(-2)}`}</user_id>\n${ring ? `      <ring_type>${ring}</ring_type>\n` : ''}    </line>\n  </sip>\n</hs_config>\n`;

/** The code lens above <hs_config> says what the file does on the base station; clicking it opens the preview. */
async function captureCodeLens(page, outDir) {
  await page.locator('.statusbar').getByText('Handset Config (hs_config)').waitFor({ timeout: WAIT_MS });
  const lens = page.locator('.monaco-editor .codelens-decoration a').filter({ hasText: /^HS1 · 1 line/ }).first();
  await lens.waitFor({ state: 'visible', timeout: WAIT_MS });
  await settleStatusBar(page);
  await page.screenshot({ path: path.join(outDir, 'code-lens.png') });
  await lens.click();
  const webview = page.frameLocator('iframe.webview').frameLocator('iframe');
  await webview.getByText('Accounts').first().waitFor({ timeout: WAIT_MS });
}

/** Two handset files use the profile 'Head Office', which the workspace's base-station file names. */
async function prepareRename(workspace) {
  await mkdir(path.join(workspace, '.vscode'), { recursive: true });
  const model = { profiles: [{ index: 1, name: 'Head Office' }], provisioning: { handsetProvisioning: true } };
  await writeFile(path.join(workspace, '.vscode', 'hsconfig-base-station.json'), JSON.stringify(model, null, 2));
  await writeFile(path.join(workspace, 'ipei_02c332b5c1.xml'), fleetHandset('02c332b5c1', 'Head Office'));
  await writeFile(path.join(workspace, 'ipei_02c332b5c2.xml'), fleetHandset('02c332b5c2', 'Head Office'));
}

/**
 * F2 on the open file's <profile_name>, a new name typed and Enter (and Apply, if a refactor preview shows): the open
 * file, the other (closed) handset file and the base-station file all name the profile 'Sales'.
 */
async function captureRename(page, outDir, sandbox) {
  await page.locator('.statusbar').getByText('Handset Config (hs_config)').waitFor({ timeout: WAIT_MS });
  await page.locator('.monaco-editor .codelens-decoration a').filter({ hasText: /^HS\d/ }).first().waitFor({ state: 'visible', timeout: WAIT_MS });
  await settleStatusBar(page);
  await goTo(page, 7, 24); // inside "Head Office"
  await page.keyboard.press('F2');
  const input = page.locator('.rename-box input').first();
  await input.waitFor({ state: 'visible', timeout: WAIT_MS });
  const deadline = Date.now() + WAIT_MS;
  while ((await input.inputValue()) !== 'Head Office') {
    if (Date.now() > deadline) throw new Error(`the rename box offers '${await input.inputValue()}', not the profile name 'Head Office'`);
    await page.waitForTimeout(200);
  }
  await input.fill('Sales');
  await page.screenshot({ path: path.join(outDir, 'rename.png') });
  await page.keyboard.press('Enter');
  const apply = page.locator('.bulk-edit-panel, .refactor-preview').getByRole('button', { name: /^Apply/ }).first();
  if (await apply.isVisible({ timeout: 3000 }).catch(() => false)) await apply.click();
  await editorShows(page, '<profile_name>Sales</profile_name>');
  await changedOnDiskOrInEditor(page, sandbox, 'ipei_02c332b5c2.xml', '<profile_name>Sales</profile_name>');
  await changedOnDiskOrInEditor(page, sandbox, '.vscode/hsconfig-base-station.json', '"name": "Sales"');
}

/** A file the rename changed: saved (VS Code saves the files a refactoring touched), else open and showing `text`. */
async function changedOnDiskOrInEditor(page, sandbox, name, text) {
  const file = path.join(sandbox.workspace, name);
  const deadline = Date.now() + FOLLOW_MS;
  while (Date.now() < deadline) {
    if (existsSync(file) && (await readFile(file, 'utf8')).includes(text)) return;
    await page.waitForTimeout(250);
  }
  console.log(`    ${name} was not saved after the rename: looking at it in its editor`);
  await quickOpen(page, path.basename(name));
  await editorShows(page, text.replace(/ /g, '\u00a0')).catch(() => editorShows(page, text));
}

/** Workspace diagnostics on, and two handset files (never opened) that both make account 800 ring only themselves. */
async function prepareFolderProblems(workspace) {
  await mkdir(path.join(workspace, '.vscode'), { recursive: true });
  await writeFile(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'hsconfig.workspaceDiagnostics.enable': true }, null, 2));
  await mkdir(path.join(workspace, 'fleet'), { recursive: true });
  await writeFile(path.join(workspace, 'fleet', 'ipei_02c332b5d1.xml'), fleetHandset('02c332b5d1', 'profile1', 'DID'));
  await writeFile(path.join(workspace, 'fleet', 'ipei_02c332b5d2.xml'), fleetHandset('02c332b5d2', 'profile1', 'DID'));
}

/** The Problems panel lists the folder's DID conflict on files that are not open. */
async function captureFolderProblems(page, outDir) {
  await page.locator('.statusbar').getByText('Handset Config (hs_config)').waitFor({ timeout: WAIT_MS });
  await settleStatusBar(page);
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+Shift+M'); // View: Problems
  const panel = page.locator('.part.panel');
  const problem = panel.locator('.monaco-list-row').filter({ hasText: 'is set to ring only its own handset (DID)' }).first();
  await problem.waitFor({ state: 'visible', timeout: WAIT_MS });
  await panel.locator('.monaco-list-row').filter({ hasText: 'ipei_02c332b5d2.xml' }).first().waitFor({ state: 'visible', timeout: WAIT_MS });
  await page.locator('.monaco-editor .codelens-decoration a').first().waitFor({ state: 'visible', timeout: WAIT_MS }); // the same picture each time
  const tabs = await page.locator('.tabs-container .tab').allTextContents();
  if (tabs.some((t) => t.includes('ipei_02c332b5d'))) throw new Error(`the fleet's files were opened (tabs: ${tabs.join(', ')}): the check is about closed files`);
  await page.screenshot({ path: path.join(outDir, 'folder-problems.png') });
}

/** Two sites side by side, each a base-station config with one handset file on its own profile. */
async function prepareSites(workspace) {
  for (const [site, ipei, profile] of [['north', '02c332b5e1', 'North PBX'], ['south', '02c332b5e2', 'South PBX']]) {
    await mkdir(path.join(workspace, 'sites', site, 'handsets'), { recursive: true });
    await writeFile(path.join(workspace, 'sites', site, 'dp750.txt'), `# ${site}\nP271=1\nP27762=${profile}\nP27014=1\n`);
    await writeFile(path.join(workspace, 'sites', site, 'handsets', `ipei_${ipei}.xml`), fleetHandset(ipei, profile));
  }
}

/** The Explorer's Base Station Sites view, expanded. */
async function sitesView(page) {
  // The Explorer, without waiting for its folder tree (checkSitesView folds it).
  await page.keyboard.press('Control+Shift+E');
  const header = page.locator('.pane-header').filter({ hasText: 'Base Station Sites' }).first();
  await header.waitFor({ timeout: WAIT_MS });
  if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
  return page.locator('.pane').filter({ has: page.locator('.pane-header').filter({ hasText: 'Base Station Sites' }) }).first();
}

/** The row of the sites view whose label is `label`. */
const sitesViewRow = (view, label) => view.locator('.monaco-list-row').filter({ has: view.page().locator('.label-name').getByText(label, { exact: true }) }).first();

/** Right-clicks the sites view's row `label` and clicks `title` in its context menu. */
async function sitesViewCommand(page, label, title) {
  const row = sitesViewRow(await sitesView(page), label);
  await row.waitFor({ state: 'visible', timeout: WAIT_MS });
  await row.click({ button: 'right' });
  await clickMenuItem(page, page.locator('.context-view .action-label').getByText(title, { exact: true }));
}

/**
 * The sites view lists each site with its config and its handset file's outcome; from its context menus, Preview on a
 * handset file and Simulate Folder on a site, each on that site's own base station.
 */
async function checkSitesView(page, outDir) {
  await page.locator('.statusbar').getByText('Handset Config (hs_config)').waitFor({ timeout: WAIT_MS });
  const view = await sitesView(page);
  // The folder tree folded, so that the view has the room to show every site (a list draws only the rows in sight).
  const folders = page.locator('.pane-header').filter({ has: page.locator('.title').getByText('workspace', { exact: true }) }).first();
  if ((await folders.getAttribute('aria-expanded')) === 'true') await folders.click();
  for (const label of ['sites/north', 'sites/south', 'ipei_02c332b5e1.xml', 'ipei_02c332b5e2.xml']) await sitesViewRow(view, label).waitFor({ timeout: WAIT_MS });
  await view.locator('.monaco-list-row').filter({ hasText: 'Base station: dp750.txt' }).first().waitFor({ timeout: WAIT_MS });
  await sitesViewRow(view, 'ipei_02c332b5e1.xml').filter({ hasText: 'HS1 · applied' }).waitFor({ timeout: WAIT_MS });
  await settleStatusBar(page);
  await page.screenshot({ path: path.join(outDir, 'sites-view.png') });

  await sitesViewCommand(page, 'ipei_02c332b5e1.xml', 'Preview Base Station Outcome');
  await page.locator('.tabs-container .tab').filter({ hasText: 'Outcome: ipei_02c332b5e1.xml' }).first().waitFor({ timeout: WAIT_MS });
  await page.frameLocator('iframe.webview').last().frameLocator('iframe').getByText('sites/north/dp750.txt').first().waitFor({ timeout: WAIT_MS });

  await sitesViewCommand(page, 'sites/south', 'Simulate Folder on the Base Station');
  await page.locator('.tabs-container .tab').filter({ hasText: 'Simulation: sites/south' }).first().waitFor({ timeout: WAIT_MS });
  await page.frameLocator('iframe.webview').last().frameLocator('iframe').getByText('sites/south/dp750.txt').first().waitFor({ timeout: WAIT_MS });
}

/**
 * The palette's File → New File… list (`Create: New File...`, VS Code's `welcome.showNewFileEntries`, the same list as
 * the File menu's New File…), which shows the extensions' `file/newFile` entries: New Handset File is picked there,
 * then from the palette under its own name; each writes `ipei_<hex>.xml` beside the active file with the IPEI in it.
 * (code-server's Explorer New File… button is another command: it opens the Explorer's inline name box.)
 */
async function checkPaletteNewFile(page, outDir, sandbox) {
  await page.locator('.statusbar').getByText('Handset Config (hs_config)').waitFor({ timeout: WAIT_MS });
  // Run again when VS Code answers "Argument is `undefined` or `null`": the list's owner is created only once the
  // workbench has restored its editors, and a busy window may not have got there yet.
  const entries = page.locator('.quick-input-widget').filter({ hasText: 'New Handset File' });
  const tooEarly = page.locator('.monaco-dialog-box').filter({ hasText: 'Create: New File...' });
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    await runCommand(page, 'Create: New File...');
    await entries.or(tooEarly).first().waitFor({ timeout: WAIT_MS });
    if (await entries.isVisible()) break;
    if (Date.now() > deadline) throw new Error('Create: New File... keeps failing');
    await tooEarly.getByRole('button', { name: 'OK' }).click();
    await tooEarly.waitFor({ state: 'hidden', timeout: WAIT_MS });
  }
  await page.screenshot({ path: path.join(outDir, 'new-file-entries.png') });
  await pickInQuickInput(page, 'New Handset File');
  await answerIpei(page, '02c332b550', '02c332b550');
  await fileContains(path.join(sandbox.workspace, 'ipei_02c332b550.xml'), '<ipei>02c332b550</ipei>');
  await notification(page, 'Wrote ipei_02c332b550.xml');

  await runCommand(page, 'New Handset File');
  await answerIpei(page, '11315 0177424 2', '02c332b510');
  await fileContains(path.join(sandbox.workspace, 'ipei_02c332b510.xml'), '<ipei>02c332b510</ipei>');
}

/** Convert IPEI from the palette: the label's decimal form gives the hex form, the label form and the file name; the one picked is copied. */
async function checkPaletteConvertIpei(page) {
  await page.locator('.statusbar').getByText('Handset Config (hs_config)').waitFor({ timeout: WAIT_MS });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await runCommand(page, 'Convert IPEI (hex ↔ decimal)');
  await typeInQuickInput(page, '11315 0177424 2', 'or the 13-digit decimal form on the label');
  const picks = page.locator('.quick-input-widget').filter({ hasText: 'IPEI 02c332b510: choose one to copy' });
  await picks.waitFor({ state: 'visible', timeout: WAIT_MS });
  for (const label of ['02c332b510', '11315 0177424 2', 'ipei_02c332b510.xml']) await picks.locator('.quick-input-list').getByText(label, { exact: true }).first().waitFor({ timeout: WAIT_MS });
  await pickInQuickInput(page, 'ipei_02c332b510.xml');
  await until(async () => (await page.evaluate('navigator.clipboard.readText()')) === 'ipei_02c332b510.xml', 'the file name was not copied');
}

/**
 * Restart Language Server from the palette: the server process of this window is replaced by a new one, which
 * answers: a profile name made unknown afterwards is marked.
 */
async function checkPaletteRestart(page, outDir, sandbox) {
  await page.locator('.monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout: WAIT_MS });
  await page.locator('.statusbar').getByText('Handset Config (hs_config)').waitFor({ timeout: WAIT_MS });
  let before = [];
  await until(async () => (before = await serverPids(sandbox)).length === 1, 'no language server process runs for this window');
  await runCommand(page, 'Restart Language Server');
  let after = [];
  await until(async () => (after = await serverPids(sandbox)).length === 1 && after[0] !== before[0], 'the language server process was not replaced');
  await goTo(page, 7, 29);
  await page.keyboard.type('x');
  await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'visible', timeout: WAIT_MS });
  await page.screenshot({ path: path.join(outDir, 'palette-restart.png') });
}

/** Pids of this sandbox's language servers (dist/server.js started by its extension host, whose HOME is the sandbox's). */
async function serverPids(sandbox) {
  const pids = [];
  for (const pid of (await readdir('/proc')).filter((n) => /^\d+$/.test(n))) {
    try {
      const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmdline.includes(path.join(ROOT, 'dist', 'server.js'))) continue;
      const environ = (await readFile(`/proc/${pid}/environ`, 'utf8')).split('\0');
      if (environ.includes(`HOME=${sandbox.home}`)) pids.push(pid);
    } catch {
      // The process ended while it was read.
    }
  }
  return pids;
}

/**
 * The files the palette's commands ask for, picked in VS Code's own file dialog (the simple dialog a browser window
 * shows; the path is typed): Generate from CSV, Import Base Station, Export XML Schema; then Simulate Folder and
 * Serve Folder on the workspace folder, and Stop Serving.
 */
async function checkPaletteFileDialogs(page, outDir, sandbox) {
  await page.locator('.statusbar').getByText('Handset Config (hs_config)').waitFor({ timeout: WAIT_MS });
  await runCommand(page, 'Generate Handset Files from CSV');
  await answerFileDialog(page, 'CSV list of handsets', path.join(sandbox.workspace, 'handsets.csv'));
  await pickInQuickInput(page, 'No template');
  await typeInQuickInput(page, 'handsets', 'output folder');
  await pickInQuickInput(page, 'Plain XML');
  await notification(page, '2 handset files written to handsets; 1 row skipped');
  await fileContains(path.join(sandbox.workspace, 'handsets', 'ipei_02c332b520.xml'), '<hs_name>Lobby</hs_name>');

  await runCommand(page, "Use as the Workspace's Base Station");
  await answerFileDialog(page, 'Base station configuration file', path.join(sandbox.workspace, 'base-configs', 'office-base.txt'));
  await notification(page, "base-configs/office-base.txt is now the workspace's base station");
  await fileContains(path.join(sandbox.workspace, '.vscode', 'settings.json'), '"hsconfig.baseStation": "base-configs/office-base.txt"');

  await runCommand(page, 'Export XML Schema (XSD)');
  // The dialog names the profile source: the base-station file the workspace now uses.
  await answerFileDialog(page, 'profiles from the base-station file base-configs/office-base.txt', path.join(sandbox.workspace, 'handset.xsd'));
  await notification(page, 'Exported the handset file schema to handset.xsd, with the profile names of');
  await fileContains(path.join(sandbox.workspace, 'handset.xsd'), '<xs:enumeration value="Office PBX"/>');

  await runCommand(page, 'Simulate Folder on the Base Station');
  await page.locator('.tabs-container .tab').filter({ hasText: 'Simulation:' }).first().waitFor({ timeout: WAIT_MS });
  await page.frameLocator('iframe.webview').last().frameLocator('iframe').getByText('handsets/ipei_02c332b520.xml').first().waitFor({ timeout: WAIT_MS });

  await page.locator('.editor-group-container .monaco-editor .view-lines').first().click();
  await runCommand(page, 'Serve Folder to a Base Station');
  await notification(page, 'Only this computer can reach 127.0.0.1');
  const serving = page.locator('.statusbar .codicon-broadcast').first();
  await serving.waitFor({ timeout: WAIT_MS });
  await page.screenshot({ path: path.join(outDir, 'palette-file-dialogs.png') });
  await runCommand(page, 'Stop Serving');
  await serving.waitFor({ state: 'hidden', timeout: WAIT_MS });
}

/**
 * Types `file` into VS Code's file dialog (open or save) titled `title` and accepts it. The dialog reads the folder
 * as the path is typed and may take an Enter pressed meanwhile as "go to the folder" (it then lists the folder with
 * the file highlighted): the path is typed and Enter pressed again until the dialog closes.
 */
async function answerFileDialog(page, title, file) {
  const dialog = page.locator('.quick-input-widget').filter({ hasText: title });
  await dialog.waitFor({ state: 'visible', timeout: WAIT_MS });
  // Typed once the dialog has listed its folder: it sets its own path until then.
  await dialog.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: WAIT_MS });
  const input = dialog.locator('input');
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    await input.fill(file);
    if ((await input.inputValue().catch(() => '')) === file) {
      await page.keyboard.press('Enter');
      try {
        await dialog.waitFor({ state: 'hidden', timeout: 3000 });
        return;
      } catch {
        // Taken as "go to the folder", or the dialog replaced the path: type it again.
      }
    }
    if (Date.now() > deadline) throw new Error(`the file dialog "${title}" did not take ${file}`);
  }
}

/**
 * The password commands from the palette: Encrypt (a new password, typed twice, then remembered), Decrypt into a New
 * Editor (the remembered password decrypts without a question), Forget the Remembered Password (then Encrypt asks
 * for a new password, offering none to reuse), Open Decrypted for Editing (asks for the password again).
 */
async function checkPalettePasswords(page, outDir, sandbox) {
  await page.locator('.statusbar').getByText('Handset Config (hs_config)').waitFor({ timeout: WAIT_MS });
  await runCommand(page, 'Encrypt for the Base Station');
  await typeInQuickInput(page, 'E2e-Secret!42', 'New password to encrypt to-encrypt.xml');
  await typeInQuickInput(page, 'E2e-Secret!42', 'type it again');
  await notification(page, 'Encrypted 1 file');
  const offer = await notification(page, 'Remember this password for this workspace?');
  await offer.getByRole('button', { name: 'Remember', exact: true }).click();
  await fileContains(path.join(sandbox.workspace, 'encrypted', 'ipei_02c332b512.xml'), 'Salted__');

  await quickOpen(page, 'ipei_02c332b540.xml');
  await runCommand(page, 'Decrypt into a New Editor');
  await page.locator('.tabs-container .tab').filter({ hasText: 'ipei_02c332b540 (decrypted).xml' }).first().waitFor({ timeout: WAIT_MS });
  await editorShows(page, '<hs_name>Sealed</hs_name>');

  await runCommand(page, 'Forget the Remembered Password');
  await notification(page, 'The handset file password is forgotten for this workspace.');
  await quickOpen(page, 'to-encrypt.xml');
  await runCommand(page, 'Encrypt for the Base Station');
  await page.locator('.monaco-dialog-box').getByRole('button', { name: 'Replace' }).click();
  // No "Use the password remembered …" pick: straight to a new password.
  await page.locator('.quick-input-widget').filter({ hasText: 'New password to encrypt to-encrypt.xml' }).waitFor({ state: 'visible', timeout: WAIT_MS });
  await dismissQuickInput(page);

  await quickOpen(page, 'ipei_02c332b540.xml');
  await runCommand(page, 'Open Decrypted for Editing');
  await typeInQuickInput(page, 'E2e-Secret!42', 'Password to decrypt ipei_02c332b540.xml');
  await page.locator('.tabs-container .tab').filter({ hasText: /^ipei_02c332b540\.xml/ }).first().waitFor({ timeout: WAIT_MS });
  await editorShows(page, '<hs_name>Sealed</hs_name>');
  await page.screenshot({ path: path.join(outDir, 'palette-passwords.png') });
}

/**
 * Encrypt from the palette with no editor open (issue 27): it asks files or a folder first, and then the file
 * dialog takes a file (given both, it took only folders).
 */
async function checkPaletteEncryptPicksFile(page, outDir, sandbox) {
  await page.locator('.statusbar').getByText('Handset Config (hs_config)').waitFor({ timeout: WAIT_MS });
  await runCommand(page, 'View: Close All Editors');
  await page.locator('.tabs-container .tab').first().waitFor({ state: 'hidden', timeout: WAIT_MS });
  await runCommand(page, 'Encrypt for the Base Station');
  await pickInQuickInput(page, 'Choose files…');
  await answerFileDialog(page, 'Handset files or folders to encrypt', path.join(sandbox.workspace, 'to-encrypt.xml'));
  await typeInQuickInput(page, 'E2e-Secret!42', 'New password to encrypt to-encrypt.xml');
  await typeInQuickInput(page, 'E2e-Secret!42', 'type it again');
  await fileContains(path.join(sandbox.workspace, 'encrypted', 'ipei_02c332b512.xml'), 'Salted__');
  await page.screenshot({ path: path.join(outDir, 'palette-encrypt-file.png') });
}

/** Cancels the open question with Escape, typed in its input box (again if it stays open: the key went elsewhere). */
async function dismissQuickInput(page) {
  const widget = page.locator('.quick-input-widget');
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    await widget.locator('input').focus().catch(() => undefined);
    await page.keyboard.press('Escape');
    try {
      await widget.waitFor({ state: 'hidden', timeout: 3000 });
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
    }
  }
}

/** The file at `file` exists (soon) and holds `text`. */
async function fileContains(file, text) {
  await until(async () => (await readFile(file, 'utf8').catch(() => '')).includes(text), `${file} does not hold ${text}`);
}

/** Polls `condition` until it holds, failing with `message` after WAIT_MS. */
async function until(condition, message) {
  const deadline = Date.now() + WAIT_MS;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(message);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Presses `key` until the quick input opens: a key pressed while a webview or the notification centre has the focus
 * may never reach the workbench, so the focus goes to the side bar's title before trying again.
 */
async function openQuickInput(page, key) {
  const input = page.locator('.quick-input-widget input');
  // A question just answered or dismissed may still be closing: the key would go to it.
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined);
  for (let tries = 0; ; tries++) {
    await page.keyboard.press(key);
    try {
      await input.waitFor({ state: 'visible', timeout: 3000 });
      return;
    } catch (err) {
      if (tries >= 10) throw err;
      await page.locator('.part.sidebar .title-label').first().click({ timeout: 3000 }).catch(() => undefined);
    }
  }
}

/**
 * Runs a command from the command palette by its title. Tried again, with the focus on the active editor's tab,
 * when the palette does not list it: the palette offers what applies to the focused part (a command whose `when`
 * reads the editor's file is not listed while the notification centre has the focus), and keys typed while it was
 * still opening can be lost.
 */
async function runCommand(page, title) {
  const input = page.locator('.quick-input-widget input');
  const item = page.locator('.quick-input-list').getByText(title, { exact: true }).first();
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    try {
      // The palette closes when an editor that was still opening takes the focus: then it is opened again.
      await openQuickInput(page, 'F1');
      await input.fill(`>${title}`, { timeout: 5000 });
      await item.waitFor({ timeout: 5000 });
      await item.click({ timeout: 5000 }); // not Enter: the highlighted entry may be a recently used command
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await page.keyboard.press('Escape');
      await page.locator('.tabs-container .tab.active').first().click({ timeout: 3000 }).catch(() => undefined);
    }
  }
}

/** Cosmetic: lets the built-in extensions finish activating so the status bar shows no spinner. */
async function settleStatusBar(page) {
  try {
    await page.locator('.statusbar').getByText('Activating Extensions').waitFor({ state: 'hidden', timeout: 15_000 });
  } catch {
    console.warn('the status bar still says "Activating Extensions..."; taking the picture anyway');
  }
}

/**
 * Each check, with the manifest's menu entries it drives through the real menu: `drives` maps a menu id of
 * package.json's `contributes.menus` (`commandPalette` is the palette) to the command ids clicked or typed there.
 * A unit test (test/unit/uiCoverage.test.ts) fails when a menu entry of package.json is driven by no check.
 */
const SHOTS = [
  { file: 'broken.xml', size: { width: 1100, height: 600 }, capture: captureHover },
  { file: 'authoring.xml', size: { width: 1100, height: 640 }, capture: captureCompletion },
  { file: 'handset.xml', size: { width: 1400, height: 860 }, capture: capturePreview, drives: { commandPalette: ['hsconfig.preview'] } },
  { file: 'handset.xml', size: { width: 1100, height: 600 }, capture: captureEncryptedOffer },
  { file: 'base-configs/dp750-base.txt', size: { width: 1100, height: 640 }, capture: captureBaseConfig },
  { file: 'handset.xml', size: { width: 1100, height: 640 }, capture: captureNewHandsetFile, drives: { 'explorer/context': ['hsconfig.newHandsetFile'] } },
  { file: 'handset.xml', size: { width: 1400, height: 800 }, capture: captureWalkthrough },
  { file: 'handset.xml', size: { width: 1100, height: 860 }, capture: checkExplorerSubmenu, drives: { 'hsconfig.explorer': ['hsconfig.generateFromCsv'] } },
  { file: 'handset.xml', size: { width: 1100, height: 860 }, capture: checkExplorerEncrypt, drives: { 'hsconfig.explorer': ['hsconfig.encrypt'] } },
  { file: 'to-encrypt.xml', size: { width: 1100, height: 640 }, capture: checkEditorTitleEncrypt, drives: { 'editor/title': ['hsconfig.encrypt'] } },
  { file: 'handset.xml', size: { width: 1400, height: 860 }, capture: checkBaseStationFollows, drives: { commandPalette: ['hsconfig.preview'] } },
  {
    file: 'handset.xml',
    size: { width: 1400, height: 860 },
    capture: checkExplorerMenus,
    drives: {
      'hsconfig.explorer': ['hsconfig.preview', 'hsconfig.decrypt', 'hsconfig.openDecrypted', 'hsconfig.importBaseStation', 'hsconfig.simulateFolder', 'hsconfig.serveFolder'],
      commandPalette: ['hsconfig.stopServing'],
    },
  },
  {
    file: 'handset.xml',
    size: { width: 1400, height: 860 },
    capture: checkEditorMenus,
    drives: { 'editor/title': ['hsconfig.preview', 'hsconfig.openDecrypted'], 'hsconfig.editor': ['hsconfig.preview', 'hsconfig.openDecrypted'] },
  },
  {
    file: 'handset.xml',
    size: { width: 1400, height: 860 },
    capture: checkEditorContextMenus,
    drives: { 'hsconfig.editor': ['hsconfig.generateFromCsv', 'hsconfig.importBaseStation', 'hsconfig.encrypt'] },
  },
  { file: 'handset.xml', size: { width: 1100, height: 640 }, capture: checkPaletteNewFile, drives: { 'file/newFile': ['hsconfig.newHandsetFile'], commandPalette: ['hsconfig.newHandsetFile'] } },
  { file: 'handset.xml', size: { width: 1100, height: 640 }, capture: checkPaletteConvertIpei, drives: { commandPalette: ['hsconfig.convertIpei'] } },
  { file: 'handset.xml', size: { width: 1100, height: 640 }, capture: checkPaletteRestart, drives: { commandPalette: ['hsconfig.restartServer'] } },
  {
    file: 'handset.xml',
    size: { width: 1400, height: 860 },
    capture: checkPaletteFileDialogs,
    drives: { commandPalette: ['hsconfig.generateFromCsv', 'hsconfig.importBaseStation', 'hsconfig.exportSchema', 'hsconfig.simulateFolder', 'hsconfig.serveFolder', 'hsconfig.stopServing'] },
  },
  {
    file: 'to-encrypt.xml',
    size: { width: 1100, height: 640 },
    capture: checkPalettePasswords,
    drives: { commandPalette: ['hsconfig.encrypt', 'hsconfig.decrypt', 'hsconfig.forgetPassword', 'hsconfig.openDecrypted'] },
  },
  { file: 'to-encrypt.xml', size: { width: 1100, height: 640 }, capture: checkPaletteEncryptPicksFile, drives: { commandPalette: ['hsconfig.encrypt'] } },
  { file: 'handset.xml', size: { width: 1100, height: 600 }, capture: captureCodeLens },
  { file: 'ipei_02c332b5c1.xml', size: { width: 1100, height: 600 }, capture: captureRename, prepare: prepareRename },
  { file: 'handset.xml', size: { width: 1400, height: 800 }, capture: captureFolderProblems, prepare: prepareFolderProblems },
  {
    file: 'handset.xml',
    size: { width: 1400, height: 860 },
    capture: checkBaseConfigCommands,
    drives: {
      'hsconfig.explorer': ['hsconfig.convertBaseConfig', 'hsconfig.compareBaseConfigs'],
      'hsconfig.editor': ['hsconfig.convertBaseConfig', 'hsconfig.compareBaseConfigs'],
      commandPalette: ['hsconfig.convertBaseConfig', 'hsconfig.compareBaseConfigs'],
    },
  },
  { file: 'handset.xml', size: { width: 1400, height: 860 }, capture: checkSitesView, prepare: prepareSites, drives: { 'view/item/context': ['hsconfig.preview', 'hsconfig.simulateFolder'] } },
];

/** What each check drives, for the coverage test: its name, its `drives`, and its source (which must name each title). */
export const UI_CHECKS = SHOTS.map((s) => ({ name: s.capture.name, drives: s.drives ?? {}, source: s.capture.toString() }));

/**
 * Runs every check (or those named in `only`, by function name; by default those named in HSCONFIG_UI_CHECKS,
 * comma-separated, e.g. `captureWalkthrough`), saving its picture in `outDir`; resolves with the counts, as the suite
 * phases do.
 */
export async function runUiChecks(outDir, only = process.env.HSCONFIG_UI_CHECKS?.split(',') ?? []) {
  let passed = 0;
  let failed = 0;
  for (const shot of SHOTS.filter((s) => only.length === 0 || only.includes(s.capture.name))) {
    try {
      await runSession(180_000, async (use) => {
        const sandbox = await use(createSandbox(), (s) => s.remove());
        await shot.prepare?.(sandbox.workspace); // files the check needs, there before the editor starts
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
          await shot.capture(page, outDir, sandbox);
        } catch (err) {
          const debug = path.join(os.tmpdir(), `hsconfig-screenshot-failed-${shot.capture.name}.png`);
          await page.screenshot({ path: debug }).catch(() => undefined);
          throw new Error(`${err.message}\n(what the window showed: ${debug})`);
        }
      });
      passed++;
      console.log(`  ✓ UI check ${shot.capture.name}`);
    } catch (err) {
      if (err instanceof Interrupted) throw err;
      failed++;
      console.error(`  ✗ UI check ${shot.capture.name}: ${err.message}`);
    }
  }
  return { passed, failed };
}
