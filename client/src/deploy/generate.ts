// "Generate Handset Files from CSV": the language server builds and checks the files (with progress and cancel);
// this writes them, plain or encrypted, and reports what was written and what was skipped.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { WorkDoneProgress, type LanguageClient } from 'vscode-languageclient/node';
import { writeHandsetFiles } from '../../../shared/deploy/writeHandsetFiles';
import { GENERATE_REQUEST, type GenerateParams, type GenerateResponse } from '../../../shared/protocol/protocol';
import { registerCommand } from '../commands/registerCommand';
import { exists, readText } from '../files/handsetFiles';
import type { PasswordStore } from '../encryption/passwordStore';
import { replaceQuestion, skippedWords } from './generateWords';

export function registerGenerate(context: vscode.ExtensionContext, client: LanguageClient, passwords: PasswordStore, log: vscode.LogOutputChannel): void {
  context.subscriptions.push(
    // `given` lets automation (and the in-editor tests) skip the questions.
    registerCommand('hsconfig.generateFromCsv', 'Generate Handset Files from CSV', async (target) => {
      const given = isGenerateOptions(target.options) ? target.options : undefined;
      const csvs = target.uris.length ? target.uris : [await pick('CSV list of handsets', { 'CSV files': ['csv'] })].filter((u) => u !== undefined);
      for (const csv of csvs) await generate(csv, given, client, passwords, log);
    }),
  );
}

async function pick(title: string, filters: Record<string, string[]>): Promise<vscode.Uri | undefined> {
  const [uri] = (await vscode.window.showOpenDialog({ title, filters, canSelectMany: false })) ?? [];
  return uri;
}

async function generate(csv: vscode.Uri, given: GenerateOptions | undefined, client: LanguageClient, passwords: PasswordStore, log: vscode.LogOutputChannel): Promise<void> {
  const options = given ?? (await askOptions(csv));
  if (!options) return;
  const config = vscode.workspace.getConfiguration('hsconfig');
  const params: GenerateParams = {
    csv: await readText(csv),
    folder: options.outDir.toString(),
    template: options.template && { uri: options.template.toString(), text: await readText(options.template) },
    prefix: config.get<string>('handsetFilePrefix', 'ipei_'),
    postfix: config.get<string>('handsetFilePostfix', ''),
  };
  const password = options.encrypt ? await passwords.forEncrypt(`the handset files of ${path.basename(csv.fsPath)}`) : undefined;
  if (options.encrypt && !password) return;
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Generating handset files from ${path.basename(csv.fsPath)}`, cancellable: true },
    async (progress, token) => {
      const workDoneToken = `hsconfig-generate-${Date.now()}`;
      const listening = client.onProgress(WorkDoneProgress.type, workDoneToken, (p) => {
        if (p.kind === 'report') progress.report({ message: p.message });
      });
      let response: GenerateResponse;
      try {
        response = await client.sendRequest<GenerateResponse>(GENERATE_REQUEST, { ...params, workDoneToken }, token);
      } finally {
        listening.dispose();
      }
      if (response.problem || !response.result) return void vscode.window.showErrorMessage(`${path.basename(csv.fsPath)}: ${response.problem ?? 'nothing was generated'}`);
      const { files, skipped, warnings } = response.result;
      const outDir = options.outDir.fsPath;
      const existing = (await Promise.all(files.map(async (f) => ((await exists(vscode.Uri.file(path.join(outDir, f.name)))) ? f : undefined)))).filter((f) => f !== undefined);
      const force = existing.length > 0 && (await confirmReplace(existing.map((f) => f.name)));
      if (force === undefined) return;
      progress.report({ message: 'writing files' });
      const encryption = password ? { password, digest: config.get<'md5' | 'sha256'>('encryption.digest', 'md5') } : undefined;
      const kept = force ? [] : existing;
      const toWrite = files.filter((f) => !kept.includes(f));
      const written = await writeHandsetFiles(toWrite, { outDir, force, encryption }, { isCancelled: () => token.isCancellationRequested });
      for (const w of warnings) log.warn(`rows ${w.rows.join(', ')}: ${w.message}`);
      const keptRows = kept.map((f) => ({ row: f.row, reasons: [`${f.name} exists and was kept.`] }));
      const problems = [...skipped, ...keptRows, ...written.failed].sort((a, b) => a.row - b.row);
      for (const s of problems) log.warn(`row ${s.row} skipped: ${s.reasons.join(' ')}`);
      for (const w of written.written) log.info(`row ${w.row} → ${vscode.workspace.asRelativePath(w.file)}`);
      const summary = `${written.written.length} handset file${written.written.length === 1 ? '' : 's'} written to ${vscode.workspace.asRelativePath(outDir)}${skippedWords(problems)}${response.result.cancelled || written.cancelled ? ' (cancelled)' : ''}.`;
      log.info(summary);
      const show = problems.length || warnings.length ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
      void show(summary, 'Show Details').then((c) => c && log.show());
    },
  );
}

export interface GenerateOptions {
  readonly template?: vscode.Uri;
  readonly outDir: vscode.Uri;
  readonly encrypt: boolean;
}

function isGenerateOptions(value: unknown): value is GenerateOptions {
  const v = value as Partial<GenerateOptions> | undefined;
  return typeof v === 'object' && v !== null && v.outDir instanceof vscode.Uri && typeof v.encrypt === 'boolean';
}

async function askOptions(csv: vscode.Uri): Promise<GenerateOptions | undefined> {
  const templateChoice = await vscode.window.showQuickPick(
    [
      { label: 'No template', description: 'only what the CSV says', template: false },
      { label: 'Choose a template file…', description: 'an hs_config file whose settings every handset shares', template: true },
    ],
    { title: 'Generate handset files: template', ignoreFocusOut: true },
  );
  if (!templateChoice) return undefined;
  const template = templateChoice.template ? await pick('Template handset file', { 'Handset files': ['xml'] }) : undefined;
  if (templateChoice.template && !template) return undefined;
  const folder = await vscode.window.showInputBox({
    title: 'Generate handset files: output folder',
    prompt: 'Relative to the CSV file, or an absolute path',
    value: 'handsets',
    ignoreFocusOut: true,
  });
  if (!folder) return undefined;
  const outDir = path.isAbsolute(folder) ? vscode.Uri.file(folder) : vscode.Uri.joinPath(csv, '..', folder);
  const form = await vscode.window.showQuickPick(
    [
      { label: 'Plain XML', encrypt: false },
      { label: 'Encrypted for the base station', description: 'as openssl enc -aes-256-cbc -md md5', encrypt: true },
    ],
    { title: 'Generate handset files: form', ignoreFocusOut: true },
  );
  return form && { template, outDir, encrypt: form.encrypt };
}

async function confirmReplace(names: readonly string[]): Promise<boolean | undefined> {
  const choice = await vscode.window.showWarningMessage(replaceQuestion(names), { modal: true }, 'Replace', 'Keep Existing');
  return choice === undefined ? undefined : choice === 'Replace';
}
