// The provisioning server's limits (issue 15, item 9): files above a sane size are refused with a log line; slow,
// idle and surplus connections are closed; files are streamed, not read whole.

import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { SERVE_LIMITS, startProvisioningServer, type ProvisioningServer } from '../../shared/serve/provisioningServer';
import { formatRequestLog, type RequestLogEntry } from '../../shared/serve/requestLog';
import { handset } from './helpers';

const root = mkdtempSync(path.join(tmpdir(), 'hsconfig-serve-limits-'));
const logged: RequestLogEntry[] = [];
let server: ProvisioningServer;

before(async () => {
  writeFileSync(path.join(root, 'ipei_02c332b510.xml'), handset());
  writeFileSync(path.join(root, 'ipei_02c332b511.xml'), Buffer.alloc(2 * 1024 * 1024, 'x'));
  writeFileSync(path.join(root, 'ipei_02c332b512.xml'), Buffer.alloc(SERVE_LIMITS.maxFileSize, 'y'));
  server = await startProvisioningServer({
    root,
    log: (e) => logged.push(e),
    limits: { headersTimeoutMs: 400, requestTimeoutMs: 600, idleTimeoutMs: 500, keepAliveTimeoutMs: 300, maxConnectionsPerClient: 3 },
  });
});
after(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

/** The first log entry that fits; a request is logged once answered, which may be just after the client has it. */
async function loggedWhen(fits: (e: RequestLogEntry) => boolean): Promise<RequestLogEntry | undefined> {
  for (let i = 0; i < 250; i++) {
    const entry = logged.find(fits);
    if (entry) return entry;
    await new Promise((r) => setTimeout(r, 20));
  }
  return undefined;
}

const url = (p: string) => `http://127.0.0.1:${server.address.port}${p}`;

function open(): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.address.port, '127.0.0.1', () => resolve(socket));
    socket.on('error', reject);
  });
}

/** Resolves with what the server sent once it closed the connection, or undefined if it is still open after `ms`. */
function closedWithin(socket: Socket, ms: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    const timer = setTimeout(() => resolve(undefined), ms);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString('latin1'));
    });
  });
}

test('a file above the size limit is refused with 403 and a log line that says why', async () => {
  const res = await fetch(url('/ipei_02c332b511.xml'));
  assert.equal(res.status, 403);
  await res.text();
  const line = formatRequestLog((await loggedWhen((e) => e.path === '/ipei_02c332b511.xml')) as RequestLogEntry);
  assert.match(line, /ipei 02c332b511 403 too large \(2,097,152 bytes, over the 1,048,576-byte limit for handset files\)$/);
  const atLimit = await fetch(url('/ipei_02c332b512.xml'));
  assert.equal(atLimit.status, 200);
  assert.equal((await atLimit.arrayBuffer()).byteLength, SERVE_LIMITS.maxFileSize);
});

test('a client that never finishes its request headers is cut off', async () => {
  const socket = await open();
  socket.write('GET /ipei_02c332b510.xml HTTP/1.1\r\nHost: x\r\n');
  const sent = await closedWithin(socket, 5_000);
  assert.notEqual(sent, undefined, 'the slow connection was still open after 5 s');
  socket.destroy();
});

test('a client that sends its headers a byte at a time, never idle, is still cut off at the headers timeout', async () => {
  const socket = await open();
  const request = 'GET /ipei_02c332b510.xml HTTP/1.1\r\nHost: x\r\nX-Slow: ' + 'a'.repeat(100);
  let sent = 0;
  const drip = setInterval(() => {
    if (sent < request.length && !socket.destroyed) socket.write(request[sent++]);
  }, 100);
  try {
    assert.notEqual(await closedWithin(socket, 5_000), undefined, 'the dripping connection was still open after 5 s');
  } finally {
    clearInterval(drip);
    socket.destroy();
  }
});

test('an idle connection is closed', async () => {
  const socket = await open();
  assert.notEqual(await closedWithin(socket, 5_000), undefined, 'the idle connection was still open after 5 s');
});

test('a stalled download is closed after the idle timeout and logged as broken off', async () => {
  // Larger than what the loopback socket buffers hold, so the download really stalls.
  writeFileSync(path.join(root, 'ipei_02c332b513.xml'), Buffer.alloc(48 * 1024 * 1024, 'z'));
  const big = await startProvisioningServer({ root, log: (e) => logged.push(e), limits: { maxFileSize: 64 * 1024 * 1024, idleTimeoutMs: 500 } });
  try {
    const socket = connect(big.address.port, '127.0.0.1');
    socket.pause(); // reads nothing
    socket.write('GET /ipei_02c332b513.xml HTTP/1.1\r\nHost: x\r\n\r\n');
    const entry = await loggedWhen((e) => e.path === '/ipei_02c332b513.xml');
    socket.destroy();
    assert.ok(entry, 'the stalled download was still open after 5 s');
    assert.match(String(entry.reason), /broken off/);
  } finally {
    await big.close();
  }
});

test('one address may hold only so many connections; the next is told 503 and closed', async () => {
  const held = await Promise.all([open(), open(), open()]);
  const extra = await open();
  const sent = await closedWithin(extra, 2_000);
  assert.match(sent ?? '', /^HTTP\/1\.1 503 Service Unavailable/);
  assert.ok(await loggedWhen((e) => e.status === 503 && /more than 3 connections/.test(e.reason ?? '')));
  for (const s of held) s.destroy();
  await new Promise((r) => setTimeout(r, 100));
  const res = await fetch(url('/ipei_02c332b510.xml'));
  assert.equal(res.status, 200, 'closing connections frees their places');
  await res.text();
});

test('a refused connection is closed on the server at once, even while its client keeps its own side open', { skip: !existsSync('/proc/self/fd') && 'no /proc/self/fd here', timeout: 20_000 }, async () => {
  const limits = { maxConnectionsPerClient: 1, idleTimeoutMs: 60_000, headersTimeoutMs: 60_000, requestTimeoutMs: 60_000 };
  const capped = await startProvisioningServer({ root, limits });
  const port = capped.address.port;
  const sockets: Socket[] = [];
  const connected = (options: { allowHalfOpen?: boolean }, event: 'connect' | 'end') => {
    const socket = connect({ port, host: '127.0.0.1', ...options });
    socket.on('error', () => undefined);
    socket.resume(); // 'end' comes only once what was sent has been read
    sockets.push(socket);
    return new Promise((resolve) => socket.once(event, resolve));
  };
  try {
    await connected({}, 'connect');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const openFiles = () => readdirSync('/proc/self/fd').length;
    const before = openFiles();
    // allowHalfOpen: the client does not end its side when the server ends its own.
    for (let i = 0; i < 20; i++) await connected({ allowHalfOpen: true }, 'end');
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Each refused client holds its own descriptor; the server's side of each is gone.
    const grown = openFiles() - before;
    assert.ok(grown < 30, `${grown} more descriptors open with 20 refused connections held by their clients`);
  } finally {
    for (const s of sockets) s.destroy();
    await capped.close();
  }
});
