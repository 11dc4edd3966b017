// A minimal HTTP provisioning server: it answers what a base station requests, `/<path>/[prefix][IPEI].xml[postfix]`,
// with files from one folder (prefix folders included), and nothing outside it. Reads only; GET and HEAD only.

import { constants, realpathSync, statSync } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { pipeline } from 'node:stream/promises';
import * as path from 'node:path';
import { ipeiFromFileName } from '../domain/ipei';
import { hasSaltedHeader } from '../domain/textBytes';
import type { RequestLogEntry } from './requestLog';
import { normalizeBasePath, readRequestPath } from './requestPath';

export interface ProvisioningServerOptions {
  /** The folder to serve. */
  readonly root: string;
  /** Default 127.0.0.1: only this machine. A base station needs an address it can reach. */
  readonly host?: string;
  /** Default 0: any free port. */
  readonly port?: number;
  /** The path part of the base station's config server path, such as `/gs`. Default `/`. */
  readonly basePath?: string;
  readonly log?: (entry: RequestLogEntry) => void;
  /** Limits; each has a default (SERVE_LIMITS). */
  readonly limits?: Partial<ServeLimits>;
}

export interface ServeLimits {
  /** Larger files are refused (403) with a log line: handset files are a few kilobytes. */
  readonly maxFileSize: number;
  /** Connections one client address may hold at once; more are answered 503 and closed. */
  readonly maxConnectionsPerClient: number;
  /** Connections in all. */
  readonly maxConnections: number;
  /** Time a client has to send its request headers, and its whole request. */
  readonly headersTimeoutMs: number;
  readonly requestTimeoutMs: number;
  /** A connection on which nothing moves (no request, a stalled download) is closed after this long. */
  readonly idleTimeoutMs: number;
  /** How long a kept-alive connection waits for the next request. */
  readonly keepAliveTimeoutMs: number;
}

export const SERVE_LIMITS: ServeLimits = {
  maxFileSize: 1024 * 1024,
  maxConnectionsPerClient: 16,
  maxConnections: 1024,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  idleTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
};

export interface ProvisioningServer {
  readonly address: { readonly host: string; readonly port: number; readonly url: string };
  close(): Promise<void>;
}

export async function startProvisioningServer(options: ProvisioningServerOptions): Promise<ProvisioningServer> {
  const root = servedFolder(options.root);
  const basePath = normalizeBasePath(options.basePath ?? '/');
  const log = options.log ?? (() => undefined);
  const limits = { ...SERVE_LIMITS, ...options.limits };
  // Timeouts are checked every second, not every 30 s (node's default), so a slow client is cut off on time.
  const server = createServer({ connectionsCheckingInterval: Math.min(1_000, limits.headersTimeoutMs) }, (req, res) => {
    answer(req, res, root, basePath, limits)
      .then(log, (err: unknown) => log(failure(req, res, err)))
      .catch(() => undefined); // a failing log callback must not take the server down
  });
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.maxConnections = limits.maxConnections;
  server.setTimeout(limits.idleTimeoutMs, (socket) => socket.destroy());
  capConnectionsPerClient(server, limits.maxConnectionsPerClient, (entry) => {
    try {
      log(entry);
    } catch {
      // as above
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address: host, port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}${basePath}`;
  return {
    address: { host, port, url },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function servedFolder(folder: string): string {
  let real: string;
  try {
    real = realpathSync(folder);
  } catch {
    throw new Error(`No such folder: ${folder}`);
  }
  if (!statSync(real).isDirectory()) throw new Error(`Not a folder: ${folder}`);
  return real;
}

/** More connections from one address than the limit are answered 503 at once and closed, with a log line. */
function capConnectionsPerClient(server: Server, max: number, log: (entry: RequestLogEntry) => void): void {
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const client = socket.remoteAddress ?? 'unknown';
    const count = (open.get(client) ?? 0) + 1;
    if (count > max) {
      socket.end(`HTTP/1.1 503 Service Unavailable\r\nRetry-After: 5\r\nContent-Type: text/plain\r\nContent-Length: 22\r\nConnection: close\r\n\r\nToo many connections\r\n`);
      socket.destroySoon();
      log({ time: new Date().toISOString(), client, method: '-', path: '-', status: 503, result: 'refused', reason: `more than ${max} connections at once from this address` });
      return;
    }
    open.set(client, count);
    socket.once('close', () => {
      const left = (open.get(client) ?? 1) - 1;
      if (left > 0) open.set(client, left);
      else open.delete(client);
    });
  });
}

async function answer(req: IncomingMessage, res: ServerResponse, root: string, basePath: string, limits: ServeLimits): Promise<RequestLogEntry> {
  const entry = describe(req);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain' }).end('Method not allowed\n');
    return { ...entry, status: 405, result: 'method not allowed' };
  }
  const target = readRequestPath(req.url ?? '', basePath);
  if ('refused' in target) return notFound(res, entry, target.refused);
  const file = await findFile(root, target.segments);
  if (typeof file !== 'string') return notFound(res, entry, file.reason);
  // Opened refusing a symbolic link in its last step, should one appear there after the check, and without waiting
  // should a FIFO appear there: its type is checked again on the open file.
  const handle = await open(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  let streaming = false;
  try {
    const stats = await handle.stat();
    const { size } = stats;
    if (!stats.isFile()) return notFound(res, entry, 'not a file');
    if (size > limits.maxFileSize) {
      res.writeHead(403, { 'Content-Type': 'text/plain' }).end('File too large for a handset file\n');
      return { ...entry, status: 403, result: 'too large', reason: `${size.toLocaleString('en')} bytes, over the ${limits.maxFileSize.toLocaleString('en')}-byte limit for handset files` };
    }
    const head = Buffer.alloc(Math.min(size, HEAD_BYTES));
    await handle.read(head, 0, head.length, 0);
    const encrypted = hasSaltedHeader(head);
    res.writeHead(200, {
      'Content-Type': !encrypted && looksLikeXmlText(head) ? 'text/xml; charset=utf-8' : 'application/octet-stream',
      'Content-Length': size,
      'Cache-Control': 'no-store',
    });
    if (req.method === 'HEAD') {
      res.end();
      return { ...entry, status: 200, result: 'found', encrypted };
    }
    // Streamed: a stalled download holds one small buffer, not the file.
    streaming = true;
    try {
      await pipeline(handle.createReadStream({ start: 0, end: Math.max(size - 1, 0), autoClose: true }), res);
    } catch {
      return { ...entry, status: 200, result: 'found', encrypted, reason: 'the download was broken off (the client closed the connection, or it stalled past the idle timeout)' };
    }
    return { ...entry, status: 200, result: 'found', encrypted };
  } finally {
    if (!streaming) await handle.close();
  }
}

const HEAD_BYTES = 4096;

/** UTF-8 text (a character cut off at the end of the head is fine) that starts with `<` after a BOM and white space. */
function looksLikeXmlText(head: Buffer): boolean {
  try {
    return /^\uFEFF?\s*</.test(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(head, { stream: true }));
  } catch {
    return false;
  }
}

function describe(req: IncomingMessage): Omit<RequestLogEntry, 'status' | 'result'> {
  const requested = req.url ?? '';
  const name = requested.split(/[?#]/, 1)[0].split('/').pop() ?? '';
  return {
    time: new Date().toISOString(),
    client: req.socket.remoteAddress ?? 'unknown',
    method: req.method ?? '?',
    path: requested,
    ipei: ipeiFromFileName(name)?.toLowerCase(),
  };
}

function notFound(res: ServerResponse, entry: Omit<RequestLogEntry, 'status' | 'result'>, reason?: string): RequestLogEntry {
  res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found\n');
  return { ...entry, status: 404, result: 'not found', reason };
}

/** The real path of a regular file inside `root`, or why there is none. Symbolic links may point anywhere inside. */
async function findFile(root: string, segments: readonly string[]): Promise<string | { reason?: string }> {
  let real: string;
  try {
    real = await realpath(path.join(root, ...segments));
  } catch {
    return {};
  }
  const inside = root.endsWith(path.sep) ? root : root + path.sep;
  if (!real.startsWith(inside)) return { reason: 'resolves outside the served folder' };
  try {
    if (!statSync(real).isFile()) return { reason: 'not a file' };
  } catch {
    return {};
  }
  return real;
}

function failure(req: IncomingMessage, res: ServerResponse, err: unknown): RequestLogEntry {
  if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' }).end('Server error\n');
  else res.destroy();
  return { ...describe(req), status: 500, result: 'server error', reason: err instanceof Error ? err.message : String(err) };
}
