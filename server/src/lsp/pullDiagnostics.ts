// Pull diagnostics (LSP 3.17), for clients that ask for them (textDocument/diagnostic, workspace/diagnostic) instead
// of being sent them. Open documents are checked when asked, after the same cost-based wait as a pushed check, and a
// request overtaken by a newer version is cancelled, not answered with old diagnostics. The workspace pull answers
// with the closed files whose problems the client does not hold yet, and otherwise waits until the folder changes.

import {
  DocumentDiagnosticRequest,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type DiagnosticOptions,
  type Disposable,
  type DocumentDiagnosticReport,
  type TextDocuments,
  type WorkspaceDiagnosticParams,
  type WorkspaceDiagnosticReport,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { documentReport, workspaceReports } from './diagnosticReports';
import type { DiagnosticsScheduler } from './diagnosticsScheduler';
import { LANGUAGE_IDS } from '../../../shared/languageIds';
import type { WorkspaceDiagnostics } from './workspaceDiagnostics';

/** Names the client's diagnostic collection for pulled results. */
export const DIAGNOSTIC_IDENTIFIER = 'hsconfig';

export interface PullContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly workspace: WorkspaceDiagnostics;
  readonly scheduler: DiagnosticsScheduler;
  /** An open document's problems now: its own, and the folder's for a handset file. */
  readonly diagnosticsFor: (document: TextDocument) => Diagnostic[];
  /** Resolves once the client's settings are known (nothing is checked before). */
  readonly ready: Promise<void>;
  /** Whether the client takes `workspace/diagnostic/refresh`. */
  readonly canRefresh: boolean;
}

/**
 * What the server offers. Workspace pulls are offered only with workspace diagnostics on, which needs a registration
 * after the settings are known; a client that cannot register dynamically gets them offered always, and a workspace
 * pull then stays empty while they are off.
 */
export function diagnosticOptions(workspaceDiagnostics: boolean): DiagnosticOptions {
  // A handset file's problems depend on the other files of the folder (two files for one IPEI, the fleet simulation).
  return { identifier: DIAGNOSTIC_IDENTIFIER, interFileDependencies: true, workspaceDiagnostics };
}

export class PullDiagnostics {
  /**
   * The result ids document pulls sent, until a workspace pull reports the file: VS Code asks once more as it closes
   * a document, keeps showing that result, and forgets its id; a workspace pull then compares with this one.
   */
  private readonly sentByDocumentPull = new Map<string, string>();
  private readonly waiting = new Set<() => void>();
  private refreshQueued = false;
  private registration: Promise<{ workspace: boolean; disposable?: Disposable }> | undefined;

  constructor(private readonly ctx: PullContext) {
    ctx.connection.languages.diagnostics.on((params, token) => this.document(params.textDocument.uri, params.previousResultId, token));
    ctx.connection.languages.diagnostics.onWorkspace((params, token) => this.workspaceReport(params, token));
  }

  /** Offers pulls for both languages, workspace pulls only when `workspaceDiagnostics` is on (registered again on change). */
  register(workspaceDiagnostics: boolean): Promise<unknown> {
    const previous = this.registration ?? Promise.resolve(undefined);
    this.registration = previous.then(async (current) => {
      if (current?.workspace === workspaceDiagnostics) return current;
      await current?.disposable?.dispose();
      // A new registration starts from an empty collection in the client.
      this.sentByDocumentPull.clear();
      const disposable = await this.ctx.connection.client
        .register(DocumentDiagnosticRequest.type, { documentSelector: LANGUAGE_IDS.map((language) => ({ language })), ...diagnosticOptions(workspaceDiagnostics) })
        .catch(() => undefined);
      return { workspace: workspaceDiagnostics, disposable };
    });
    return this.registration;
  }

  /** Settings, the base station or the folder changed: the client asks again for its open documents (once per turn). */
  refresh(): void {
    this.changed();
    if (!this.ctx.canRefresh || this.refreshQueued) return;
    this.refreshQueued = true;
    setImmediate(() => {
      this.refreshQueued = false;
      void this.ctx.connection.languages.diagnostics.refresh().catch(() => undefined);
    });
  }

  /** Closed files' problems may have changed: a waiting workspace pull answers. */
  changed(): void {
    for (const wake of [...this.waiting]) wake();
  }

  private async document(uri: string, previousResultId: string | undefined, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    await this.ctx.ready;
    const asked = this.ctx.documents.get(uri)?.version;
    let items: Diagnostic[] | undefined;
    if (asked !== undefined) {
      const stale = () => token.isCancellationRequested || this.ctx.documents.get(uri)?.version !== asked;
      items = await this.ctx.scheduler.pull(uri, stale, () => this.ctx.diagnosticsFor(this.ctx.documents.get(uri)!));
      // The client asks again for the newer version; without data, VS Code's client reschedules quietly.
      if (!items) throw new ResponseError(LSPErrorCodes.ServerCancelled, `${uri} changed while it waited to be checked`);
    }
    // A file not open (VS Code asks once more as it closes one): the folder's view of it with workspace diagnostics on.
    const closed = this.ctx.workspace.on ? this.ctx.workspace.closedFileDiagnostics(uri) : undefined;
    const report = documentReport(items ?? closed ?? [], previousResultId);
    this.sentByDocumentPull.set(uri, report.resultId!);
    return report;
  }

  private async workspaceReport(params: WorkspaceDiagnosticParams, token: CancellationToken): Promise<WorkspaceDiagnosticReport> {
    await this.ctx.ready;
    const previous = new Map(params.previousResultIds.map((p) => [p.uri, p.value]));
    const held = (uri: string) => previous.get(uri) ?? this.sentByDocumentPull.get(uri);
    while (!token.isCancellationRequested) {
      if (this.ctx.workspace.on) await this.ctx.workspace.ensureIndexed();
      // The folder's problems are about to be recomputed: answer with those, not the ones they replace.
      if (!this.ctx.workspace.settled) {
        await this.nextChange(token);
        continue;
      }
      const heldClosed = [...previous.keys(), ...this.sentByDocumentPull.keys()].filter((uri) => !this.ctx.documents.get(uri));
      const items = workspaceReports(this.ctx.workspace.closedFilesDiagnostics(), held, heldClosed);
      // With workspace diagnostics off there is nothing to wait for: answer, clearing what the client holds.
      if (items.length || !this.ctx.workspace.on) {
        for (const item of items) this.sentByDocumentPull.delete(item.uri);
        return { items };
      }
      await this.nextChange(token);
    }
    return { items: [] };
  }

  /** Resolves when the folder changes or the request is cancelled. */
  private nextChange(token: CancellationToken): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.waiting.delete(done);
        listener.dispose();
        resolve();
      };
      const listener = token.onCancellationRequested(done);
      this.waiting.add(done);
    });
  }
}
