// The `npm start` check: starts scripts/start.mjs as a user would (its own process group, as a terminal gives it),
// sees its door refuse a request without the run's token and one naming another host (HTTP and WebSocket), opens
// the URL it prints in the browser the UI checks use, sees the folder in Restricted Mode and the Get Started
// walkthrough, a squiggle in the sample workspace and a notification toast, then presses Ctrl+C (SIGINT to the
// group) and sees everything stop and the temp folder go. Two more runs end as a terminal's close (SIGHUP to the
// group) and as a SIGKILL of npm start alone would end them: code-server stops and the temp folder goes all the same.
// It skips the build (`--no-build`): `npm test` has just built dist/.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { launchBrowser } from './browser.mjs';
import { freePort } from './codeServer.mjs';
import { ROOT } from './paths.mjs';
import { createSandbox } from './sandbox.mjs';
import { Interrupted, runSession } from './session.mjs';

const WAIT_MS = 90_000;

function startNpmStart(port) {
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'start.mjs'), '--no-build', '--port', String(port)], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start printed no URL within ${WAIT_MS / 1000} s:\n${output}`)), WAIT_MS);
    const onData = (chunk) => {
      output += chunk.toString();
      const url = /^ {2}(http:\/\/127\.0\.0\.1:\d+\/\S+)$/m.exec(output)?.[1];
      const folder = /^Folder: (\S+)/m.exec(output)?.[1];
      const password = /^Password of \S+: (\S+) \(made up for this run\)$/m.exec(output)?.[1];
      if (url && folder && password) {
        clearTimeout(timer);
        resolve({ url, folder, password });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    exited.then((code) => reject(new Error(`npm start exited (${code}) before printing its URL:\n${output}`)));
  });
  const ctrlC = async () => {
    try {
      process.kill(-child.pid, 'SIGINT');
    } catch {
      // already gone
    }
    const code = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve('still running'), 30_000).unref())]);
    if (code === 'still running') process.kill(-child.pid, 'SIGKILL');
    return code;
  };
  const signal = (name, group = true) => {
    try {
      process.kill(group ? -child.pid : child.pid, name);
    } catch {
      // already gone
    }
  };
  return { ready, ctrlC, signal, exited, output: () => output };
}

/** One request to the door: `{ status }`; `upgrade` asks for a WebSocket. */
function ask(port, { host = `127.0.0.1:${port}`, token, upgrade = false, path: target = '/' } = {}) {
  const headers = { Host: host, ...(token ? { Cookie: `hsconfig-start-${port}=${token}` } : {}), ...(upgrade ? { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==' } : {}) };
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: target, headers });
    req.on('response', (res) => (res.resume(), resolve({ status: res.statusCode })));
    req.on('upgrade', (res, socket) => (socket.destroy(), resolve({ status: res.statusCode })));
    req.on('error', reject);
    req.end();
  });
}

/** The door lets in only this machine's name with the run's token (issue 27, severe 1). */
async function checkDoor(started, port) {
  const token = new URL(started.url).searchParams.get('tkn');
  if (!token) throw new Error(`the URL ${started.url} carries no token`);
  const expect = async (what, options, status) => {
    const answer = await ask(port, options);
    if (answer.status !== status) throw new Error(`${what}: answered ${answer.status}, not ${status}`);
  };
  await expect('a request without the token', {}, 401);
  await expect('a request with a wrong token', { token: `${token}x` }, 401);
  await expect('a request naming another host', { token, host: `attacker.example:${port}`, path: '/vscode-remote-resource?path=/etc/hostname' }, 403);
  await expect('a WebSocket without the token', { upgrade: true }, 401);
  await expect('a WebSocket naming another host', { token, upgrade: true, host: `attacker.example:${port}` }, 403);
  await expect('a request with the token', { token }, 200);
}

/** The pid of a run's code-server, from the owner file the run leaves in its folder. */
function codeServerPid(folder) {
  return JSON.parse(readFileSync(path.join(folder, '..', 'owner.json'), 'utf8')).codeServer;
}

function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(what, done, ms = 20_000) {
  for (const end = Date.now() + ms; !done(); ) {
    if (Date.now() > end) throw new Error(`${what} within ${ms / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** npm start ended without Ctrl+C: a closed terminal (SIGHUP to the group) or a SIGKILL of npm start alone. */
async function checkEnding(how) {
  const port = await freePort();
  const start = startNpmStart(port);
  try {
    const started = await start.ready;
    const pid = codeServerPid(started.folder);
    if (how === 'SIGHUP') start.signal('SIGHUP');
    else start.signal('SIGKILL', false);
    await start.exited;
    await waitUntil(`code-server (pid ${pid}) was still running after ${how}`, () => !isRunning(pid));
    await waitUntil(`the temp folder ${started.folder} was still there after ${how}`, () => !existsSync(started.folder));
    const answer = await ask(port).catch((err) => ({ status: err.code }));
    if (answer.status !== 'ECONNREFUSED') throw new Error(`after ${how}, port ${port} still answered (${answer.status})`);
  } finally {
    start.signal('SIGKILL');
  }
}

async function checkPage(page, started, port) {
  if (new URL(started.url).port !== String(port)) throw new Error(`the URL ${started.url} is not on port ${port}`);
  await page.goto(started.url);
  // Workspace trust is on, as for a user: the sample folder opens in Restricted Mode, where the extension works.
  await page.locator('.statusbar-item').getByText('Restricted Mode').first().waitFor({ state: 'visible', timeout: WAIT_MS });
  // The Welcome page lists the walkthrough; opening it shows its first step.
  const walkthrough = page.getByText('Get Started with Handset Config').first();
  await walkthrough.waitFor({ state: 'visible', timeout: WAIT_MS });
  await walkthrough.click();
  await page.getByText('Write a handset file').first().waitFor({ state: 'visible', timeout: WAIT_MS });
  // The file with typical mistakes shows its squiggles.
  // Quick Open, retried: a key pressed while the walkthrough's webview has focus never reaches the workbench, so the
  // focus goes to the side bar's title first.
  const input = page.locator('.quick-input-widget input');
  for (let tries = 0; ; tries++) {
    await page.locator('.part.sidebar .title-label').first().click({ timeout: 3000 }).catch(() => undefined);
    await page.keyboard.press('Control+P');
    try {
      await input.waitFor({ state: 'visible', timeout: 3000 });
      break;
    } catch (err) {
      if (tries >= 10) throw err;
    }
  }
  await input.fill('ipei_02c332b511.xml');
  await page.locator('.quick-input-list').getByText('ipei_02c332b511.xml').first().waitFor({ timeout: WAIT_MS });
  await page.keyboard.press('Enter');
  await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'visible', timeout: WAIT_MS });
  // A notification pops up as a toast (the smoke-test driver of the in-editor tests drops toasts; npm start has none).
  await page.keyboard.press('F1');
  await input.waitFor({ state: 'visible', timeout: WAIT_MS });
  await input.fill('>Forget the Remembered Password');
  await page.locator('.quick-input-list').getByText('Forget the Remembered Password').first().waitFor({ timeout: WAIT_MS });
  await page.keyboard.press('Enter');
  await page.locator('.notification-toast').getByText('The handset file password is forgotten for this workspace.').waitFor({ state: 'visible', timeout: WAIT_MS });
  // Last (the file it opens takes the focus): the walkthrough's New Handset File writes beside the sample's handset
  // files, not at the workspace root.
  await page.locator('.tabs-container .tab').filter({ hasText: 'Walkthrough' }).first().click({ timeout: WAIT_MS });
  await page.getByRole('button', { name: 'New Handset File' }).first().click({ timeout: WAIT_MS });
  const ipei = page.locator('.quick-input-widget').filter({ hasText: "The handset's IPEI" });
  await ipei.waitFor({ state: 'visible', timeout: WAIT_MS });
  await ipei.locator('input').fill('02c332b599');
  await page.keyboard.press('Enter');
  const written = path.join(started.folder, 'handsets', 'ipei_02c332b599.xml');
  for (const end = Date.now() + WAIT_MS; !existsSync(written); await page.waitForTimeout(250)) {
    if (Date.now() > end) throw new Error(`New Handset File from the walkthrough did not write ${written}`);
  }
}

/** A test phase: resolves with { passed, failed } like the suite runs. */
export async function runStartCheck() {
  console.log('\n== npm start ==');
  let started;
  const port = await freePort();
  const start = startNpmStart(port);
  try {
    await runSession(240_000, async (use) => {
      started = await start.ready;
      await checkDoor(started, port);
      const sandbox = await use(createSandbox('hsconfig-start-check-', { workspaceFrom: null }), (s) => s.remove());
      const browser = await use(launchBrowser(sandbox), (b) => b.close());
      const page = await browser.newPage();
      try {
        await checkPage(page, started, port);
      } catch (err) {
        const debug = path.join(sandbox.root, '..', 'hsconfig-start-check-failed.png');
        await page.screenshot({ path: debug }).catch(() => undefined);
        throw new Error(`${err.message}\n(what the window showed: ${debug})`);
      }
    });
    const code = await start.ctrlC();
    if (code !== 0) throw new Error(`after Ctrl+C npm start exited with ${code}, not 0:\n${start.output()}`);
    if (!/^Stopped\.$/m.test(start.output())) throw new Error(`npm start did not say it stopped:\n${start.output()}`);
    if (existsSync(started.folder)) throw new Error(`npm start left its temp folder ${started.folder}`);
    console.log(`  ✓ npm start lets in only the printed URL's token on 127.0.0.1, serves the sample workspace with the walkthrough (whose New Handset File writes into handsets/), a squiggle and a toast, and stops on Ctrl+C`);
    let passed = 1;
    let failed = 0;
    for (const how of ['SIGHUP', 'SIGKILL']) {
      try {
        await checkEnding(how);
        console.log(`  ✓ npm start ended by ${how} stops code-server and deletes its temp folder`);
        passed++;
      } catch (err) {
        console.error(`  ✗ npm start ended by ${how}: ${err.message}`);
        failed++;
      }
    }
    return { passed, failed };
  } catch (err) {
    await start.ctrlC();
    if (err instanceof Interrupted) throw err;
    console.error(`  ✗ npm start: ${err.message}`);
    return { passed: 0, failed: 1 };
  }
}
