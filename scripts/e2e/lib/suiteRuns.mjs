// The two ways the in-editor suite runs in code-server: against the source tree (extensionDevelopmentPath = repo),
// and against the extension installed from hsconfig.vsix.
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { launchBrowser } from './browser.mjs';
import { readActivation } from './activationLog.mjs';
import { installExtension, startCodeServer } from './codeServer.mjs';
import { runExtensionTests } from './extensionTests.mjs';
import { ROOT } from './paths.mjs';
import { createSandbox } from './sandbox.mjs';
import { Interrupted, runSession } from './session.mjs';

const RUN_TIMEOUT_MS = Number(process.env.HSCONFIG_E2E_TIMEOUT_MS ?? 240_000);
const EXTENSION_ID = 'hsconfig.hsconfig';

export function runSourceSuite() {
  return runSuite('source tree', async () => ({ developmentPath: ROOT, env: {} }));
}

/**
 * Also reports how the installed extension activated, from VS Code's trace logs; a run without them fails. The
 * result carries the measurement (`activation`: { event, loadMs, activateMs }) for the benchmark.
 */
export async function runInstalledSuite(vsix) {
  let activation;
  const result = await runSuite('installed .vsix', async (sandbox) => {
    console.log(installExtension(sandbox, vsix));
    return {
      developmentPath: await writeProbeExtension(sandbox),
      env: { HSCONFIG_E2E_INSTALLED: sandbox.extensions },
      args: ['--log', 'trace'],
      afterSuite: async () => {
        activation = await readActivation(sandbox.logs, EXTENSION_ID);
        return reportActivation(activation);
      },
    };
  });
  return { ...result, activation };
}

function reportActivation(activation) {
  if (!activation && process.env.HSCONFIG_E2E_GREP) {
    console.log(`The tests matching HSCONFIG_E2E_GREP did not activate ${EXTENSION_ID}; its activation time is not measured.`);
    return true;
  }
  if (!activation) {
    console.error(`VS Code's logs do not show ${EXTENSION_ID} activating.`);
    return false;
  }
  console.log(`activation of the installed extension: event ${activation.event}, bundle loaded in ${activation.loadMs} ms, activate() done (language server initialized) ${activation.activateMs} ms after activation started`);
  return true;
}

/** VS Code runs extension tests only with an extensionDevelopmentPath: an empty extension stands in for it. */
async function writeProbeExtension(sandbox) {
  const dir = path.join(sandbox.root, 'probe-extension');
  await mkdir(dir, { recursive: true });
  const manifest = { name: 'hsconfig-e2e-probe', publisher: 'hsconfig-tests', version: '0.0.0', engines: { vscode: '*' } };
  await writeFile(path.join(dir, 'package.json'), JSON.stringify(manifest));
  return dir;
}

/**
 * `prepare(sandbox)` gives the extensionDevelopmentPath, extra environment and code-server arguments, and optionally
 * `afterSuite`: a check run while the sandbox still exists, counted as one more test.
 */
async function runSuite(label, prepare) {
  console.log(`\n== in-editor suite, ${label} ==`);
  const serverLog = [];
  try {
    return await runSession(RUN_TIMEOUT_MS, async (use) => {
      const sandbox = await use(createSandbox(), (s) => s.remove());
      const { developmentPath, env, args, afterSuite } = await prepare(sandbox);
      const server = await use(startCodeServer(sandbox, { env, args, log: (t) => serverLog.push(t) }), (s) => s.stop());
      const browser = await use(launchBrowser(sandbox), (b) => b.close());
      const result = normalise(await runExtensionTests(browser, server, { developmentPath, workspace: sandbox.workspace }));
      if (result.failed > 0) console.log(`code-server output:\n${serverLog.join('').slice(-4000)}`);
      if (!afterSuite) return result;
      return (await afterSuite()) ? { ...result, passed: result.passed + 1 } : { ...result, failed: result.failed + 1 };
    });
  } catch (err) {
    if (err instanceof Interrupted) throw err;
    console.error(`The ${label} run failed: ${err.message}`);
    if (serverLog.length > 0) console.error(`code-server output:\n${serverLog.join('').slice(-4000)}`);
    return { passed: 0, failed: 1 };
  }
}

/** A run that exits non-zero must count as failed even when the suite printed no summary. */
function normalise({ exitCode, passed, failed }) {
  if (passed === undefined) return { passed: 0, failed: 1 };
  return { passed, failed: exitCode !== 0 && failed === 0 ? 1 : failed };
}
