// A language-server session over stdio for the benchmarks: dist/server.js spawned, initialized with an optional
// workspace folder (workspace diagnostics on), with every diagnostics notification recorded with its arrival time.

import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const rpc = require('vscode-languageserver-protocol/node');

export class Session {
  /** `folder`: a workspace folder, with workspace diagnostics (the folder's problems) turned on. */
  constructor(folder) {
    this.folder = folder;
    this.child = spawn(process.execPath, [path.resolve('dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.conn = rpc.createProtocolConnection(new rpc.StreamMessageReader(this.child.stdout), new rpc.StreamMessageWriter(this.child.stdin));
    this.waiting = new Map();
    this.published = [];
    /** Called with every notification's params, after it is recorded. */
    this.onPublish = () => undefined;
    this.conn.onNotification(rpc.PublishDiagnosticsNotification.type, (p) => {
      this.published.push({ uri: p.uri, version: p.version, count: p.diagnostics.length, at: performance.now() });
      this.onPublish(p);
      const w = this.waiting.get(`${p.uri}@${p.version}`);
      if (w) w();
    });
    this.conn.onRequest(rpc.ConfigurationRequest.type, (p) => p.items.map(() => (folder ? { workspaceDiagnostics: { enable: true } } : {})));
    this.conn.onRequest(rpc.WorkDoneProgressCreateRequest.type, () => null);
    this.conn.listen();
  }
  async start() {
    await this.conn.sendRequest(rpc.InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true, workspaceFolders: true } }, workspaceFolders: this.folder ? [{ uri: pathToFileURL(this.folder).toString(), name: 'bench' }] : null });
    await this.conn.sendNotification(rpc.InitializedNotification.type, {});
  }
  diagnosticsFor(uri, version) {
    return new Promise((resolve) => this.waiting.set(`${uri}@${version}`, resolve));
  }
  async open(uri, text, languageId = 'hsconfig') {
    const got = this.diagnosticsFor(uri, 1);
    await this.conn.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    await got;
  }
  /** Types one character (or deletes the one typed before) at `position`; resolves when its diagnostics arrive. */
  key(uri, version, position, typing) {
    const sent = performance.now();
    const got = this.diagnosticsFor(uri, version).then(() => performance.now() - sent);
    this.change(uri, version, position, typing);
    return got;
  }
  change(uri, version, position, typing) {
    const range = typing ? { start: position, end: position } : { start: position, end: { line: position.line, character: position.character + 1 } };
    void this.conn.sendNotification(rpc.DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range, text: typing ? 'x' : '' }] });
  }
  async dispose() {
    this.conn.dispose();
    this.child.kill();
  }
}

