// A minimal LSP client for protocol tests: spawns dist/server.js --stdio and speaks JSON-RPC to it.

import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import {
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  ConfigurationRequest,
  DiagnosticRefreshRequest,
  RegistrationRequest,
  UnregistrationRequest,
  type ClientCapabilities,
  type Registration,
  DidChangeTextDocumentNotification,
  type InitializeResult,
  type WorkspaceFolder,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export const SERVER = path.join(__dirname, '..', '..', '..', 'dist', 'server.js');

export class LspClient {
  private readonly child: ChildProcess;
  readonly connection: ProtocolConnection;
  private readonly published: PublishDiagnosticsParams[] = [];
  private readonly waiters: (() => void)[] = [];
  /** What the server gets when it asks for `hsconfig` settings. */
  settings: Record<string, unknown> = {};
  /** What the server registered dynamically and has not unregistered, by id. */
  readonly registrations = new Map<string, Registration>();
  /** How often the server asked the client to pull diagnostics again. */
  diagnosticRefreshes = 0;
  /** How the server process ended, once it has: a request pending then would otherwise wait for ever. */
  private exited: string | undefined;
  private disposing = false;

  constructor() {
    // stderr through this process rather than inherited: a server that outlived the test would hold the test
    // runner's pipe open, and the runner waits for it to close before it starts the next file.
    this.child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.pipe(process.stderr, { end: false });
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.child.stdout!),
      new StreamMessageWriter(this.child.stdin!),
    );
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.published.push(p);
      this.waiters.splice(0).forEach((w) => w());
    });
    this.connection.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => this.settings));
    this.connection.onRequest(RegistrationRequest.type, (p) => {
      for (const r of p.registrations) this.registrations.set(r.id, r);
      this.waiters.splice(0).forEach((w) => w());
    });
    this.connection.onRequest(UnregistrationRequest.type, (p) => {
      for (const r of p.unregisterations) this.registrations.delete(r.id);
    });
    this.connection.onRequest(DiagnosticRefreshRequest.type, () => {
      this.diagnosticRefreshes++;
      this.waiters.splice(0).forEach((w) => w());
    });
    // vscode-jsonrpc leaves a request pending for ever when the stream closes; disposing rejects it, so a server
    // that dies fails the test that was waiting on it instead of hanging the run.
    this.child.once('exit', (code, signal) => {
      this.exited = `the server exited (${signal ?? `code ${code}`})`;
      if (!this.disposing) process.stderr.write(`lspClient: ${this.exited} while a test was using it\n`);
      this.connection.dispose();
      this.waiters.splice(0).forEach((w) => w());
    });
    this.connection.listen();
  }

  async initialize(configuration = true, workspaceFolders: WorkspaceFolder[] | null = null, capabilities: ClientCapabilities = {}): Promise<InitializeResult> {
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: { ...capabilities, workspace: { ...capabilities.workspace, configuration } },
      workspaceFolders,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  open(uri: string, text: string, version = 1, languageId = 'hsconfig'): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version, text },
    });
  }

  replace(uri: string, text: string, version: number): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  changeConfiguration(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    return this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { hsconfig: settings } });
  }

  /** The next diagnostics published for `uri` that satisfy `accept` (earlier ones are consumed). */
  async diagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 5000): Promise<PublishDiagnosticsParams> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const i = this.published.findIndex((p) => p.uri === uri && accept(p));
      if (i >= 0) return this.published.splice(0, i + 1)[i];
      if (this.exited) throw new Error(`No matching diagnostics for ${uri}: ${this.exited}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`No matching diagnostics for ${uri} within ${timeoutMs} ms; got ${JSON.stringify(this.published)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Every diagnostics notification received so far and not consumed by `diagnostics`. */
  get unconsumedPublished(): readonly PublishDiagnosticsParams[] {
    return this.published;
  }

  /** Waits until `ready()` holds, re-checking whenever the server sends something this client records. */
  async until<T>(what: string, ready: () => T | undefined, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = ready();
      if (value !== undefined) return value;
      if (this.exited) throw new Error(`${what}: ${this.exited}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`${what}: not within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 100));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Ends the server: SIGTERM, then SIGKILL if it is still there after 5 s. */
  async dispose(): Promise<void> {
    this.disposing = true;
    this.connection.dispose();
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exit = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill();
    const killed = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await exit;
    clearTimeout(killed);
  }
}
