// The provisioning server over loopback: what a base station gets, and what nobody gets.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { startProvisioningServer, type ProvisioningServer } from '../../shared/serve/provisioningServer';
import { formatRequestLog, type RequestLogEntry } from '../../shared/serve/requestLog';
import { readRequestPath } from '../../shared/serve/requestPath';
import { handset } from './helpers';

const SECRET = 'TOP-SECRET-OUTSIDE';
const scratch = mkdtempSync(path.join(tmpdir(), 'hsconfig-serve-'));
const root = path.join(scratch, 'root');
const PLAIN = handset();
const ENCRYPTED = Buffer.concat([Buffer.from('Salted__12345678', 'latin1'), Buffer.alloc(32, 7)]);

let server: ProvisioningServer;
const logged: RequestLogEntry[] = [];

before(async () => {
  mkdirSync(path.join(root, 'handset'), { recursive: true });
  mkdirSync(path.join(scratch, 'outside'));
  writeFileSync(path.join(scratch, 'secret.txt'), SECRET);
  writeFileSync(path.join(scratch, 'outside', 'ipei_02c332b599.xml'), SECRET);
  writeFileSync(path.join(root, 'ipei_02c332b510.xml'), PLAIN);
  writeFileSync(path.join(root, 'handset', 'ipei_02c332b511.xml.enc'), ENCRYPTED);
  writeFileSync(path.join(root, '.hidden.xml'), SECRET);
  symlinkSync(path.join(scratch, 'secret.txt'), path.join(root, 'ipei_02c332b512.xml'));
  symlinkSync(path.join(scratch, 'outside'), path.join(root, 'elsewhere'));
  symlinkSync(path.join(root, 'ipei_02c332b510.xml'), path.join(root, 'handset', 'ipei_02c332b513.xml'));
  // A sibling whose name starts with the served folder's: `root-private/` is not inside `root/`.
  mkdirSync(path.join(scratch, 'root-private'));
  writeFileSync(path.join(scratch, 'root-private', 'ipei_02c332b514.xml'), SECRET);
  symlinkSync(path.join(scratch, 'root-private', 'ipei_02c332b514.xml'), path.join(root, 'ipei_02c332b514.xml'));
  symlinkSync(path.join(scratch, 'root-private'), path.join(root, 'private'));
  server = await startProvisioningServer({ root, basePath: '/gs', log: (e) => logged.push(e) });
});

after(async () => {
  await server.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** The log entry for a path: a download is logged once it is complete, which may be just after the client has it. */
async function loggedFor(requested: string): Promise<RequestLogEntry> {
  for (let i = 0; i < 100; i++) {
    const entry = [...logged].reverse().find((e) => e.path === requested);
    if (entry) return entry;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`nothing logged for ${requested}`);
}

const url = (p: string) => `http://127.0.0.1:${server.address.port}${p}`;

/** Sends a request line exactly as written (fetch would normalise `..` and `%2e%2e` away). */
function raw(target: string, method = 'GET'): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.address.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text });
    });
    socket.write(`${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`, 'latin1');
  });
}

test('listens on 127.0.0.1 by default, on the free port it was given 0 for', () => {
  assert.equal(server.address.host, '127.0.0.1');
  assert.ok(server.address.port > 0);
  assert.equal(server.address.url, `http://127.0.0.1:${server.address.port}/gs/`);
});

test('a plain file is found under the base path and logged with its IPEI', async () => {
  const res = await fetch(url('/gs/ipei_02c332b510.xml'));
  assert.equal(res.status, 200);
  assert.equal(await res.text(), PLAIN);
  assert.match(res.headers.get('content-type') ?? '', /^text\/xml/);
  assert.equal(res.headers.get('cache-control'), 'no-store', 'a base station must not get a stale copy');
  const entry = await loggedFor('/gs/ipei_02c332b510.xml');
  assert.deepEqual({ ...entry, time: 'T', client: 'C' }, {
    time: 'T', client: 'C', method: 'GET', path: '/gs/ipei_02c332b510.xml', ipei: '02c332b510', status: 200, result: 'found', encrypted: false,
  });
  assert.match(entry.time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  assert.match(entry.client, /127\.0\.0\.1/);
  assert.match(formatRequestLog(entry), /^\S+Z \S*127\.0\.0\.1 GET \/gs\/ipei_02c332b510\.xml ipei 02c332b510 200 found plain$/);
});

test('a prefix folder and a postfix are just part of the path; encrypted files are told apart', async () => {
  const res = await fetch(url('/gs/handset/ipei_02c332b511.xml.enc'));
  assert.equal(res.status, 200);
  assert.deepEqual(Buffer.from(await res.arrayBuffer()), ENCRYPTED);
  assert.equal(res.headers.get('content-type'), 'application/octet-stream');
  assert.match(formatRequestLog(await loggedFor('/gs/handset/ipei_02c332b511.xml.enc')), / ipei 02c332b511 200 found encrypted$/);
});

test('a double slash from a server path ending in / still finds the file', async () => {
  assert.equal((await raw('/gs//ipei_02c332b510.xml')).status, 200);
});

test('HEAD answers the headers only', async () => {
  const res = await fetch(url('/gs/ipei_02c332b510.xml'), { method: 'HEAD' });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-length'), String(Buffer.byteLength(PLAIN)));
  assert.equal(await res.text(), '');
});

test('anything else is 404, and a missing handset file is logged with its IPEI', async () => {
  for (const p of ['/gs/ipei_02c332b5ff.xml', '/ipei_02c332b510.xml', '/gs/', '/gs', '/gs/handset', '/gsx/ipei_02c332b510.xml', '/', '/gs/.hidden.xml']) {
    const res = await fetch(url(p));
    assert.equal(res.status, 404, p);
    assert.doesNotMatch(await res.text(), new RegExp(SECRET));
  }
  const missing = logged.find((e) => e.path === '/gs/ipei_02c332b5ff.xml');
  assert.equal(missing && formatRequestLog(missing).replace(/^\S+ \S+ /, ''), 'GET /gs/ipei_02c332b5ff.xml ipei 02c332b5ff 404 not found');
});

test('only GET and HEAD: other methods get 405 with Allow', async () => {
  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
    const res = await fetch(url('/gs/ipei_02c332b510.xml'), { method });
    assert.equal(res.status, 405, method);
    assert.equal(res.headers.get('allow'), 'GET, HEAD');
    assert.equal(res.headers.get('content-type'), 'text/plain');
    assert.equal(await res.text(), 'Method not allowed\n');
  }
  assert.equal(logged.at(-1)?.result, 'method not allowed');
});

test('traversal attempts are refused, however they are spelt', async () => {
  const attempts = [
    '/gs/../secret.txt',
    '/gs/handset/../../secret.txt',
    '/gs/%2e%2e/secret.txt',
    '/gs/%2E%2E/secret.txt',
    '/gs/.%2e/secret.txt',
    '/gs/..%2fsecret.txt',
    '/gs/%2e%2e%2fsecret.txt',
    '/gs/..%2Fsecret.txt',
    '/gs/..%5csecret.txt',
    '/gs/..%5Csecret.txt',
    '/gs/..\\secret.txt',
    '/gs/handset\\..\\..\\secret.txt',
    '/gs/%252e%252e/secret.txt',
    '/gs/ipei_02c332b510.xml%00',
    '/gs/ipei_02c332b510.xml%00.txt',
    '/gs/%c0%ae%c0%ae/secret.txt',
    '/gs/%',
    '/gs/../../../../../../../../etc/passwd',
    `/gs/${'../'.repeat(3)}${path.join(scratch, 'secret.txt').slice(1)}`,
    `/gs/${encodeURIComponent(path.join(scratch, 'secret.txt'))}`,
    `http://127.0.0.1/gs/../secret.txt`,
  ];
  for (const target of attempts) {
    const r = await raw(target);
    assert.ok(r.status === 404 || r.status === 400, `${target}: ${r.status}`);
    assert.doesNotMatch(r.text, new RegExp(SECRET), target);
  }
});

test('a NUL byte in the request line never reaches a file', async () => {
  const r = await raw('/gs/ipei_02c332b510.xml\0');
  assert.ok(r.status === 400 || r.status === 404, String(r.status));
});

test('symbolic links: pointing outside the folder is refused, pointing inside is allowed', async () => {
  const out = await fetch(url('/gs/ipei_02c332b512.xml'));
  assert.equal(out.status, 404);
  assert.doesNotMatch(await out.text(), new RegExp(SECRET));
  assert.equal(logged.at(-1)?.reason, 'resolves outside the served folder');
  assert.equal((await fetch(url('/gs/elsewhere/ipei_02c332b599.xml'))).status, 404, 'a linked folder outside');
  for (const sibling of ['/gs/ipei_02c332b514.xml', '/gs/private/ipei_02c332b514.xml']) {
    const res = await fetch(url(sibling));
    assert.equal(res.status, 404, `${sibling} resolves into root-private/, a sibling that shares the name's start`);
    assert.doesNotMatch(await res.text(), new RegExp(SECRET));
    assert.equal(logged.at(-1)?.reason, 'resolves outside the served folder', sibling);
  }
  const inside = await fetch(url('/gs/handset/ipei_02c332b513.xml'));
  assert.equal(inside.status, 200);
  assert.equal(await inside.text(), PLAIN);
});

test('the request path reader, on its own', () => {
  assert.deepEqual(readRequestPath('/gs/handset/ipei_02c332b510.xml?x=1', '/gs/'), { segments: ['handset', 'ipei_02c332b510.xml'] });
  assert.deepEqual(readRequestPath('/a%20b.xml', '/'), { segments: ['a b.xml'] });
  assert.deepEqual(readRequestPath('/gs/%2e%2e/x', 'gs'), { refused: 'dot segment in the path' });
  assert.deepEqual(readRequestPath('/gs/a%2Fb', '/gs'), { refused: 'encoded slash in the path' });
  assert.deepEqual(readRequestPath('/other/x', '/gs'), { refused: 'outside /gs/' });
});

test('each refusal names its reason, checked in order before any file is looked for', () => {
  const reasons: [string, string, string][] = [
    ['/gs/a\\b.xml', '/gs', 'backslash in the path'],
    ['/gs/a%2fb.xml', '/gs', 'encoded slash in the path'],
    ['/gs/a%5Cb.xml', '/gs', 'encoded slash in the path'],
    ['/gs/a.xml%00', '/gs', 'NUL in the path'],
    ['/gs/a\0.xml', '/gs', 'NUL in the path'],
    ['/gsx/a.xml', '/gs', 'outside /gs/'],
    ['/gs/%E0%A4%A.xml', '/gs', 'malformed percent-encoding'],
    ['/gs/./a.xml', '/gs', 'dot segment in the path'],
    ['/gs/handset/../a.xml', '/gs', 'dot segment in the path'],
    ['/gs/.env', '/gs', 'hidden file'],
    ['/gs/', '/gs', 'no file named'],
    ['/gs//', 'gs/', 'no file named'],
  ];
  for (const [url, base, refused] of reasons) assert.deepEqual(readRequestPath(url, base), { refused }, url);
  assert.deepEqual(readRequestPath('/gs/a.xml#frag', '/gs'), { segments: ['a.xml'] });
  assert.deepEqual(readRequestPath('/gs/a.xml?\\..', '/gs'), { segments: ['a.xml'] }, 'the query is not part of the path');
  assert.deepEqual(readRequestPath('/a.xml', ''), { segments: ['a.xml'] });
  assert.deepEqual(readRequestPath('/a.xml', '///'), { segments: ['a.xml'] });
});

test('the log line shows control characters escaped', () => {
  const line = formatRequestLog({ time: 'T', client: 'C', method: 'GET', path: '/gs/\x1b[31mred', status: 404, result: 'not found' });
  assert.equal(line, 'T C GET /gs/\\x1b[31mred 404 not found');
  const odd = formatRequestLog({ time: 'T', client: 'C', method: 'GET', path: '/gs/a b\x7f\x00\t~', status: 404, result: 'not found' });
  assert.equal(odd, 'T C GET /gs/a b\\x7f\\x00\\x09~ 404 not found', 'a space is printable; DEL and the low controls get two hex digits');
});

test('a folder that does not exist is refused before listening; close() stops the server', async () => {
  await assert.rejects(startProvisioningServer({ root: path.join(scratch, 'nope') }), /No such folder/);
  await assert.rejects(startProvisioningServer({ root: path.join(root, 'ipei_02c332b510.xml') }), { message: `Not a folder: ${path.join(root, 'ipei_02c332b510.xml')}` });
  const other = await startProvisioningServer({ root });
  assert.equal((await fetch(`http://127.0.0.1:${other.address.port}/ipei_02c332b510.xml`)).status, 200);
  await other.close();
  await assert.rejects(fetch(`http://127.0.0.1:${other.address.port}/ipei_02c332b510.xml`));
});
