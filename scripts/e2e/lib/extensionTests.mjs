// Runs the in-editor mocha suite through VS Code's smoke-test driver: the workbench reports the extension host's
// console to codeAutomationLog and the suite's exit code to codeAutomationExit.
import { format } from 'node:util';
import { remoteUri, workbenchUrl } from './browser.mjs';
import { SUITE_ENTRY } from './paths.mjs';

const SUMMARY = /(\d+) passed, (\d+) failed/;
// The workbench's own chatter; the suite's output comes as 'info' (and 'error').
const QUIET_TYPES = new Set(['trace', 'debug']);

/** Resolves with { exitCode, passed, failed }; `passed`/`failed` are undefined when the suite printed no summary. */
export async function runExtensionTests(browser, server, { developmentPath, workspace, print = console.log }) {
  const page = await browser.newPage();
  let summary;
  let reportExit;
  const exit = new Promise((resolve) => (reportExit = resolve));
  await page.exposeFunction('codeAutomationExit', (code) => reportExit(code));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    if (QUIET_TYPES.has(type)) return;
    const line = format(...(Array.isArray(args) ? args : [args]));
    summary = SUMMARY.exec(line) ?? summary;
    print(type === 'error' ? `[extension host] ${line}` : line);
  });
  await page.goto(
    workbenchUrl(server, workspace, [
      ['extensionDevelopmentPath', remoteUri(server, developmentPath)],
      ['extensionTestsPath', remoteUri(server, SUITE_ENTRY)],
    ]),
  );
  const exitCode = await exit;
  return { exitCode, passed: summary && Number(summary[1]), failed: summary && Number(summary[2]) };
}
