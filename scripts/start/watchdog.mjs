// Outlives `npm start` to clean up after it however it ends: started detached with a pipe from it on stdin, it waits
// for that pipe to close (which happens when npm start exits, even by SIGKILL or a closed terminal), then stops
// code-server's process group and deletes the run's folder, which holds plaintext copies of the sample.
//   node watchdog.mjs <code-server pid> <run folder>
import { rmSync } from 'node:fs';

const [pidArg, folder] = process.argv.slice(2);
const group = Number(pidArg);

function signal(name) {
  try {
    process.kill(-group, name);
    return true;
  } catch {
    return false; // gone already
  }
}

function cleanUp() {
  if (signal('SIGTERM')) setTimeout(() => (signal('SIGKILL'), finish()), 3_000);
  else finish();
}

function finish() {
  rmSync(folder, { recursive: true, force: true });
  process.exit(0);
}

for (const name of ['SIGHUP', 'SIGINT']) process.on(name, () => undefined); // only the pipe decides
process.stdin.on('data', () => undefined);
process.stdin.on('end', cleanUp);
process.stdin.on('error', cleanUp);
