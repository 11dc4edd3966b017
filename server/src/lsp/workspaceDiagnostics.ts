// Wires the workspace index (workspace/handsetIndex.ts) to the connection: indexes the folders' handset files in the
// background with progress, keeps the index current through file events and open documents, and delivers every
// indexed file's problems, its own and its site's (the site's files provisioned in turn on its base station, each
// site on its own), closed files included: pushed (publishDiagnostics), or, for a
// client that pulls, answered from `closedFilesDiagnostics` when asked (pullDiagnostics.ts).

import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import { DidChangeWatchedFilesNotification, FileChangeType, type Connection, type FileEvent, type TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import type { BaseStation } from '../../../shared/baseStation/model';
import { mayBeHandsetFile } from '../../../shared/detect/handsetText';
import type { LanguageService } from '../handset/languageService';
import { FolderProblems, HandsetIndex, sameFolderProblems, type IndexedFile } from '../workspace/handsetIndex';
import { canonicalUri } from './documentUris';
import { filesUnder } from './folderWalk';
import { isInside } from '../sites/siteFinder';
import { readRegularText } from '../../../shared/files/readRegularFile';
import { HANDSET_LANGUAGE_ID } from '../../../shared/languageIds';

const RECOMPUTE_DELAY_MS = 50;
/** How many files indexing reads at once. */
const READ_AT_ONCE = 32;
/**
 * How long the folder's problems wait after an edit in the editor: for a pause in typing, so that working them out
 * again (which reads the edited text anew) never competes with checking the document as it is typed.
 */
const EDIT_PAUSE_MS = 400;

export interface WorkspaceContext {
  readonly connection: Connection;
  readonly service: LanguageService;
  readonly documents: TextDocuments<TextDocument>;
  readonly folders: () => readonly string[];
  /** A file's site, and the base station its files are provisioned on (a factory-fresh one when none is described). */
  readonly site: (uri: string) => { readonly id: string; readonly model: BaseStation };
  /** Publishes an open document's diagnostics again (it merges `crossFile`). */
  readonly republishOpen: (uri: string) => void;
  /** Whether the client pulls diagnostics: then closed files' problems are not published, only computed when asked. */
  readonly pulled: () => boolean;
  /** The folder's problems, or the closed files' own, may have changed (a pull waiting for a change answers). */
  readonly folderChanged: () => void;
}

export class WorkspaceDiagnostics {
  readonly index = new HandsetIndex();
  private crossFile = new Map<string, Diagnostic[]>();
  /** Each site's folder problems, kept between changes (by site id). */
  private folderProblems = new Map<string, FolderProblems>();
  /** Closed files whose diagnostics were published, with the list published (from `closedChecks`), to skip unchanged ones. */
  private readonly publishedClosed = new Map<string, readonly Diagnostic[]>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** What the last recompute cost: a large folder waits longer, so typing is not held up by it. */
  private lastCostMs = 0;
  private enabled = false;
  /** Indexing starts with workspace diagnostics, or with the first request that needs the folder (navigation). */
  private indexing: Promise<void> | undefined;
  private canWatch = false;
  /** Each indexed file's size and time on disk when it was read (see refreshChangedOnDisk). */
  private readonly stamps = new Map<string, string>();
  /** Closed files' problems as last computed (pushed or pulled), with what they were computed from. */
  private readonly closedChecks = new Map<string, { readonly text: string; readonly cross: readonly Diagnostic[]; readonly items: Diagnostic[] }>();
  /** Open documents edited since the folder's problems were last worked out; the index takes their text then. */
  private readonly edited = new Set<string>();

  constructor(private readonly ctx: WorkspaceContext) {}

  /** The folder's problems for one file, to publish with its own. */
  crossFileFor(uri: string): Diagnostic[] {
    return this.enabled ? (this.crossFile.get(uri) ?? []) : [];
  }

  get on(): boolean {
    return this.enabled;
  }

  /** No recompute of the folder's problems is due: what `closedFilesDiagnostics` returns is current. */
  get settled(): boolean {
    return this.timer === undefined;
  }

  /** A closed indexed file's problems (its text on disk, checked, with the folder's), computed again only on change. */
  closedFileDiagnostics(uri: string): Diagnostic[] | undefined {
    const file = this.index.get(uri);
    if (!file || this.ctx.documents.get(uri)) return undefined;
    const cross = this.crossFileFor(uri);
    const cached = this.closedChecks.get(uri);
    if (cached && cached.text === file.text && sameFolderProblems(cached.cross, cross)) return cached.items;
    const own = this.ctx.service.doValidation(TextDocument.create(uri, HANDSET_LANGUAGE_ID, 0, file.text));
    this.ctx.service.forget(uri);
    const items = [...own, ...cross];
    this.closedChecks.set(uri, { text: file.text, cross, items });
    return items;
  }

  /** Every closed indexed file's problems, by URI (none while workspace diagnostics are off). */
  closedFilesDiagnostics(): Map<string, Diagnostic[]> {
    const out = new Map<string, Diagnostic[]>();
    if (!this.enabled) return out;
    for (const file of this.index.all()) {
      const items = this.closedFileDiagnostics(file.uri);
      if (items) out.set(file.uri, items);
    }
    return out;
  }

  async enable(on: boolean, canWatch: boolean): Promise<void> {
    this.canWatch = canWatch;
    if (on === this.enabled) return;
    this.enabled = on;
    if (!on) {
      // A recompute due now would never run (nor wake a held workspace pull): none is due any more.
      clearTimeout(this.timer);
      this.timer = undefined;
      for (const uri of this.publishedClosed.keys()) void this.ctx.connection.sendDiagnostics({ uri, diagnostics: [] });
      this.publishedClosed.clear();
      this.crossFile = new Map();
      this.folderProblems = new Map();
      for (const doc of this.ctx.documents.all()) this.ctx.republishOpen(doc.uri);
      this.ctx.folderChanged();
      return;
    }
    await this.ensureIndexed();
    this.recomputeSoon(0);
  }

  /** The folders' handset files, indexed once and kept current from then on. */
  ensureIndexed(): Promise<void> {
    this.indexing ??= (async () => {
      if (this.canWatch) await this.ctx.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.xml' }] }).catch(() => undefined);
      await this.indexFolders();
    })();
    return this.indexing;
  }

  /** Every indexed handset file, and every open one, with the editor's text where a file is open. */
  async sources(): Promise<{ uri: string; text: string }[]> {
    await this.ensureIndexed();
    // A client that sends no file events would have rename edit closed files at the places they had when indexed.
    if (!this.canWatch) await this.refreshChangedOnDisk();
    this.takeEdits();
    const files = new Map(this.index.all().map((f) => [f.uri, f.text]));
    for (const doc of this.ctx.documents.all()) files.set(doc.uri, doc.getText());
    return [...files].map(([uri, text]) => ({ uri, text }));
  }

  /**
   * The handset files under one folder (a site's), as `sources` gives them, after reading that folder again: a file
   * whose event was lost (a folder copied in at once may be reported as the folder alone) is indexed now, so a
   * rename edits every file of the site.
   */
  async sourcesUnder(folder: string): Promise<{ uri: string; text: string }[]> {
    await this.ensureIndexed();
    const named = this.ctx.folders().find((f) => isInside(folder, f)) ?? folder;
    for (const file of await filesUnder(folder, mayBeHandsetFile)) {
      const uri = URI.file(file).toString();
      if (!this.index.get(uri) || (await stampOf(file)) !== this.stamps.get(uri)) await this.readIntoIndex(file, named);
    }
    return (await this.sources()).filter((s) => isInside(URI.parse(s.uri).fsPath, folder));
  }

  private async indexFolders(): Promise<void> {
    const progress = await this.ctx.connection.window.createWorkDoneProgress().catch(() => undefined);
    progress?.begin('Indexing handset files', 0, undefined, false);
    try {
      for (const folder of this.ctx.folders()) {
        const files = await filesUnder(folder, mayBeHandsetFile);
        // Read a few at a time: one by one, each read waits for the disk before the next one starts.
        for (let i = 0; i < files.length; i += READ_AT_ONCE) {
          await Promise.all(files.slice(i, i + READ_AT_ONCE).map((file) => this.readIntoIndex(file, folder)));
          progress?.report(`${this.index.size} handset files`);
        }
      }
    } finally {
      progress?.done();
    }
  }

  private async readIntoIndex(file: string, folder: string): Promise<boolean> {
    const uri = URI.file(file).toString();
    const open = this.ctx.documents.get(uri);
    this.stamps.set(uri, await stampOf(file));
    const text = open ? open.getText() : await readRegularText(file).then((t) => t.replace(/^\uFEFF/, ''), () => undefined);
    if (text === undefined) {
      this.stamps.delete(uri);
      return this.index.delete(uri);
    }
    return this.index.set(uri, path.relative(folder, file).split(path.sep).join('/'), text);
  }

  /** Closed indexed files whose size or time on disk changed since they were read are read again. */
  private async refreshChangedOnDisk(): Promise<void> {
    for (const file of this.index.all()) {
      if (this.ctx.documents.get(file.uri)) continue;
      const fsPath = URI.parse(file.uri).fsPath;
      if ((await stampOf(fsPath)) === this.stamps.get(file.uri)) continue;
      const folder = this.ctx.folders().find((f) => fsPath.startsWith(f + path.sep));
      if (folder) await this.readIntoIndex(fsPath, folder);
    }
  }

  /** Files created, changed or deleted on disk. */
  async filesChanged(changes: readonly FileEvent[]): Promise<void> {
    if (!this.indexing) return;
    await this.indexing;
    let changed = false;
    for (const change of changes) {
      const file = URI.parse(change.uri);
      if (file.scheme !== 'file' || !mayBeHandsetFile(file.fsPath)) continue;
      const folder = this.ctx.folders().find((f) => file.fsPath.startsWith(f + path.sep));
      if (!folder) continue;
      if (change.type === FileChangeType.Deleted) changed = this.forgetFile(canonicalUri(change.uri)) || changed;
      else if (!this.ctx.documents.get(change.uri)) changed = (await this.readIntoIndex(file.fsPath, folder)) || changed;
    }
    if (changed) this.recomputeSoon();
  }

  /** An open document's text changed: the folder's problems follow the editor, not the disk. */
  documentChanged(document: TextDocument): void {
    if (!this.index.get(document.uri)) return;
    // Not read into the index here: that means reading the whole text (its <ipei>), on every keystroke.
    this.edited.add(document.uri);
    this.recomputeSoon(EDIT_PAUSE_MS);
  }

  /** The text of the open documents edited since the last time, into the index. */
  private takeEdits(): void {
    for (const uri of this.edited) {
      const doc = this.ctx.documents.get(uri);
      const entry = this.index.get(uri);
      if (doc && entry) this.index.set(uri, entry.name, doc.getText());
    }
    this.edited.clear();
  }

  /** The base-station file or the settings changed: every file's problems may have. */
  recomputeSoon(delay = RECOMPUTE_DELAY_MS): void {
    if (!this.enabled) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.recompute(), Math.max(delay, 2 * this.lastCostMs));
  }

  /** Publishes what a document that closed shows now: its text on disk, checked, with the folder's problems. */
  documentClosed(uri: string): boolean {
    if (!this.index.get(uri)) return false;
    this.publishedClosed.delete(uri);
    const file = URI.parse(uri).fsPath;
    const folder = this.ctx.folders().find((f) => file.startsWith(f + path.sep));
    if (folder) void this.readIntoIndex(file, folder).then(() => this.recomputeSoon());
    return this.enabled;
  }

  private forgetFile(uri: string): boolean {
    const had = this.index.delete(uri);
    this.closedChecks.delete(uri);
    this.stamps.delete(uri);
    if (this.publishedClosed.delete(uri)) void this.ctx.connection.sendDiagnostics({ uri, diagnostics: [] });
    return had;
  }

  /** Computes the folder's problems again and publishes what changed (after `recomputeSoon`'s pause). */
  recompute(): void {
    this.timer = undefined;
    if (!this.enabled) return;
    const started = performance.now();
    this.takeEdits();
    const before = this.crossFile;
    this.crossFile = this.computeSites();
    this.lastCostMs = performance.now() - started;
    for (const file of this.index.all()) {
      const cross = this.crossFile.get(file.uri);
      if (this.ctx.documents.get(file.uri)) {
        this.publishedClosed.delete(file.uri);
        if (!sameFolderProblems(before.get(file.uri), cross)) this.ctx.republishOpen(file.uri);
        continue;
      }
      if (this.ctx.pulled()) continue;
      // The same list as last time (same text, same folder problems) was published already.
      const items = this.closedFileDiagnostics(file.uri);
      if (!items || this.publishedClosed.get(file.uri) === items) continue;
      void this.ctx.connection.sendDiagnostics({ uri: file.uri, diagnostics: items });
      this.publishedClosed.set(file.uri, items);
    }
    this.ctx.folderChanged();
  }

  /** Each site's files (in the index's order) provisioned on the site's base station. */
  private computeSites(): Map<string, Diagnostic[]> {
    const bySite = new Map<string, { model: BaseStation; files: IndexedFile[] }>();
    for (const file of this.index.all()) {
      const { id, model } = this.ctx.site(file.uri);
      const group = bySite.get(id);
      if (group) group.files.push(file);
      else bySite.set(id, { model, files: [file] });
    }
    const out = new Map<string, Diagnostic[]>();
    for (const [id, { model, files }] of bySite) {
      let problems = this.folderProblems.get(id);
      if (!problems) this.folderProblems.set(id, (problems = new FolderProblems()));
      for (const [uri, list] of problems.compute(model, files)) out.set(uri, list);
    }
    for (const id of this.folderProblems.keys()) if (!bySite.has(id)) this.folderProblems.delete(id);
    return out;
  }

  /** Settings or the base station changed: every closed file is checked again. */
  invalidate(): void {
    // Every list is computed anew, so none equals the one published.
    this.closedChecks.clear();
    this.recomputeSoon();
  }
}

/** A file's size and modification time, to tell that it changed; '' when it cannot be read. */
async function stampOf(file: string): Promise<string> {
  return stat(file).then((s) => `${s.size}:${s.mtimeMs}`, () => '');
}
