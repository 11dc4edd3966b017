// The "Preview Base Station Outcome" webview: follows the active handset file live, and reveals the part of the file
// an entry concerns when clicked. The simulation runs in the language server; this only shows it.

import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PREVIEW_REQUEST, SIMULATE_FOLDER_REQUEST, type FleetResponse, type PreviewResponse } from '../../../shared/protocol/protocol';
import { handsetFiles, readText } from '../files/handsetFiles';
import { HANDSET_LANGUAGE_ID } from '../../../shared/languageIds';
import { DETECTION_LINES } from '../../../shared/detect/language';
import { registerCommand, reportFailure } from '../commands/registerCommand';
import { onDidChangeBaseStation } from '../language/baseStationChanges';
import { detectedLanguage } from '../language/detectedLanguage';
import { pageHtml, renderFleet, renderPreview } from './render';

const UPDATE_DELAY_MS = 250;

export function registerPreview(context: vscode.ExtensionContext, client: LanguageClient): void {
  let preview: PreviewPanel | undefined;
  const adopt = (panel: PreviewPanel) => {
    preview?.dispose();
    preview = panel;
    panel.onDidDispose(() => preview === panel && (preview = undefined));
  };
  context.subscriptions.push(
    registerPreviewSerializer(client, adopt),
    registerCommand('hsconfig.preview', 'Preview Base Station Outcome', async (target) => {
      const uri = target.uris[0];
      const document = uri ? await inHandsetLanguage(await vscode.workspace.openTextDocument(uri)) : vscode.window.activeTextEditor?.document;
      if (!document || document.languageId !== HANDSET_LANGUAGE_ID) {
        return void vscode.window.showWarningMessage('Open a handset config file (root <hs_config>) to preview what the base station does with it.');
      }
      if (!preview) adopt(new PreviewPanel(client, document));
      else preview.show(document);
    }),
    registerCommand('hsconfig.simulateFolder', 'Simulate Folder', (target) => simulateFolder(client, target.uris[0])),
  );
}

/**
 * A handset file the command opened (from a menu, not shown in an editor) is still XML until language detection
 * switches it, which may come after the command looks: it is switched here.
 */
async function inHandsetLanguage(document: vscode.TextDocument): Promise<vscode.TextDocument> {
  if (document.languageId === HANDSET_LANGUAGE_ID || detectedLanguage(document.languageId, document.getText(new vscode.Range(0, 0, DETECTION_LINES, 0)), document.uri.toString()) !== HANDSET_LANGUAGE_ID) return document;
  return vscode.languages.setTextDocumentLanguage(document, HANDSET_LANGUAGE_ID);
}

/** The base-station file relative to the workspace ("factory default …" stays as it is). */
function shortSource(source: string): string {
  return source.startsWith('/') || /^[a-z]:[\\/]/i.test(source) ? vscode.workspace.asRelativePath(source) : source;
}

/** A webview that ignores nothing it is sent but `reveal` and `open` requests. */
function createPanel(viewType: string, title: string): vscode.WebviewPanel {
  return vscode.window.createWebviewPanel(
    viewType,
    title,
    { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
    { enableScripts: true, localResourceRoots: [], enableFindWidget: true },
  );
}

const PREVIEW_VIEW_TYPE = 'hsconfig.preview';

/** Restores the preview after a window reload, for the file it showed (kept in the webview's state). */
function registerPreviewSerializer(client: LanguageClient, adopt: (panel: PreviewPanel) => void): vscode.Disposable {
  return vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
    async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
      const uri = typeof (state as { uri?: unknown })?.uri === 'string' ? vscode.Uri.parse((state as { uri: string }).uri) : undefined;
      const document = await (uri ? vscode.workspace.openTextDocument(uri).then((d) => d, () => undefined) : undefined);
      const fallback = vscode.window.activeTextEditor?.document;
      const shown = document ?? (fallback?.languageId === HANDSET_LANGUAGE_ID ? fallback : undefined);
      if (!shown) return panel.dispose();
      panel.webview.options = { enableScripts: true, localResourceRoots: [] };
      adopt(new PreviewPanel(client, shown, panel));
    },
  });
}

export class PreviewPanel {
  private readonly panel: vscode.WebviewPanel;
  private readonly disposables: vscode.Disposable[] = [];
  private document: vscode.TextDocument;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private rendered = false;
  private disposed = false;
  readonly onDidDispose: vscode.Event<void>;

  constructor(
    private readonly client: LanguageClient,
    document: vscode.TextDocument,
    panel?: vscode.WebviewPanel,
  ) {
    this.panel = panel ?? createPanel(PREVIEW_VIEW_TYPE, 'Base Station Outcome');
    this.document = document;
    this.onDidDispose = this.panel.onDidDispose;
    this.disposables.push(
      this.panel.onDidDispose(() => this.dispose()),
      this.panel.webview.onDidReceiveMessage((m: { type?: string; start?: number; end?: number }) => this.onMessage(m)),
      vscode.workspace.onDidChangeTextDocument((e) => e.document === this.document && this.later()),
      vscode.window.onDidChangeActiveTextEditor((editor) => editor?.document.languageId === HANDSET_LANGUAGE_ID && this.follow(editor.document)),
      onDidChangeBaseStation(() => this.later()),
    );
    this.refresh();
  }

  show(document: vscode.TextDocument): void {
    this.panel.reveal(vscode.ViewColumn.Beside, true);
    this.follow(document);
  }

  private follow(document: vscode.TextDocument): void {
    if (document === this.document) return;
    this.document = document;
    this.refresh();
  }

  private later(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), UPDATE_DELAY_MS);
  }

  /** Updates the view; a failure is shown and logged, and an answer that comes after the panel closed is dropped. */
  private refresh(): void {
    this.update().catch((err: unknown) => this.disposed || reportFailure('Preview Base Station Outcome', err));
  }

  private async update(): Promise<void> {
    const document = this.document;
    const response = await this.client.sendRequest<PreviewResponse | null>(PREVIEW_REQUEST, { textDocument: { uri: document.uri.toString() } });
    if (this.disposed || document !== this.document) return; // closed, or the preview moved on meanwhile
    const body = response ? renderPreview({ ...response, source: shortSource(response.source) }) : '<p>The language server does not know this file yet.</p>';
    this.panel.title = `Outcome: ${document.uri.path.split('/').pop()}`;
    const state = { uri: document.uri.toString() };
    if (this.rendered) void this.panel.webview.postMessage({ type: 'update', html: body, state });
    else {
      this.panel.webview.html = pageHtml({ nonce: randomBytes(16).toString('base64'), title: this.panel.title, body, state });
      this.rendered = true;
    }
  }

  private async onMessage(message: { type?: string; start?: number; end?: number }): Promise<void> {
    if (message.type !== 'reveal' || typeof message.start !== 'number' || typeof message.end !== 'number') return;
    const doc = this.document;
    const range = new vscode.Range(doc.positionAt(message.start), doc.positionAt(message.end));
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, selection: range });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.disposables.splice(0).forEach((d) => d.dispose());
    this.panel.dispose();
  }
}

/** Provisions every handset file of a folder in turn and shows who ends up with what; again when the base station changes. */
async function simulateFolder(client: LanguageClient, uri: vscode.Uri | undefined): Promise<void> {
  const folder = uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) return void vscode.window.showWarningMessage('Choose a folder of handset files to simulate.');
  const files = await handsetFiles([folder]);
  if (!files.length) return void vscode.window.showWarningMessage('No handset files in that folder (.xml files whose root is <hs_config>).');
  const named = await Promise.all(files.map(async (f) => ({ name: vscode.workspace.asRelativePath(f), text: await readText(f), uri: f })));
  const panel = createPanel('hsconfig.fleet', `Simulation: ${vscode.workspace.asRelativePath(folder)}`);
  let closed = false;
  panel.onDidDispose(() => (closed = true));
  const render = async () => {
    const files = named.map(({ name, text, uri: file }) => ({ name, text, uri: file.toString() }));
    const response = await client.sendRequest<FleetResponse>(SIMULATE_FOLDER_REQUEST, { files, folder: folder.toString() });
    if (closed) return; // closed while it ran: nothing to show
    const shown = { ...response, source: shortSource(response.source), sites: response.sites?.map((s) => ({ ...s, source: shortSource(s.source) })) };
    panel.webview.html = pageHtml({ nonce: randomBytes(16).toString('base64'), title: panel.title, body: renderFleet(shown) });
  };
  await render();
  if (closed) return;
  const following = onDidChangeBaseStation(() => void render().catch((err) => reportFailure('Simulate Folder', err)));
  panel.onDidDispose(() => following.dispose());
  panel.webview.onDidReceiveMessage((m: { type?: string; file?: string }) => {
    const target = named.find((n) => n.name === m.file);
    if (m.type === 'open' && target) void vscode.window.showTextDocument(target.uri, { viewColumn: vscode.ViewColumn.One });
  });
}
