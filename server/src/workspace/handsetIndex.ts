// The workspace's handset files, known without being open, and the problems only the whole folder shows: two files
// for one IPEI, and what provisioning them all in turn on the base station runs into (the folder simulation of
// baseStation/fleet.ts: accounts two handsets both set to DID, account slots and handset numbers that run out).
// Pure: the server reads the files and hands their text in.

import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { FleetCache, sameData } from '../baseStation/fleetCache';
import type { BaseStation } from '../../../shared/baseStation/model';
import { requesterIpei } from '../baseStation/requester';
import { Code } from '../handset/codes';
import { isHandsetText } from '../../../shared/detect/handsetText';
import type { Span } from '../xml/parser';
import { SOURCE } from '../handset/validate';
import { HANDSET_LANGUAGE_ID } from '../../../shared/languageIds';

export interface IndexedFile {
  readonly uri: string;
  /** How reports name it: its path relative to the workspace folder. */
  readonly name: string;
  readonly text: string;
  /** The IPEI of the handset that asks for it (its name's, else its `<ipei>`'s), lower case. */
  readonly ipei?: string;
}

export class HandsetIndex {
  private readonly files = new Map<string, IndexedFile>();
  private sorted: IndexedFile[] | undefined;

  /** Records a file's text; a file that is not a handset file leaves the index. Returns whether anything changed. */
  set(uri: string, name: string, text: string): boolean {
    const old = this.files.get(uri);
    if (!isHandsetText(text)) return this.delete(uri);
    if (old && old.text === text && old.name === name) return false;
    this.files.set(uri, { uri, name, text, ipei: requesterIpei(text, name) });
    this.sorted = undefined;
    return true;
  }

  delete(uri: string): boolean {
    this.sorted = undefined;
    return this.files.delete(uri);
  }

  get(uri: string): IndexedFile | undefined {
    return this.files.get(uri);
  }

  get size(): number {
    return this.files.size;
  }

  /** Every file, in the order of their names (the order a folder simulation runs them in). */
  all(): readonly IndexedFile[] {
    this.sorted ??= [...this.files.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return this.sorted;
  }
}

/** The problems of each file that only the folder as a whole shows, by URI (files without any are absent). */
export function crossFileDiagnostics(model: BaseStation, files: readonly IndexedFile[]): Map<string, Diagnostic[]> {
  return new FolderProblems().compute(model, files);
}

/**
 * `crossFileDiagnostics`, kept between changes of the folder: the folder simulation runs again only from the first
 * file that changed, and a file's text is laid out in lines once.
 */
export class FolderProblems {
  private readonly fleet = new FleetCache();
  /** Each file's text laid out in lines, and where its file-wide problems go, kept while its text is the same. */
  private readonly layouts = new WeakMap<IndexedFile, { readonly document: TextDocument; readonly ipei: Span }>();

  /** How many files the last `compute` simulated again. */
  get simulated(): number {
    return this.fleet.simulated;
  }

  compute(model: BaseStation, files: readonly IndexedFile[]): Map<string, Diagnostic[]> {
    const out = new Map<string, Diagnostic[]>();
    const byName = new Map(files.map((f) => [f.name, f]));
    const add = (file: IndexedFile, span: Span | undefined, severity: DiagnosticSeverity, code: string, message: string) => {
      const { document: doc, ipei } = this.layout(file);
      const at = span ?? ipei;
      const d = Diagnostic.create({ start: doc.positionAt(at.start), end: doc.positionAt(at.end) }, message, severity, code, SOURCE);
      const list = out.get(file.uri);
      if (list) list.push(d);
      else out.set(file.uri, [d]);
    };
    for (const group of groupBy(files, (f) => f.ipei)) {
      for (const f of group) {
        const others = group.filter((o) => o !== f).map((o) => o.name);
        add(f, undefined, DiagnosticSeverity.Warning, Code.FolderDuplicateIpei, `Handset ${f.ipei} has ${group.length} files in this folder: this one and ${others.join(', ')}. The base station fetches one; only one of them takes effect.`);
      }
    }
    const fleet = this.fleet.run(model, files.map((f) => ({ name: f.name, text: f.text, ipei: f.ipei })));
    for (const conflict of fleet.conflicts) {
      for (const claim of conflict.claims) {
        const f = byName.get(claim.file);
        if (f) add(f, claim.span, DiagnosticSeverity.Warning, Code.FolderDidConflict, conflict.message);
      }
    }
    for (const shortage of fleet.shortages) {
      const f = byName.get(shortage.file);
      const code = shortage.kind === 'account-slot' ? Code.FolderAccountSlots : Code.FolderHandsetNumber;
      if (f) add(f, shortage.span, DiagnosticSeverity.Error, code, `With the folder provisioned in turn (${files.length} files, by name): ${shortage.message}`);
    }
    return out;
  }

  private layout(file: IndexedFile): { readonly document: TextDocument; readonly ipei: Span } {
    let layout = this.layouts.get(file);
    if (!layout) {
      layout = { document: TextDocument.create(file.uri, HANDSET_LANGUAGE_ID, 0, file.text), ipei: ipeiSpan(file.text) };
      this.layouts.set(file, layout);
    }
    return layout;
  }
}

/**
 * Whether two lists of a file's folder problems are the same (no list and an empty one alike), compared field by
 * field (not through JSON) since every file's list is compared after every change.
 */
export function sameFolderProblems(a: readonly Diagnostic[] | undefined, b: readonly Diagnostic[] | undefined): boolean {
  return sameData(a ?? [], b ?? []);
}

function groupBy(files: readonly IndexedFile[], key: (f: IndexedFile) => string | undefined): IndexedFile[][] {
  const groups = new Map<string, IndexedFile[]>();
  for (const f of files) {
    const k = key(f);
    if (k) groups.set(k, [...(groups.get(k) ?? []), f]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}

/** Where a file-wide problem is shown: on its `<ipei>` value, else at the start. */
function ipeiSpan(text: string): Span {
  const m = /<ipei>([^<]*)<\/ipei>/.exec(text);
  if (!m) return { start: 0, end: 0 };
  const value = m[1].trim();
  const start = m.index + 6 + (value ? m[1].indexOf(value) : 0);
  return { start, end: start + value.length };
}
