// `hsconfig serve`: a provisioning server for testing handset files against a real base station, one log line per
// request, until Ctrl+C.

import { parseArgs } from 'node:util';
import { startProvisioningServer } from '../../../shared/serve/provisioningServer';
import { formatRequestLog } from '../../../shared/serve/requestLog';
import { protocolNote, servedPath } from '../../../shared/serve/servePath';
import { CliSites } from './cliSites';
import type { Command } from './command';
import { UsageError } from './files';

export const serveCommand: Command = {
  usage: [
    '  serve [--port N] [--host ADDRESS] [--path /gs] <folder>',
    '      Serve the folder over HTTP as a base station requests it: /<path>/[prefix][IPEI].xml[postfix]. Logs',
    '      each request; GET and HEAD only; nothing outside the folder. Listens on 127.0.0.1 (this machine only)',
    '      unless --host says otherwise; port 8080 by default, 0 picks a free one. Ctrl+C stops it. Files over 1 MB',
    '      are refused (403); one address may hold 16 connections; idle or slow connections are closed after 30 s.',
    '      Without --path, the path is that of the Config Server Path (P237) of the folder\'s site (see Sites: its',
    '      base-station config, or servePath in hsconfig.json, in the folder or above), else /.',
  ].join('\n'),
  sites: true,
  async run(args) {
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: { port: { type: 'string', default: '8080' }, host: { type: 'string', default: '127.0.0.1' }, path: { type: 'string' } },
    });
    if (positionals.length !== 1) throw new UsageError('serve takes exactly one folder.');
    const port = readPort(values.port);
    const served = servedPathOf(positionals[0], values.path);
    const server = await startProvisioningServer({
      root: positionals[0],
      host: values.host,
      port,
      basePath: served.path,
      log: (entry) => console.log(formatRequestLog(entry)),
    }).catch((err: NodeJS.ErrnoException) => {
      throw new Error(listenProblem(err, values.host, port));
    });
    console.log(`Serving ${positionals[0]} at ${server.address.url} (Ctrl+C to stop)`);
    for (const line of served.notes) console.error(line);
    for (const line of hostAdvice(server.address.host, server.address.port, server.address.url)) console.error(line);
    await signalled();
    await server.close();
    console.error('Stopped.');
    return 0;
  },
};

/** `--path`, else the path part of the served folder's site's Config Server Path (P237), as the editor takes it. */
function servedPathOf(folder: string, given: string | undefined): { path: string; notes: string[] } {
  if (given !== undefined) return { path: given, notes: [] };
  const sites = new CliSites();
  const site = sites.ofFolder(folder);
  const served = servedPath({ configServerPath: site.model?.provisioning.serverPath ?? site.project.servePath });
  const from = sites.sourceOf(site);
  const notes = served.from === 'baseStation' ? [`hsconfig: the path ${served.path} is that of the Config Server Path (P237) in ${from}; --path changes it.`] : [];
  const protocol = protocolNote(site.model?.provisioning.protocol);
  if (protocol) notes.push(`hsconfig: warning:${protocol}`);
  return { path: served.path, notes };
}

function readPort(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new UsageError(`--port takes a number from 0 to 65535, not ${value}.`);
  return Number(value);
}

function listenProblem(err: NodeJS.ErrnoException, host: string, port: number): string {
  if (err.code === 'EADDRINUSE') return `Port ${port} on ${host} is in use; choose another with --port (0 picks a free one).`;
  if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND') return `This machine has no address ${host}.`;
  if (err.code === 'EACCES') return `Not allowed to listen on port ${port}; ports below 1024 need privileges.`;
  return err.message;
}

function hostAdvice(host: string, port: number, url: string): string[] {
  const serverPath = `${port}${new URL(url).pathname.replace(/\/$/, '')}`;
  if (host === '127.0.0.1' || host === '::1') {
    return [`Only this machine can connect. For a base station, serve on an address it can reach (--host 0.0.0.0) and set its config server path to <this machine's address>:${serverPath}.`];
  }
  const address = host === '0.0.0.0' || host === '::' ? "<this machine's address>" : host;
  return [
    `Set the base station's config server path to ${address}:${serverPath}.`,
    'hsconfig: warning: anyone who can reach this address can fetch these files; plain files hold SIP passwords in clear, so encrypt them.',
  ];
}

function signalled(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
