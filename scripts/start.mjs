// `npm start`: builds, then serves a real VS Code (code-server, the one the in-editor tests use, installed into
// .code-server/ on first use) with the extension loaded from this source tree and a sample workspace open, as a user
// gets it: notifications shown, workspace trust asked. Prints the URL to open in a browser, which carries a token
// made for the run; code-server itself listens only on a socket in the run's private folder, behind a door that
// wants the token and refuses other host names (scripts/start/guard.mjs). Ctrl+C, SIGTERM or a closed terminal
// stop everything it started and delete its temp folder; a watchdog does the same if it is killed outright, and the
// next start removes what a lost run left.
//   --port N        listen on port N (default 8080, or a free port when 8080 is taken)
//   --folder DIR    open DIR as it is, instead of a copy of examples/
//   --no-build      skip `npm run build` (dist/ is current)
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { symlink } from 'node:fs/promises';
import * as net from 'node:net';
import * as path from 'node:path';
import { workbenchUrl } from './e2e/lib/browser.mjs';
import { ensureCodeServer, freePort, startCodeServer } from './e2e/lib/codeServer.mjs';
import { ROOT } from './e2e/lib/paths.mjs';
import { createSandbox } from './e2e/lib/sandbox.mjs';
import { startGuard } from './start/guard.mjs';
import { recordRun, removeStaleRuns, RUN_PREFIX } from './start/staleRuns.mjs';

const EXAMPLES = path.join(ROOT, 'examples');
const MANIFEST = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const DEFAULT_PORT = 8080;
// The clean sample, encrypted at start with a password made up for the run (so none a user could reuse is committed).
const TO_ENCRYPT = path.join('handsets', 'ipei_02c332b510.xml');
// The first thing a newcomer sees: the Welcome page, which lists the Get Started walkthrough.
const START_SETTINGS = { 'workbench.startupEditor': 'welcomePage', 'workbench.welcomePage.walkthroughs.openOnInstall': true, 'security.workspace.trust.enabled': true };

function usage(problem) {
  console.error(`npm start: ${problem}\nUsage: npm start -- [--port N] [--folder DIR] [--no-build]`);
  process.exit(2);
}

function parseArgs(argv) {
  const options = { port: undefined, folder: undefined, build: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--no-build') options.build = false;
    else if (arg === '--port') {
      const port = Number(argv[++i]);
      if (!Number.isInteger(port) || port < 1 || port > 65535) usage(`--port takes a port number from 1 to 65535, not ${argv[i] ?? 'nothing'}`);
      options.port = port;
    } else if (arg === '--folder') {
      const folder = argv[++i];
      if (!folder) usage('--folder takes a folder');
      options.folder = path.resolve(folder);
      if (!existsSync(options.folder) || !statSync(options.folder).isDirectory()) usage(`${folder} is not a folder`);
    } else usage(`unknown option ${arg}`);
  }
  return options;
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function run(command, args, { cwd = ROOT, env = process.env } = {}) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', env });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

/** Encrypts the clean sample into handsets/encrypted/ with the product's own CLI; returns the password. */
function encryptSample(workspace) {
  const password = randomBytes(9).toString('base64url');
  const env = { ...process.env, HSCONFIG_PASSWORD: password };
  // `encrypt` checks the file against its site: the base station whose config (dp750-office.txt) sits above it.
  const args = ['encrypt', '--out-dir', path.join('handsets', 'encrypted'), TO_ENCRYPT];
  run(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), ...args], { cwd: workspace, env });
  return password;
}

/** A detached process that cleans up after this one however it ends (scripts/start/watchdog.mjs). */
function startWatchdog(codeServerPid, folder) {
  const watchdog = spawn(process.execPath, [path.join(ROOT, 'scripts', 'start', 'watchdog.mjs'), String(codeServerPid), folder], { detached: true, stdio: ['pipe', 'ignore', 'ignore'] });
  watchdog.unref();
  return watchdog;
}

const options = parseArgs(process.argv.slice(2));
for (const stale of removeStaleRuns()) console.log(`Removed ${stale}, left by an earlier npm start that did not stop cleanly.`);
if (options.build) run('npm', ['run', '--silent', 'build']);
ensureCodeServer();
const port = options.port ?? ((await portIsFree(DEFAULT_PORT)) ? DEFAULT_PORT : await freePort());
const sandbox = await createSandbox(RUN_PREFIX, { workspaceFrom: options.folder ? null : EXAMPLES, settings: START_SETTINGS });
const folder = options.folder ?? sandbox.workspace;
let server;
let guard;
let stopping;
const stop = (why) => {
  stopping ??= (async () => {
    console.log(`\n${why}: stopping code-server…`);
    await guard?.close();
    await server?.stop();
    await sandbox.remove();
    console.log('Stopped.');
  })();
  return stopping;
};
process.once('SIGINT', () => stop('Ctrl+C').then(() => process.exit(0)));
process.once('SIGTERM', () => stop('SIGTERM').then(() => process.exit(0)));
process.once('SIGHUP', () => stop('Terminal closed').then(() => process.exit(0)));
try {
  const password = options.folder ? undefined : encryptSample(sandbox.workspace);
  // Installed as a user's extension is (a link to this tree, read as it is): VS Code takes extensionDevelopmentPath
  // only from the test driver, which also drops notifications.
  await symlink(ROOT, path.join(sandbox.extensions, `${MANIFEST.publisher}.${MANIFEST.name}-${MANIFEST.version}`), 'dir');
  server = await startCodeServer(sandbox, { socket: path.join(sandbox.root, 'code-server.sock'), testDriver: false, workspaceTrust: true });
  recordRun(sandbox.root, server.pid);
  startWatchdog(server.pid, sandbox.root);
  guard = await startGuard({ port, socketPath: path.join(sandbox.root, 'code-server.sock'), token: randomBytes(24).toString('base64url') });
  const seen = { port, origin: `http://127.0.0.1:${port}` };
  const url = guard.url(workbenchUrl(seen, folder));
  console.log(`\nhsconfig is running in VS Code (code-server), with the extension loaded from ${ROOT}.\nOpen in a browser (the address carries this run's token; keep it to yourself):\n\n  ${url}\n`);
  console.log(options.folder ? `Folder: ${folder} (opened in place)` : `Folder: ${folder} (a copy of examples/; deleted when you stop)`);
  if (password) console.log(`Password of ${path.join(TO_ENCRYPT, '..', 'encrypted', path.basename(TO_ENCRYPT))}: ${password} (made up for this run)`);
  console.log('Press Ctrl+C to stop.');
  const exit = await server.exited;
  if (!stopping) {
    console.error(`code-server exited (${exit}).`);
    await stop('code-server exited');
    process.exit(1);
  }
} catch (err) {
  console.error(`npm start: ${err.message}`);
  await stop('error');
  process.exit(1);
}
