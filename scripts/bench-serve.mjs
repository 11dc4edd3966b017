// Soak benchmark for `serve` (issue 15): against a folder of 1,000 handset files on 127.0.0.1 only, 500 slow
// connections (request headers never finished), 2,000 concurrent requests and 20 stalled downloads of a file at the
// size limit, all at once; prints the server's peak memory and what each client got, as ratios to our targets.
// The server runs in its own process with its default limits, except shorter timeouts so the run stays short.
// Clients connect from many loopback addresses (127.0.x.y), as a fleet of base stations would, so the
// per-address connection cap applies as it would in the field. Usage: npm run bench:serve (needs out/).
import { Buffer } from 'node:buffer';
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setInterval } from 'node:timers';
import { fileURLToPath, pathToFileURL } from 'node:url';

const LIMITS = { headersTimeoutMs: 3_000, requestTimeoutMs: 5_000, idleTimeoutMs: 3_000, maxConnections: 4_096 };
const FILES = 1_000;
const REQUESTS = 2_000;
const SLOW = 500;
const STALLED = 20;
const PER_ADDRESS = 16; // the server's default cap per client address
const TARGETS = { peakRssGrowthMB: 150, requestsMs: 10_000, slowClosedS: LIMITS.headersTimeoutMs / 1000 + 3 };

if (process.argv[2] === '--server') await serve(process.argv[3]);
else await soak();

async function serve(root) {
  const { startProvisioningServer, SERVE_LIMITS } = await import(pathToFileURL(path.resolve('out', 'server', 'src', 'deploy', 'provisioningServer.js')).href);
  globalThis.gc?.();
  const baseline = process.memoryUsage();
  const peak = { rss: baseline.rss, heap: baseline.heapUsed };
  const sample = () => {
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heap = Math.max(peak.heap, m.heapUsed);
  };
  setInterval(sample, 10).unref();
  let refused = 0;
  const big = { sent: 0, brokenOff: 0 };
  const log = (e) => {
    if (e.status === 503) refused++;
    if (e.path === '/ipei_02c3ffffff.xml') big[e.reason ? 'brokenOff' : 'sent']++;
  };
  const server = await startProvisioningServer({ root, limits: LIMITS, log });
  process.on('message', async (m) => {
    sample();
    if (m === 'report') process.send({ baseline: { rss: baseline.rss, heap: baseline.heapUsed }, peak, refused, big });
    if (m === 'stop') {
      await server.close();
      process.exit(0);
    }
  });
  process.send({ port: server.address.port, limits: { ...SERVE_LIMITS, ...LIMITS } });
}

async function soak() {
  const root = mkdtempSync(path.join(tmpdir(), 'hsconfig-bench-serve-'));
  const names = Array.from({ length: FILES }, (_, i) => `ipei_02c3${i.toString(16).padStart(6, '0')}.xml`);
  for (const [i, name] of names.entries()) writeFileSync(path.join(root, name), handset(i));
  const child = fork(fileURLToPath(import.meta.url), ['--server', root], { execArgv: ['--expose-gc'] });
  const messages = [];
  child.on('message', (m) => messages.push(m));
  const next = async () => {
    while (messages.length === 0) await new Promise((r) => setTimeout(r, 5));
    return messages.shift();
  };
  const { port, limits } = await next();
  writeFileSync(path.join(root, 'ipei_02c3ffffff.xml'), Buffer.alloc(limits.maxFileSize, 'x'));
  const address = (block, i) => `127.0.${block}.${Math.floor(i / PER_ADDRESS) + 1}`;
  const guard = setTimeout(() => {
    console.error('bench-serve: gave up after 120 s');
    child.kill();
    process.exit(1);
  }, 120_000);

  const start = performance.now();
  const slow = Array.from({ length: SLOW }, (_, i) => slowConnection(port, address(2, i), start));
  const stalled = Array.from({ length: STALLED }, (_, i) => stalledDownload(port, address(3, i)));
  const crowd = Array.from({ length: 40 }, () => firstBytes(port, '127.0.4.1'));
  const requests = Array.from({ length: REQUESTS }, (_, i) => get(port, `/${names[(i * 7919) % FILES]}`, address(1, i)));
  const answers = await Promise.all(requests);
  const requestsMs = performance.now() - start;
  const slowClosed = await Promise.all(slow);
  const crowdRefused = (await Promise.all(crowd)).filter((b) => b.startsWith('HTTP/1.1 503')).length;
  child.send('report');
  const { baseline, peak, refused, big } = await next();
  for (const socket of stalled) socket.destroy();
  child.send('stop');
  clearTimeout(guard);
  rmSync(root, { recursive: true, force: true });

  const count = (status) => answers.filter((a) => a === status).length;
  console.log(`serve soak: ${FILES} files; ${REQUESTS} concurrent requests, ${SLOW} slow connections, ${STALLED} stalled downloads of a ${(limits.maxFileSize / 1e6).toFixed(1)} MB file; ${PER_ADDRESS} connections per address`);
  console.log(`  requests: ${count(200)} × 200, ${count(503)} × 503, ${answers.filter((a) => a !== 200 && a !== 503).length} failed; the server logged ${refused} refusals`);
  console.log(`  slow connections closed by the server: ${slowClosed.filter(Boolean).length} of ${SLOW}, the last after ${Math.max(...slowClosed.map((s) => s ?? Infinity)).toFixed(1)} s`);
  console.log(`  40 connections at once from one address: ${crowdRefused} answered 503 at once (the cap is ${PER_ADDRESS})`);
  console.log(`  stalled downloads (never read): ${big.sent} handed whole to the socket buffers, ${big.brokenOff} cut off by the idle timeout, ${STALLED - big.sent - big.brokenOff} still open`);
  console.log(`  server memory: baseline RSS ${(baseline.rss / 1e6).toFixed(1)} MB, peak RSS ${(peak.rss / 1e6).toFixed(1)} MB, peak heap ${(peak.heap / 1e6).toFixed(1)} MB`);
  row(`${REQUESTS} concurrent requests answered`, requestsMs, 'ms', TARGETS.requestsMs);
  row('server peak RSS growth', (peak.rss - baseline.rss) / 1e6, 'MB', TARGETS.peakRssGrowthMB);
  row('slow connections: the last one closed after', Math.max(...slowClosed.map((s) => s ?? Infinity)), 's', TARGETS.slowClosedS);
  if (count(200) !== REQUESTS || slowClosed.some((s) => s === undefined)) process.exitCode = 1;
}

function row(name, value, unit, target) {
  console.log(`${name.padEnd(44)} ${value.toFixed(1).padStart(9)} ${unit.padEnd(3)} target ${String(target).padStart(6)} ${unit.padEnd(3)} ratio ${(value / target).toFixed(2)}`);
}

function handset(i) {
  const ipei = `02c3${i.toString(16).padStart(6, '0')}`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<hs_config>\n  <ipei>${ipei}</ipei>\n  <hs_name>HS ${i}</hs_name>\n  <sip>\n    <line>\n      <profile_name>profile1</profile_name>\n      <user_id>${5000 + i}</user_id>\n      <password>pw${i}</password>\n    </line>\n  </sip>\n</hs_config>\n`;
}

/** The status, or 0 when the connection failed. */
function get(port, urlPath, localAddress) {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: urlPath, localAddress, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
      res.on('error', () => resolve(0));
    });
    req.on('error', () => resolve(0));
    req.end();
  });
}

/** Sends half a request and waits; resolves with the seconds until the server closed it (undefined after 30 s). */
function slowConnection(port, localAddress, start) {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port, localAddress }, () => socket.write('GET /ipei_02c3000001.xml HTTP/1.1\r\nHost: x\r\nX-Slow: '));
    socket.on('data', () => undefined);
    socket.on('error', () => undefined);
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(undefined);
    }, 30_000);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve((performance.now() - start) / 1000);
    });
  });
}

/** Opens a connection and sends nothing; resolves with what the server sent before closing it. */
function firstBytes(port, localAddress) {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port, localAddress });
    let got = '';
    socket.on('data', (d) => (got += d.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(got));
  });
}

/** Requests the largest file and never reads a byte of it; the socket stays open until the end of the run. */
function stalledDownload(port, localAddress) {
  const socket = connect({ host: '127.0.0.1', port, localAddress }, () => socket.write('GET /ipei_02c3ffffff.xml HTTP/1.1\r\nHost: x\r\n\r\n'));
  socket.pause();
  socket.on('error', () => undefined);
  return socket;
}
