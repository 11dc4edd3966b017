// A minimal HTTP provisioning server: it answers what a base station requests, `/<path>/[prefix][IPEI].xml[postfix]`,
// with files from one folder (prefix folders included), and nothing outside it. Reads only; GET and HEAD only.

import { constants, realpathSync, statSync } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { ipeiFromFileName } from '../domain/ipei';
import { isXmlText } from '../domain/opensslEnc';
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
}

export interface ProvisioningServer {
  readonly address: { readonly host: string; readonly port: number; readonly url: string };
  close(): Promise<void>;
}

export async function startProvisioningServer(options: ProvisioningServerOptions): Promise<ProvisioningServer> {
  const root = servedFolder(options.root);
  const basePath = normalizeBasePath(options.basePath ?? '/');
  const log = options.log ?? (() => undefined);
  const server = createServer((req, res) => {
    answer(req, res, root, basePath)
      .then(log, (err: unknown) => log(failure(req, res, err)))
      .catch(() => undefined); // a failing log callback must not take the server down
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

async function answer(req: IncomingMessage, res: ServerResponse, root: string, basePath: string): Promise<RequestLogEntry> {
  const entry = describe(req);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain' }).end('Method not allowed\n');
    return { ...entry, status: 405, result: 'method not allowed' };
  }
  const target = readRequestPath(req.url ?? '', basePath);
  if ('refused' in target) return notFound(res, entry, target.refused);
  const file = await findFile(root, target.segments);
  if (typeof file !== 'string') return notFound(res, entry, file.reason);
  const data = await readWithoutFollowing(file);
  const encrypted = data.subarray(0, 8).toString('latin1') === 'Salted__';
  res.writeHead(200, {
    'Content-Type': !encrypted && isXmlText(data) ? 'text/xml; charset=utf-8' : 'application/octet-stream',
    'Content-Length': data.length,
    'Cache-Control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : data);
  return { ...entry, status: 200, result: 'found', encrypted };
}

function describe(req: IncomingMessage): Omit<RequestLogEntry, 'status' | 'result'> {
  const requested = req.url ?? '';
  const name = requested.replace(/[?#].*$/s, '').split('/').pop() ?? '';
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

/** Reads the resolved path refusing a symbolic link in its last step, should one appear there after the check. */
async function readWithoutFollowing(file: string): Promise<Buffer> {
  const handle = await open(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  try {
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

function failure(req: IncomingMessage, res: ServerResponse, err: unknown): RequestLogEntry {
  if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' }).end('Server error\n');
  else res.destroy();
  return { ...describe(req), status: 500, result: 'server error', reason: err instanceof Error ? err.message : String(err) };
}
