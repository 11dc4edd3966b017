// Language status items: which handset the active file is for and how many lines it sets; where the profile names
// the checks use come from (the base-station file or the setting). Both follow the base-station file. A base-station
// config file gets its own item: text or XML v1/v2, how many P-values, the template the checks know, its problems.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { BASE_CONFIG_LANGUAGE_ID, HANDSET_LANGUAGE_ID } from '../../shared/languageIds';
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
  profiles.name = 'Handset Config: profiles';
  const baseConfig = vscode.languages.createLanguageStatusItem('hsconfig.baseConfig', { language: BASE_CONFIG_LANGUAGE_ID });
  baseConfig.name = 'Base Station Config: file';
  let timer: ReturnType<typeof setTimeout> | undefined;

  const update = async () => {
    const editor = vscode.window.activeTextEditor;
    if (editor?.document.languageId === BASE_CONFIG_LANGUAGE_ID) {
      const status = await client.sendRequest<BaseConfigStatus | null>(BASE_CONFIG_STATUS_REQUEST, { textDocument: { uri: editor.document.uri.toString() } });
      if (status) showBaseConfig(baseConfig, status);
      return;
    }
    showProfiles(profiles, await profileSource(client));
    if (!editor || editor.document.languageId !== HANDSET_LANGUAGE_ID) return;
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

/** Short text (the item has little room); the names and the full path in the detail and tooltip. */
function showProfiles(item: vscode.LanguageStatusItem, source: ProfileSource): void {
  const names = source.profiles.join(', ');
  if (source.from === 'baseStation' && source.file) {
    const file = vscode.Uri.file(source.file);
    item.text = `Profiles: ${file.path.split('/').pop()}`;
    item.detail = names;
    item.command = { title: 'Open', command: 'vscode.open', arguments: [file], tooltip: `Profile names from the base-station file ${vscode.workspace.asRelativePath(file)}` };
    item.severity = vscode.LanguageStatusSeverity.Information;
    return;
  }
  item.text = 'Profiles: setting';
  item.detail = source.problem ? `${names} (the base-station file is not usable: ${source.problem})` : names;
  item.severity = source.problem ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  item.command = { title: 'Settings', command: 'workbench.action.openSettings', arguments: ['hsconfig.profiles'], tooltip: 'Profile names from the hsconfig.profiles setting (no base-station file)' };
}
