// What the provisioning server answers for the files a folder may really hold (empty, with a BOM, not UTF-8, long),
// where it listens, and that a log callback that fails never takes it down.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { startProvisioningServer, type ProvisioningServer } from '../../server/src/deploy/provisioningServer';
import type { RequestLogEntry } from '../../server/src/deploy/requestLog';
import { readRequestPath } from '../../server/src/deploy/requestPath';

const root = mkdtempSync(path.join(tmpdir(), 'hsconfig-serve-answers-'));
const logged: RequestLogEntry[] = [];
let server: ProvisioningServer;

/** A UTF-8 XML file whose 4096th byte is the first of a two-byte character. */
const LONG_XML = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<hs_config>\n<!--${'a'.repeat(4095 - 45)}é${'b'.repeat(100)}-->\n</hs_config>\n`, 'utf8');

before(async () => {
  writeFileSync(path.join(root, 'empty.xml'), '');
  writeFileSync(path.join(root, 'bom.xml'), '\uFEFF \r\n\t<hs_config/>\n');
  writeFileSync(path.join(root, 'latin1.xml'), Buffer.from('<hs_config><hs_name>Caf\xe9</hs_name></hs_config>\n', 'latin1'));
  writeFileSync(path.join(root, 'text.xml'), 'not xml\n');
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
  const res = await fetch(url('/bom.xml'), { method: 'HEAD' });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'text/xml; charset=utf-8');
  const entry = await loggedFor('/bom.xml');
  assert.deepEqual([entry.method, entry.status, entry.result, entry.encrypted], ['HEAD', 200, 'found', false]);
});

test('a folder is not a file: 404, logged with the reason', async () => {
  const res = await fetch(url('/folder'));
  assert.equal(res.status, 404);
  assert.equal(await res.text(), 'Not found\n');
  assert.equal((await loggedFor('/folder')).reason, 'not a file');
});

test('the IPEI of a request is logged in lower case, whatever its query', async () => {
  const res = await fetch(url('/IPEI_02C332B5FF.xml?v=1'));
  assert.equal(res.status, 404);
  await res.text();
  assert.equal((await loggedFor('/IPEI_02C332B5FF.xml?v=1')).ipei, '02c332b5ff');
});

/** One request on its own connection, as written; the status line of the answer ('' if none). */
function rawStatus(port: number, method = 'GET', target = '/ipei_02c332b510.xml'): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
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
