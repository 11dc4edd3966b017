// Reads how and how fast hsconfig activated from the logs VS Code wrote (code-server started with `--log trace`).
import { readdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';

const STAMP = /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3})/;

async function findLogs(dir, test, found = []) {
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await findLogs(full, test, found);
    else if (test(full)) found.push(full);
  }
  return found;
}

async function firstLine(files, pattern) {
  for (const file of files) {
    const line = (await readFile(file, 'utf8')).split('\n').find((l) => pattern.test(l));
    if (line) return { line, time: Date.parse(STAMP.exec(line)[1].replace(' ', 'T')) };
  }
  return undefined;
}

/**
 * { event, loadMs, activateMs }: the activation event, the time to load the bundle (activation start to the call
 * of activate()), and the time to the language server's first `initialize` response, after which activate() returns.
 */
export async function readActivation(logsDir, extensionId) {
  const hostLogs = await findLogs(logsDir, (f) => /exthost\d*[/\\]remoteexthost\.log$/.test(f));
  const clientLogs = await findLogs(logsDir, (f) => f.includes(`${path.sep}${extensionId}${path.sep}`));
  const started = await firstLine(hostLogs, new RegExp(`_doActivateExtension ${extensionId},`));
  const called = await firstLine(hostLogs, new RegExp(`_callActivateOptional ${extensionId}$`));
  const initialized = await firstLine(clientLogs, /Received response 'initialize/);
  if (!started || !called || !initialized) return undefined;
  return {
    event: /activationEvent: '([^']+)'/.exec(started.line)?.[1],
    loadMs: called.time - started.time,
    activateMs: initialized.time - started.time,
  };
}
