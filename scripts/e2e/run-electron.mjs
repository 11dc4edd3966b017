// Runner A: the in-editor suite in desktop VS Code, downloaded by @vscode/test-electron into .vscode-test/.
// Needs access to update.code.visualstudio.com; where that is unreachable it stops at once and says so.
// (Runner B, run-code-server.mjs, is the one that works offline.)
import { runTests } from '@vscode/test-electron';
import { existsSync } from 'node:fs';
import { ROOT, SUITE_ENTRY } from './lib/paths.mjs';
import { createSandbox } from './lib/sandbox.mjs';

const OFFLINE = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ENETUNREACH', 'ETIMEDOUT']);

if (!existsSync(SUITE_ENTRY)) {
  console.error(`${SUITE_ENTRY} is missing: run \`npm run build && npm run compile\` first.`);
  process.exit(1);
}

const sandbox = await createSandbox();
let exitCode = 1;
try {
  exitCode = await runTests({
    version: process.env.HSCONFIG_VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: SUITE_ENTRY,
    launchArgs: [sandbox.workspace, '--user-data-dir', sandbox.userData, '--extensions-dir', sandbox.extensions, '--disable-workspace-trust'],
    extensionTestsEnv: { HOME: sandbox.home, TMPDIR: sandbox.tmp },
  });
} catch (err) {
  const code = err?.code ?? err?.cause?.code ?? /\b(E[A-Z]{4,})\b/.exec(String(err))?.[1];
  if (OFFLINE.has(code)) {
    console.error(`Cannot download VS Code (${code}): this machine cannot reach the VS Code update server.`);
    console.error('Run the in-editor tests with `npm run test:e2e` (code-server) instead.');
  } else {
    console.error(`The test-electron run failed: ${err?.stack ?? err}`);
  }
  exitCode = typeof err === 'number' ? err : 1;
} finally {
  await sandbox.remove();
}
process.exit(exitCode === 0 ? 0 : 1);
