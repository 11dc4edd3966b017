// The language server's start: the transport (--stdio, --node-ipc, --socket=N) comes from the command line, and
// console output goes to the client's log instead of the protocol's stream.

import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../lsp/server';

export function runServer(): void {
  const connection = createConnection(ProposedFeatures.all);
  console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
  startServer(connection);
}
