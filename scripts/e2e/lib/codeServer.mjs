// Installs (when missing), starts and stops code-server: VS Code served to a browser, with a real Node extension host.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { CODE_SERVER_PKG, NODE_BIN, SETUP_SCRIPT } from './paths.mjs';

const ENTRY = path.join(CODE_SERVER_PKG, 'out', 'node', 'entry.js');
const START_TIMEOUT_MS = 60_000;

export function ensureCodeServer() {
  if (existsSync(ENTRY) && existsSync(NODE_BIN)) return;
  console.log('code-server is not installed yet: running scripts/e2e/setup-code-server.sh');
  const setup = spawnSync('bash', [SETUP_SCRIPT], { stdio: 'inherit' });
  if (setup.status !== 0) throw new Error(`setup-code-server.sh failed (exit ${setup.status ?? setup.signal})`);
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function sandboxArgs(sandbox) {
  return ['--user-data-dir', sandbox.userData, '--extensions-dir', sandbox.extensions];
}

/** `code-server --install-extension`, which works offline for a .vsix file. */
export function installExtension(sandbox, vsix) {
  const result = spawnSync(NODE_BIN, [ENTRY, ...sandboxArgs(sandbox), '--install-extension', vsix], {
    env: sandbox.env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (result.status !== 0) throw new Error(`code-server --install-extension failed (exit ${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`);
  return result.stdout.trim();
}

/**
 * Starts code-server in its own process group; resolves once it listens. `stop()` kills the whole group.
 * The tests take the defaults: on a loopback port, without login, with VS Code's smoke-test driver (which runs the
 * test payload, and drops notifications) and without workspace trust. `npm start` passes `socket` (a path in a
 * private folder, behind its own door: scripts/start/guard.mjs), `testDriver: false` and `workspaceTrust: true`, so
 * that VS Code runs as a user gets it.
 */
export async function startCodeServer(sandbox, { env = {}, args: extraArgs = [], log = () => {}, port: wanted, socket, testDriver = true, workspaceTrust = false } = {}) {
  const port = socket ? undefined : (wanted ?? (await freePort()));
  const args = [
    ENTRY,
    '--auth', 'none',
    ...(socket ? ['--socket', socket, '--socket-mode', '600'] : ['--bind-addr', `127.0.0.1:${port}`]),
    '--disable-telemetry',
    '--disable-update-check',
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    ...(testDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []), // without it, the test payload is silently ignored
    ...sandboxArgs(sandbox),
    ...extraArgs,
  ];
  const child = spawn(NODE_BIN, args, { env: { ...sandbox.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const stop = () => stopGroup(child, exited);
  try {
    await waitForListening(child, exited, socket ?? `http://127.0.0.1:${port}`, log);
  } catch (err) {
    await stop();
    throw err;
  }
  return { port, origin: port && `http://127.0.0.1:${port}`, pid: child.pid, stop, exited };
}

function waitForListening(child, exited, address, log) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not listen on ${address} within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
    const onData = (chunk) => {
      const text = chunk.toString();
      log(text);
      if (text.includes(`HTTP server listening on ${address}`)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited (${code}) before it listened`));
    });
  });
}

async function stopGroup(child, exited) {
  const signalGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // the group is already gone
    }
  };
  signalGroup('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
  signalGroup('SIGKILL'); // the extension host and language server may outlive the main process
}
