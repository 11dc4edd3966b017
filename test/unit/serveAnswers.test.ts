// What the provisioning server answers for the files a folder may really hold (empty, with a BOM, not UTF-8, long),
// where it listens, and that a log callback that fails never takes it down.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { startProvisioningServer, type ProvisioningServer } from '../../shared/serve/provisioningServer';
import type { RequestLogEntry } from '../../shared/serve/requestLog';
import { readRequestPath } from '../../shared/serve/requestPath';

const root = mkdtempSync(path.join(tmpdir(), 'hsconfig-serve-answers-'));
const logged: RequestLogEntry[] = [];
let server: ProvisioningServer;

/** A UTF-8 XML file whose 4096th byte is the first of a two-byte character. */
const LONG_START = '<?xml version="1.0" encoding="UTF-8"?>\n<hs_config>\n<!--';
const LONG_XML = Buffer.from(`${LONG_START}${'a'.repeat(4095 - LONG_START.length)}é${'b'.repeat(100)}-->\n</hs_config>\n`, 'utf8');

before(async () => {
  writeFileSync(path.join(root, 'empty.xml'), '');
  writeFileSync(path.join(root, 'bom.xml'), '\uFEFF \r\n\t<hs_config/>\n');
  writeFileSync(path.join(root, 'latin1.xml'), Buffer.from('<hs_config><hs_name>Caf\xe9</hs_name></hs_config>\n', 'latin1'));
  writeFileSync(path.join(root, 'text.xml'), 'not <xml>\n');
  writeFileSync(path.join(root, 'tail.xml'), Buffer.concat([Buffer.from(`<hs_config>${'a'.repeat(5000)}`), Buffer.from('\xe9</hs_config>\n', 'latin1')]));
  writeFileSync(path.join(root, 'long.xml'), LONG_XML);
  writeFileSync(path.join(root, 'ipei_02c332b510.xml'), '<hs_config/>\n');
  mkdirSync(path.join(root, 'folder'));
  server = await startProvisioningServer({ root, log: (e) => logged.push(e) });
});

after(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

const url = (p: string) => `http://127.0.0.1:${server.address.port}${p}`;

async function loggedFor(requested: string): Promise<RequestLogEntry> {
  for (let i = 0; i < 200; i++) {
    const entry = [...logged].reverse().find((e) => e.path === requested);
    if (entry) return entry;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`nothing logged for ${requested}`);
}

test('an empty file is found: 200 with nothing in it', async () => {
  const res = await fetch(url('/empty.xml'));
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-length'), '0');
  assert.equal(await res.text(), '');
  assert.equal(res.headers.get('content-type'), 'application/octet-stream');
  assert.equal((await loggedFor('/empty.xml')).result, 'found');
});

test('XML text is told by its first character after a BOM and white space, in UTF-8 only', async () => {
  for (const [name, type] of [
    ['bom.xml', 'text/xml; charset=utf-8'],
    ['long.xml', 'text/xml; charset=utf-8'],
    ['latin1.xml', 'application/octet-stream'],
    // Only the start is looked at: a byte that is not UTF-8 past it does not change the answer.
    ['tail.xml', 'text/xml; charset=utf-8'],
    ['text.xml', 'application/octet-stream'],
  ]) {
    const res = await fetch(url(`/${name}`));
    assert.equal(res.status, 200, name);
    assert.equal(res.headers.get('content-type'), type, name);
    await res.arrayBuffer();
  }
  const long = await fetch(url('/long.xml'));
  assert.deepEqual(Buffer.from(await long.arrayBuffer()), LONG_XML, 'a file longer than the part looked at comes whole');
});

test('HEAD of a file: its headers, logged as found and plain', async () => {
  const res = await fetch(url('/bom.xml?head'), { method: 'HEAD' });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'text/xml; charset=utf-8');
  const entry = await loggedFor('/bom.xml?head');
  assert.deepEqual([entry.method, entry.status, entry.result, entry.encrypted], ['HEAD', 200, 'found', false]);
});

test('a folder is not a file: 404, logged with the reason', async () => {
  const res = await fetch(url('/folder'));
  assert.equal(res.status, 404);
  assert.equal(await res.text(), 'Not found\n');
  assert.equal(res.headers.get('content-type'), 'text/plain');
  assert.equal((await loggedFor('/folder')).reason, 'not a file');
});

test('the IPEI of a request is logged in lower case, whatever its query', async () => {
  const res = await fetch(url('/IPEI_02C332B5FF.xml?v=1'));
  assert.equal(res.status, 404);
  await res.text();
  assert.equal((await loggedFor('/IPEI_02C332B5FF.xml?v=1')).ipei, '02c332b5ff');
});

/** One request on its own connection, as written; the status line of the answer ('' if none). */
function rawStatus(port: number, method = 'GET', target = '/ipei_02c332b510.xml', localAddress = '127.0.0.1'): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1', localAddress });
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1').split('\r\n')[0]));
    socket.write(`${method} ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
  });
}

test('a log callback that throws never takes the server down', async () => {
  const failing = await startProvisioningServer({
    root,
    limits: { maxConnectionsPerClient: 1 },
    log: () => {
      throw new Error('the log is full');
    },
  });
  const port = failing.address.port;
  try {
    assert.equal(await rawStatus(port, 'POST'), 'HTTP/1.1 405 Method Not Allowed');
    assert.equal(await rawStatus(port), 'HTTP/1.1 200 OK');
    // A second connection while one is held is refused, and its log line throws too.
    const held = connect(port, '127.0.0.1');
    await new Promise((resolve) => held.once('connect', resolve));
    assert.equal(await rawStatus(port), 'HTTP/1.1 503 Service Unavailable');
    held.destroy();
    // The server learns of the close a moment later; until then the place is still taken.
    let status = await rawStatus(port);
    for (let i = 0; i < 100 && status.includes('503'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      status = await rawStatus(port);
    }
    assert.equal(status, 'HTTP/1.1 200 OK', 'still serving');
  } finally {
    await failing.close();
  }
});

test('it listens on the host and port it is given, and an IPv6 address is bracketed in its URL', async () => {
  const probe = await startProvisioningServer({ root });
  const port = probe.address.port;
  await probe.close();
  const v6 = await startProvisioningServer({ root, host: '::1', port, basePath: 'gs' });
  try {
    assert.deepEqual(v6.address, { host: '::1', port, url: `http://[::1]:${port}/gs/` });
    assert.equal((await fetch(`http://[::1]:${port}/gs/ipei_02c332b510.xml`)).status, 200);
  } finally {
    await v6.close();
  }
});

test('the request path ends at the first ? or #, whatever follows, line breaks included', () => {
  assert.deepEqual(readRequestPath('/gs/a.xml?x=1\n/../b#c\nd', '/gs'), { segments: ['a.xml'] });
  assert.deepEqual(readRequestPath('/gs/a.xml#x\n?y', '/gs'), { segments: ['a.xml'] });
  assert.deepEqual(readRequestPath('/gs/dir/a.xml', '/gs/'), { segments: ['dir', 'a.xml'] });
});

test('the connection limit is per client address, and each closed connection frees one place', async () => {
  const entries: RequestLogEntry[] = [];
  const limits = { maxConnectionsPerClient: 2, keepAliveTimeoutMs: 60_000, idleTimeoutMs: 60_000 };
  const limited = await startProvisioningServer({ root, limits, log: (e) => entries.push(e) });
  const port = limited.address.port;
  /** A kept-alive connection the server has answered once, so it surely counts; retried while it is refused. */
  const hold = async (): Promise<Socket> => {
    for (let i = 0; i < 100; i++) {
      const socket = connect({ port, host: '127.0.0.1', localAddress: '127.0.0.1' });
      const first = await new Promise<string>((resolve) => {
        socket.once('data', (c: Buffer) => resolve(c.toString('latin1').split('\r\n')[0]));
        socket.once('error', () => resolve('error'));
        socket.write('GET /ipei_02c332b510.xml HTTP/1.1\r\nHost: x\r\n\r\n');
      });
      if (first === 'HTTP/1.1 200 OK') return socket;
      socket.destroy();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('no place came free');
  };
  try {
    const a = await hold();
    const b = await hold();
    assert.equal(await rawStatus(port), 'HTTP/1.1 503 Service Unavailable');
    const refused = entries.find((e) => e.status === 503);
    assert.ok(refused);
    assert.deepEqual({ ...refused, time: 'T' }, {
      time: 'T', client: '127.0.0.1', method: '-', path: '-', status: 503, result: 'refused', reason: 'more than 2 connections at once from this address',
    });
    assert.equal(await rawStatus(port, 'GET', '/ipei_02c332b510.xml', '127.0.0.2'), 'HTTP/1.1 200 OK', 'another address has places of its own');
    a.destroy();
    const c = await hold();
    assert.equal(await rawStatus(port), 'HTTP/1.1 503 Service Unavailable', 'a freed one place, which c took: b and c hold both');
    b.destroy();
    c.destroy();
  } finally {
    await limited.close();
  }
});

test('a file above the size limit is answered 403 in plain text', async () => {
  const small = await startProvisioningServer({ root, limits: { maxFileSize: 4 } });
  try {
    const res = await fetch(`http://127.0.0.1:${small.address.port}/ipei_02c332b510.xml`);
    assert.equal(res.status, 403);
    assert.equal(res.headers.get('content-type'), 'text/plain');
    assert.equal(await res.text(), 'File too large for a handset file\n');
  } finally {
    await small.close();
  }
});

test('serving the file system root still finds a file by its full path', async () => {
  const all = await startProvisioningServer({ root: '/' });
  try {
    const res = await fetch(`http://127.0.0.1:${all.address.port}${path.join(root, 'ipei_02c332b510.xml')}`);
    assert.equal(res.status, 200);
    assert.equal(await res.text(), '<hs_config/>\n');
  } finally {
    await all.close();
  }
});

/** A file the system will not let anyone read (a write-only sysfs attribute, even for root), if this machine has one. */
function unreadableFile(): string | undefined {
  try {
    return readdirSync('/sys/bus')
      .map((bus) => path.join('/sys/bus', bus, 'uevent'))
      .find((file) => existsSync(file) && (statSync(file).mode & 0o444) === 0);
  } catch {
    return undefined;
  }
}
const UNREADABLE = unreadableFile();

test('a file the system refuses to read is answered 500 in plain text and logged as a server error', { skip: UNREADABLE === undefined && 'no write-only file in /sys here' }, async () => {
  const file = UNREADABLE as string;
  const entries: RequestLogEntry[] = [];
  const sys = await startProvisioningServer({ root: path.dirname(file), log: (e) => entries.push(e) });
  try {
    const res = await fetch(`http://127.0.0.1:${sys.address.port}/${path.basename(file)}`);
    assert.equal(res.status, 500);
    assert.equal(res.headers.get('content-type'), 'text/plain');
    assert.equal(await res.text(), 'Server error\n');
    for (let i = 0; i < 100 && entries.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.deepEqual(entries.map((e) => [e.path, e.status, e.result]), [[`/${path.basename(file)}`, 500, 'server error']]);
    assert.match(String(entries[0].reason), /EACCES|denied/);
  } finally {
    await sys.close();
  }
});

test('starting on a port that is taken fails with the system\'s error', { timeout: 10_000 }, async () => {
  // Unreferenced, so that a start that never settles cannot keep the test process alive.
  const taken = createServer().unref();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  try {
    await assert.rejects(startProvisioningServer({ root, port: (taken.address() as AddressInfo).port }), { code: 'EADDRINUSE' });
  } finally {
    taken.close();
  }
});

/** Resolves with true when `promise` settles within `ms`, false otherwise. */
function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    void promise.then(() => (clearTimeout(timer), resolve(true)));
  });
}

test('close() ends a connection in the middle of a request, and returns at once', async () => {
  const stopping = await startProvisioningServer({ root });
  const socket = connect(stopping.address.port, '127.0.0.1');
  const closed = new Promise((resolve) => socket.once('close', resolve));
  socket.on('error', () => undefined);
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.write('GET /ipei_02c332b510.xml HTTP/1.1\r\nHost: x\r\n');
  await new Promise((resolve) => setTimeout(resolve, 100));
  const stopped = stopping.close();
  // The headers timeout (10 s) would end it otherwise.
  assert.equal(await settlesWithin(stopped, 3_000), true, 'close() was still waiting after 3 s');
  assert.equal(await settlesWithin(closed, 3_000), true, 'the connection was still open after 3 s');
});

test('every file opened is closed again: sent, answered to HEAD, or refused as too large', { skip: !existsSync('/proc/self/fd') && 'no /proc/self/fd here' }, async () => {
  const entries: RequestLogEntry[] = [];
  const small = await startProvisioningServer({ root, limits: { maxFileSize: 100 }, log: (e) => entries.push(e) });
  const port = small.address.port;
  const openFiles = () => readdirSync('/proc/self/fd').length;
  // A file handle left open is closed by the garbage collector, if it runs, with this warning.
  const collected: string[] = [];
  const onWarning = (w: Error) => void (/Closing file descriptor/.test(w.message) && collected.push(w.message));
  process.on('warning', onWarning);
  const round = async () => {
    assert.equal(await rawStatus(port), 'HTTP/1.1 200 OK');
    assert.equal(await rawStatus(port, 'HEAD'), 'HTTP/1.1 200 OK');
    assert.equal(await rawStatus(port, 'GET', '/long.xml'), 'HTTP/1.1 403 Forbidden');
  };
  try {
    await round();
    const before = openFiles();
    for (let i = 0; i < 20; i++) await round();
    for (let i = 0; i < 100 && entries.length < 63; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(entries.length, 63);
    assert.ok(openFiles() - before < 10, `${openFiles() - before} more descriptors open after 60 requests`);
    assert.deepEqual(collected, []);
  } finally {
    process.off('warning', onWarning);
    await small.close();
  }
});

test('the IPEI logged is read from the name before the query, not from the query', async () => {
  const res = await fetch(url('/nothing.xml?02c332b599.xml'));
  assert.equal(res.status, 404);
  await res.text();
  assert.equal((await loggedFor('/nothing.xml?02c332b599.xml')).ipei, undefined);
});
