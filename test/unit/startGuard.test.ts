// npm start's door (scripts/start/guard.mjs, issue 27 severe 1) in front of a real HTTP server on a Unix socket:
// only this machine's host names with the run's token get through, HTTP and WebSocket alike; the token in the URL
// becomes a cookie; close() ends open WebSockets instead of waiting for the browser to leave.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';

interface Guard {
  url(pathAndQuery: string): string;
  close(): Promise<void>;
}
const GUARD = path.join(__dirname, '..', '..', '..', 'scripts', 'start', 'guard.mjs');
const TOKEN = 'token-of-this-run';
const dir = mkdtempSync(path.join(tmpdir(), 'hsconfig-guard-'));
const socketPath = path.join(dir, 'upstream.sock');
let port = 0;
let guard: Guard;
let upstream: http.Server;
const upgraded: Socket[] = [];

before(async () => {
  upstream = http.createServer((req, res) => res.end(`upstream saw ${req.url} for ${req.headers.host}`));
  upstream.on('upgrade', (_req, socket: Socket) => {
    upgraded.push(socket);
    socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\nhello');
  });
  await new Promise<void>((resolve) => upstream.listen(socketPath, resolve));
  const { startGuard } = (await import(GUARD)) as { startGuard(o: object): Promise<Guard> };
  const probe = http.createServer();
  port = await new Promise<number>((resolve) => probe.listen(0, '127.0.0.1', () => resolve((probe.address() as { port: number }).port)));
  await new Promise((resolve) => probe.close(resolve));
  guard = await startGuard({ port, socketPath, token: TOKEN });
});
after(async () => {
  await guard.close();
  upstream.closeAllConnections();
  await new Promise((resolve) => upstream.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

interface Answer {
  status?: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  socket?: Socket;
}

function ask(target: string, headers: Record<string, string> = {}, upgrade = false): Promise<Answer> {
  const all = { Host: `127.0.0.1:${port}`, ...headers, ...(upgrade ? { Connection: 'Upgrade', Upgrade: 'websocket' } : {}) };
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: target, headers: all });
    req.on('response', (res) => {
      let body = '';
      res.on('data', (c) => (body += c)).on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on('upgrade', (res, socket: Socket) => resolve({ status: res.statusCode, headers: res.headers, body: '', socket }));
    req.on('error', reject);
    req.end();
  });
}
const withToken = { Cookie: `other=1; hsconfig-start-PORT=${TOKEN}` };
const cookie = () => ({ Cookie: withToken.Cookie.replace('PORT', String(port)) });

test('the printed URL carries the token; opening it sets the cookie and drops the token from the address', async () => {
  const url = new URL(guard.url('/?folder=%2Fw'));
  assert.equal(url.host, `127.0.0.1:${port}`);
  assert.equal(url.searchParams.get('tkn'), TOKEN);
  const answer = await ask(url.pathname + url.search);
  assert.equal(answer.status, 302);
  assert.equal(answer.headers.location, '/?folder=%2Fw');
  assert.deepEqual(answer.headers['set-cookie'], [`hsconfig-start-${port}=${TOKEN}; HttpOnly; SameSite=Strict; Path=/`]);
});

test('with the cookie a request reaches code-server with its own path and host; without it, or a wrong one, 401', async () => {
  assert.deepEqual([(await ask('/a?b=1', cookie())).body], [`upstream saw /a?b=1 for 127.0.0.1:${port}`]);
  assert.equal((await ask('/x', { Host: `localhost:${port}`, ...cookie() })).status, 200);
  assert.equal((await ask('/')).status, 401);
  assert.equal((await ask('/', { Cookie: `hsconfig-start-${port}=${TOKEN}x` })).status, 401);
  assert.equal((await ask(`/?tkn=${TOKEN}x`)).status, 401, 'a wrong token in the URL sets nothing');
});

test('another host name (DNS rebinding) or a foreign Origin is refused even with the token', async () => {
  const rebound = await ask('/vscode-remote-resource?path=/etc/hostname', { Host: `attacker.example:${port}`, ...cookie() });
  assert.equal(rebound.status, 403);
  assert.match(rebound.body, /answers only to 127\.0\.0\.1:\d+, not to the host "attacker\.example:\d+"/);
  assert.equal((await ask(`/?tkn=${TOKEN}`, { Host: `attacker.example:${port}` })).status, 403, 'the token is not traded for a cookie on a foreign host');
  assert.equal((await ask('/', { Origin: 'http://attacker.example', ...cookie() })).status, 403);
});

test('WebSockets: refused without the token or from another host; tunnelled with it, and ended by close()', async () => {
  assert.equal((await ask('/ws', {}, true)).status, 401);
  assert.equal((await ask('/ws', { Host: `attacker.example:${port}`, ...cookie() }, true)).status, 403);
  const open = await ask('/ws', cookie(), true);
  assert.equal(open.status, 101);
  const closed = new Promise((resolve) => open.socket!.on('close', resolve));
  await guard.close();
  await closed;
  assert.ok(upgraded.length === 1);
});

test("a lost run's folder is removed at the next start; a running one's and a stranger's are kept", async () => {
  const { removeStaleRuns } = (await import(path.join(GUARD, '..', 'staleRuns.mjs'))) as { removeStaleRuns(tmp: string): string[] };
  const tmp = mkdtempSync(path.join(dir, 'tmp-'));
  const { spawnSync } = await import('node:child_process');
  const gone = spawnSync(process.execPath, ['-e', '']).pid;
  const made = (name: string, owner?: object) => {
    const folder = path.join(tmp, name);
    mkdirSync(folder);
    if (owner) writeFileSync(path.join(folder, 'owner.json'), JSON.stringify(owner));
    return folder;
  };
  const lost = made('hsconfig-start-lost', { pid: gone, codeServer: gone });
  const running = made('hsconfig-start-running', { pid: process.pid });
  const stranger = made('hsconfig-start-no-owner');
  const other = made('unrelated', { pid: gone });
  assert.deepEqual(removeStaleRuns(tmp), [lost]);
  assert.deepEqual([lost, running, stranger, other].map(existsSync), [false, true, true, true]);
});
