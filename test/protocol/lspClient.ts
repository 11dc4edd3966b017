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

  constructor() {
    this.child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.child.stdout!),
      new StreamMessageWriter(this.child.stdin!),
    );
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.published.push(p);
      this.waiters.splice(0).forEach((w) => w());
    });
    this.connection.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => this.settings));
    this.connection.listen();
  }

  async initialize(configuration = true, workspaceFolders: WorkspaceFolder[] | null = null): Promise<InitializeResult> {
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration } },
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

  async dispose(): Promise<void> {
    this.connection.dispose();
    this.child.kill();
    await new Promise((resolve) => (this.child.exitCode !== null ? resolve(undefined) : this.child.once('exit', resolve)));
  }
}
