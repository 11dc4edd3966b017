// Language status items: which handset the active file is for and how many lines it sets; the active file's site (its
// folder) and where the profile names the checks use come from (its base-station config, its project file or the
// setting). Both follow the active editor and the base stations. A base-station config file gets its own item: text
// or XML v1/v2, how many P-values, the template the checks know, its problems.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { BASE_CONFIG_LANGUAGE_IDS, HANDSET_LANGUAGE_ID } from '../../shared/languageIds';
import type { DocumentStatus } from '../../shared/protocol/status';
import type { BaseConfigStatus } from '../../shared/protocol/status';
import { BASE_CONFIG_STATUS_REQUEST, DOCUMENT_STATUS_REQUEST, type ProfileSource } from '../../shared/protocol/protocol';
import { onDidChangeBaseStation, profileSource } from './language/baseStationChanges';

/** What a status item shows now: for the extension's API (its in-editor tests read it). */
export interface LanguageStatusSnapshot {
  readonly id: string;
  readonly text: string;
  readonly detail?: string;
  readonly severity: 'information' | 'warning' | 'error';
  readonly command?: string;
}

export function registerLanguageStatus(context: vscode.ExtensionContext, client: LanguageClient): () => LanguageStatusSnapshot[] {
  const handset = vscode.languages.createLanguageStatusItem('hsconfig.handset', { language: HANDSET_LANGUAGE_ID });
  handset.name = 'Handset Config: handset';
  const profiles = vscode.languages.createLanguageStatusItem('hsconfig.profiles', { language: HANDSET_LANGUAGE_ID });
  profiles.name = 'Handset Config: site and profiles';
  const baseConfig = vscode.languages.createLanguageStatusItem('hsconfig.baseConfig', BASE_CONFIG_LANGUAGE_IDS.map((language) => ({ language })));
  baseConfig.name = 'Base Station Config: file';
  let timer: ReturnType<typeof setTimeout> | undefined;

  const update = async () => {
    const editor = vscode.window.activeTextEditor;
    if (editor && (BASE_CONFIG_LANGUAGE_IDS as readonly string[]).includes(editor.document.languageId)) {
      const status = await client.sendRequest<BaseConfigStatus | null>(BASE_CONFIG_STATUS_REQUEST, { textDocument: { uri: editor.document.uri.toString() } });
      if (status) showBaseConfig(baseConfig, status);
      return;
    }
    if (!editor || editor.document.languageId !== HANDSET_LANGUAGE_ID) return;
    const source = await profileSource(client, editor.document.uri);
    // Another editor came meanwhile: its own update follows.
    if (vscode.window.activeTextEditor?.document !== editor.document) return;
    showProfiles(profiles, source);
    const status = await client.sendRequest<DocumentStatus | null>(DOCUMENT_STATUS_REQUEST, { textDocument: { uri: editor.document.uri.toString() } });
    const lines = status?.lines ?? 0;
    handset.text = `$(device-mobile) ${status?.ipei ?? 'no IPEI'}`;
    handset.detail = `${status?.handsetName ? `${status.handsetName} · ` : ''}${lines} ${lines === 1 ? 'line' : 'lines'}`;
  };
  const later = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void update().catch(() => undefined), 300);
  };

  context.subscriptions.push(
    handset,
    profiles,
    baseConfig,
    vscode.window.onDidChangeActiveTextEditor(later),
    vscode.workspace.onDidChangeTextDocument((e) => e.document === vscode.window.activeTextEditor?.document && later()),
    onDidChangeBaseStation(later),
    { dispose: () => timer && clearTimeout(timer) },
  );
  later();
  return () => [handset, profiles, baseConfig].map(snapshot);
}

const SHAPES: Record<BaseConfigStatus['shape'], string> = { text: 'Text', 'xml-v1': 'XML v1', 'xml-v2': 'XML v2' };

/** `XML v2 · 890 P-values`; the detail says which template the checks know and what they found. */
function showBaseConfig(item: vscode.LanguageStatusItem, status: BaseConfigStatus): void {
  const known = status.settings - status.unknown;
  item.text = `$(server) ${SHAPES[status.shape]} · ${known} ${known === 1 ? 'P-value' : 'P-values'}`;
  const problems = [plural(status.errors, 'error'), plural(status.warnings, 'warning'), plural(status.notes, 'note')].filter((p) => !p.startsWith('0 '));
  const unknown = status.unknown > 0 ? `${status.unknown} unknown · ` : '';
  item.detail = `${unknown}${problems.length ? problems.join(', ') : 'no problems'} · DP75x ${status.firmware} template`;
  item.severity = status.errors ? vscode.LanguageStatusSeverity.Error : status.warnings ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  item.command = problems.length ? { title: 'Show Problems', command: 'workbench.actions.view.problems', tooltip: 'Open the Problems view' } : undefined;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function snapshot(item: vscode.LanguageStatusItem): LanguageStatusSnapshot {
  const severity = item.severity === vscode.LanguageStatusSeverity.Error ? 'error' : item.severity === vscode.LanguageStatusSeverity.Warning ? 'warning' : 'information';
  return { id: item.id, text: item.text, detail: item.detail, severity, command: item.command?.command };
}

/**
 * Short text (the item has little room): the site's folder and the file that names the profiles ("Site acme:
 * dp750.txt"); the names and the full path in the detail and tooltip. A file with no site of its own, as before:
 * "Profiles: <the workspace's base-station file>" or "Profiles: setting".
 */
function showProfiles(item: vscode.LanguageStatusItem, source: ProfileSource): void {
  const names = source.profiles.join(', ');
  const site = source.siteRoot === undefined ? undefined : siteName(source.siteRoot);
  const named = (file: string) => (site === undefined ? `Profiles: ${baseName(file)}` : `Site ${site}: ${baseName(file)}`);
  item.detail = names;
  item.severity = vscode.LanguageStatusSeverity.Information;
  if (source.from === 'baseStation' && source.file) {
    item.text = named(source.file);
    item.command = openFile(source.file, `Profile names from the base-station file ${vscode.workspace.asRelativePath(source.file)}`);
    return;
  }
  if (source.problem) {
    item.severity = vscode.LanguageStatusSeverity.Warning;
    item.detail = `${names} (the base-station file is not usable: ${source.problem})`;
  }
  if (source.from === 'project' && source.projectFile) {
    item.text = named(source.projectFile);
    item.command = openFile(source.projectFile, `Profile names from the project file ${vscode.workspace.asRelativePath(source.projectFile)}`);
    return;
  }
  item.text = site === undefined ? 'Profiles: setting' : `Site ${site}: setting`;
  // The file to mend, when there is one that is not usable.
  item.command =
    source.problem && source.file
      ? openFile(source.file, `The base-station file ${vscode.workspace.asRelativePath(source.file)} is not usable; profile names from the hsconfig.profiles setting`)
      : { title: 'Settings', command: 'workbench.action.openSettings', arguments: ['hsconfig.profiles'], tooltip: 'Profile names from the hsconfig.profiles setting (no usable base-station file)' };
}

function openFile(file: string, tooltip: string): vscode.Command {
  return { title: 'Open', command: 'vscode.open', arguments: [vscode.Uri.file(file)], tooltip };
}

/** A site's folder as the workspace names it: relative to its workspace folder, or that folder's name. */
function siteName(root: string): string {
  const uri = vscode.Uri.file(root);
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (folder && folder.uri.fsPath === uri.fsPath) return folder.name;
  return vscode.workspace.asRelativePath(uri);
}

function baseName(file: string): string {
  return vscode.Uri.file(file).path.split('/').pop() ?? file;
}
