// The door in front of `npm start`'s code-server, which itself listens only on a socket in the run's private folder:
// answers on 127.0.0.1 only to requests that name this machine in Host (a web page rebinding its own name to
// 127.0.0.1 is refused) and that carry this run's token, given once in the printed URL and kept in a cookie.
import { Buffer } from 'node:buffer';
import { timingSafeEqual } from 'node:crypto';
import * as http from 'node:http';
import * as net from 'node:net';

const TOKEN_PARAM = 'tkn';

function sameToken(given, token) {
  const a = Buffer.from(String(given ?? ''));
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookie(req, name) {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

/** Why a request is refused, or undefined. `hosts` are the Host values this machine answers to. */
export function refusal(req, { hosts, token, cookieName }) {
  if (!hosts.includes(req.headers.host ?? '')) return { status: 403, text: `Refused: this server answers only to ${hosts[0]}, not to the host "${req.headers.host ?? ''}".` };
  const origin = req.headers.origin;
  if (origin !== undefined && !hosts.some((h) => origin === `http://${h}`)) return { status: 403, text: `Refused: a request from ${origin}.` };
  if (!sameToken(cookie(req, cookieName), token)) return { status: 401, text: 'Open the URL that npm start printed: it carries the token of this run.' };
  return undefined;
}

/**
 * Listens on 127.0.0.1:`port` and passes what it lets in, HTTP and WebSocket alike, to code-server's socket.
 * Resolves with `close()` once listening.
 */
export function startGuard({ port, socketPath, token }) {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
  const cookieName = `hsconfig-start-${port}`;
  const rules = { hosts, token, cookieName };
  // WebSockets leave the HTTP server's books once upgraded; close() ends them itself, or it would wait for the browser.
  const tunnels = new Set();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${hosts[0]}`);
    if (hosts.includes(req.headers.host ?? '') && sameToken(url.searchParams.get(TOKEN_PARAM), token)) {
      // The token from the printed URL becomes a cookie, and the address bar loses it.
      url.searchParams.delete(TOKEN_PARAM);
      res.writeHead(302, { Location: url.pathname + url.search, 'Set-Cookie': `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/` }).end();
      return;
    }
    const refused = refusal(req, rules);
    if (refused) return void res.writeHead(refused.status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`${refused.text}\n`);
    const upstream = http.request({ socketPath, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.headersSent ? res.destroy() : res.writeHead(502).end('code-server is not answering\n'));
    req.pipe(upstream);
  });
  server.on('upgrade', (req, socket, head) => {
    const refused = refusal(req, rules);
    if (refused) return void socket.end(`HTTP/1.1 ${refused.status} Refused\r\nConnection: close\r\n\r\n`);
    const upstream = net.connect(socketPath, () => {
      const headers = Object.entries(req.headers).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${k}: ${x}\r\n`));
      upstream.write(`${req.method} ${req.url} HTTP/${req.httpVersion}\r\n${headers.join('')}\r\n`);
      if (head.length) upstream.write(head);
      upstream.pipe(socket).pipe(upstream);
    });
    const tunnel = () => (socket.destroy(), upstream.destroy());
    tunnels.add(tunnel);
    const end = () => (tunnels.delete(tunnel), tunnel());
    for (const side of [upstream, socket]) side.on('error', end).on('close', end);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      resolve({
        port,
        /** The URL to print: `pathAndQuery` with this run's token added. */
        url: (pathAndQuery) => {
          const url = new URL(pathAndQuery, `http://${hosts[0]}`);
          url.searchParams.set(TOKEN_PARAM, token);
          return url.toString();
        },
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
            for (const tunnel of tunnels) tunnel();
          }),
      });
    });
  });
}
