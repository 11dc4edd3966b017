// "Convert Base-Station Config…" and "Compare with Another Base-Station Config…": the server converts and compares
// (server/src/baseConfig/configTools.ts); this picks the files and shows the result in a new untitled editor, so
// nothing on disk is written or replaced.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { BASE_CONFIG_LANGUAGE_ID, BASE_CONFIG_XML_LANGUAGE_ID } from '../../../shared/languageIds';
import { COMPARE_BASE_CONFIGS_REQUEST, CONVERT_BASE_CONFIG_REQUEST, type CompareBaseConfigsResponse, type ConfigConversion, type ConvertBaseConfigResponse } from '../../../shared/protocol/protocol';
import { activeResource, registerCommand, type Target } from '../commands/registerCommand';
import { readText } from '../files/handsetFiles';
import type { WorkspaceFiles } from '../menus/contextKeys';

export function registerBaseConfigCommands(context: vscode.ExtensionContext, client: LanguageClient, files: WorkspaceFiles): void {
  context.subscriptions.push(
    registerCommand('hsconfig.convertBaseConfig', 'Convert Base-Station Config', (target) => convert(client, target)),
    registerCommand('hsconfig.compareBaseConfigs', 'Compare with Another Base-Station Config', (target) => compare(client, files, target)),
  );
}

async function convert(client: LanguageClient, target: Target): Promise<void> {
  const source = await sourceConfig(target, 'Base-station config to convert');
  if (!source) return;
  const name = vscode.workspace.asRelativePath(source);
  const response = await client.sendRequest<ConvertBaseConfigResponse>(CONVERT_BASE_CONFIG_REQUEST, { text: await readText(source), name });
  if ('problem' in response) return void vscode.window.showErrorMessage(response.problem);
  const picked = await vscode.window.showQuickPick(
    response.conversions.map((c) => ({ label: c.label, description: describe(c), conversion: c })),
    { title: `Convert ${name} (${response.fromLabel}) to`, placeHolder: 'The converted config opens in a new editor; nothing is saved' },
  );
  if (!picked) return;
  const { conversion } = picked;
  if (conversion.leftOut.length > 0) {
    const keys = conversion.leftOut.map((l) => l.key);
    const shown = keys.length > 5 ? `${keys.slice(0, 5).join(', ')} and ${keys.length - 5} more` : keys.join(', ');
    const choice = await vscode.window.showWarningMessage(
      `${conversion.label} cannot hold ${keys.length} of the settings in ${name}: ${shown} (${conversion.leftOut[0].reason}).`,
      { modal: true },
      'Convert Without Them',
    );
    if (choice !== 'Convert Without Them') return;
  }
  const language = conversion.shape === 'text' ? BASE_CONFIG_LANGUAGE_ID : BASE_CONFIG_XML_LANGUAGE_ID;
  const doc = await vscode.workspace.openTextDocument({ language, content: conversion.text });
  await vscode.window.showTextDocument(doc);
  void vscode.window.showInformationMessage(`${name} as ${conversion.label}: ${conversion.written} settings, in a new editor. Save it where the base station fetches it.`);
}

function describe(c: ConfigConversion): string {
  if (c.leftOut.length === 0) return `all ${c.written} settings`;
  return `${c.written} settings; ${c.leftOut.length} cannot be written (${c.leftOut[0].reason})`;
}

async function compare(client: LanguageClient, files: WorkspaceFiles, target: Target): Promise<void> {
  const first = await sourceConfig(target, 'Base-station config to compare');
  if (!first) return;
  const second = target.uris[1] ?? (await pickOtherConfig(files, first));
  if (!second) return;
  const [a, b] = [first, second].map((u) => vscode.workspace.asRelativePath(u));
  const response = await client.sendRequest<CompareBaseConfigsResponse>(COMPARE_BASE_CONFIGS_REQUEST, {
    a: { name: a, text: await readText(first) },
    b: { name: b, text: await readText(second) },
  });
  if ('problem' in response) return void vscode.window.showErrorMessage(response.problem);
  if (response.same) return void vscode.window.showInformationMessage(response.report);
  const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: `${response.report}\n` });
  await vscode.window.showTextDocument(doc);
}

/** The command's file, else the active editor's, else one the user picks. */
async function sourceConfig(target: Target, title: string): Promise<vscode.Uri | undefined> {
  const given = target.uris[0] ?? activeResource();
  if (given) return given;
  return (await vscode.window.showOpenDialog({ title, canSelectMany: false }))?.[0];
}

const BROWSE = 'Browse…';

/** The workspace's other base-station configs (as the menus know them) to compare with, and a way to pick one elsewhere. */
async function pickOtherConfig(files: WorkspaceFiles, first: vscode.Uri): Promise<vscode.Uri | undefined> {
  const configs = files
    .ofKind('baseStationConfig')
    .filter((u) => u.toString() !== first.toString())
    .sort((x, y) => x.path.localeCompare(y.path));
  const items = [...configs.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })), { label: BROWSE, uri: undefined }];
  const picked = await vscode.window.showQuickPick(items, { title: `Compare ${vscode.workspace.asRelativePath(first)} with` });
  if (!picked) return undefined;
  return picked.uri ?? (await vscode.window.showOpenDialog({ title: 'Base-station config to compare with', canSelectMany: false }))?.[0];
}
