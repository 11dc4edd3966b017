// `hsconfig serve` as users run it: dist/cli.js in a child process, asked over loopback, stopped by a signal.

import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { handset } from './helpers';

const CLI = path.join(__dirname, '..', '..', '..', 'dist', 'cli.js');
const root = mkdtempSync(path.join(tmpdir(), 'hsconfig-serve-cli-'));
writeFileSync(path.join(root, 'ipei_02c332b510.xml'), handset());
after(() => rmSync(root, { recursive: true, force: true }));

interface Served {
  readonly child: ChildProcess;
  readonly url: string;
  readonly output: () => { stdout: string; stderr: string };
  readonly exit: Promise<number | null>;
}

/** Starts `hsconfig serve` and waits for the address it prints. */
function serve(...args: string[]): Promise<Served> {
  const child = spawn(process.execPath, [CLI, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout?.on('data', (c: Buffer) => {
      stdout += c.toString();
      const url = /^Serving .* at (http:\/\/\S+) /m.exec(stdout)?.[1];
      if (url) resolve({ child, url, output: () => ({ stdout, stderr }), exit });
    });
    void exit.then((code) => reject(new Error(`serve exited with ${code} before listening: ${stderr}`)));
  });
}

test('serve: prints the real port for --port 0, logs each request, stops cleanly on SIGTERM', async () => {
  const s = await serve('--port', '0', '--path', '/gs', root);
  assert.match(s.url, /^http:\/\/127\.0\.0\.1:\d+\/gs\/$/);
  assert.doesNotMatch(s.url, /:0\//);
  const found = await fetch(`${s.url}ipei_02c332b510.xml`);
  assert.equal(found.status, 200);
  assert.equal(await found.text(), handset());
  assert.equal((await fetch(`${s.url}ipei_02c332b5ff.xml`)).status, 404);
  assert.equal((await fetch(`${s.url}ipei_02c332b510.xml`, { method: 'DELETE' })).status, 405);
  s.child.kill('SIGTERM');
  assert.equal(await s.exit, 0);
  const { stdout, stderr } = s.output();
  const log = stdout.trim().split('\n').slice(1);
  assert.equal(log.length, 3);
  assert.match(log[0], /^\d{4}-\d\d-\d\dT[\d:.]+Z \S*127\.0\.0\.1 GET \/gs\/ipei_02c332b510\.xml ipei 02c332b510 200 found plain$/);
  assert.match(log[1], / GET \/gs\/ipei_02c332b5ff\.xml ipei 02c332b5ff 404 not found$/);
  assert.match(log[2], / DELETE \/gs\/ipei_02c332b510\.xml ipei 02c332b510 405 method not allowed$/);
  assert.match(stderr, /Only this machine can connect/);
  assert.match(stderr, /Stopped\./);
});

test('serve: SIGINT (Ctrl+C) stops it too', async () => {
  const s = await serve('--port', '0', root);
  assert.equal((await fetch(`${s.url}ipei_02c332b510.xml`)).status, 200);
  s.child.kill('SIGINT');
  assert.equal(await s.exit, 0);
});

test('serve: a port in use, a missing folder and bad options exit 2', async () => {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const port = (blocker.address() as { port: number }).port;
  try {
    const busy = spawnSync(process.execPath, [CLI, 'serve', '--port', String(port), root], { encoding: 'utf8' });
    assert.equal(busy.status, 2);
    assert.match(busy.stderr, new RegExp(`Port ${port} on 127\\.0\\.0\\.1 is in use`));
  } finally {
    blocker.close();
  }
  for (const args of [[path.join(root, 'nope')], [], [root, root], ['--port', 'x', root], ['--port', '70000', root], [path.join(root, 'ipei_02c332b510.xml')]]) {
    const r = spawnSync(process.execPath, [CLI, 'serve', ...args], { encoding: 'utf8', timeout: 10_000 });
    assert.equal(r.status, 2, `serve ${args.join(' ')}: ${r.stderr}`);
  }
});
