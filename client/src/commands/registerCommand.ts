// Every hsconfig command is registered here: its arguments normalised (commandArgs.ts), and a failure shown to the
// user with its reason and logged with its details, never swallowed.

import * as vscode from 'vscode';
import { failureReason, normaliseArgs, type CommandTarget } from './commandArgs';

let output: vscode.LogOutputChannel | undefined;

/** The channel failures are logged to; set once on activation. */
export function useCommandLog(log: vscode.LogOutputChannel): void {
  output = log;
}

export type Target = CommandTarget<vscode.Uri>;

const isUri = (value: unknown): value is vscode.Uri => value instanceof vscode.Uri;
const sameUri = (a: vscode.Uri, b: vscode.Uri) => a.toString() === b.toString();

export function registerCommand(id: string, title: string, run: (target: Target) => unknown): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      return await run(normaliseArgs(args, isUri, sameUri));
    } catch (err) {
      reportFailure(title, err);
      return undefined;
    }
  });
}

export function reportFailure(title: string, err: unknown): void {
  output?.error(`${title} failed: ${err instanceof Error ? (err.stack ?? err.message) : failureReason(err)}`);
  void vscode.window.showErrorMessage(`${title} failed: ${failureReason(err)}`, 'Show Log').then((choice) => choice && output?.show(true));
}

/** The file shown in the active editor tab, text or not (VS Code opens an encrypted file as binary, with no text editor). */
export function activeResource(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if (input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom) return input.uri;
  return vscode.window.activeTextEditor?.document.uri;
}

/** The command's resources, else the active editor's file, else one the user picks. */
export async function urisOrActiveOrPick(target: Target, pick: vscode.OpenDialogOptions): Promise<vscode.Uri[]> {
  if (target.uris.length) return [...target.uris];
  const active = activeResource();
  if (active && active.scheme !== 'untitled') return [active];
  const options = await filesOrFolder(pick);
  return (options && (await vscode.window.showOpenDialog(options))) ?? [];
}

/**
 * A dialog that should take files or folders asks which first: VS Code's dialogs on Windows, Linux and in the browser
 * take one or the other, and given both they took only folders ("Please select a folder." for a file).
 */
async function filesOrFolder(pick: vscode.OpenDialogOptions): Promise<vscode.OpenDialogOptions | undefined> {
  if (!pick.canSelectFolders || pick.canSelectFiles === false) return pick;
  const choice = await vscode.window.showQuickPick(
    [
      { label: '$(file) Choose files…', files: true },
      { label: '$(folder) Choose a folder…', description: 'every handset file in it and its subfolders', files: false },
    ],
    { title: pick.title, placeHolder: 'Files, or a folder?' },
  );
  return choice && { ...pick, canSelectFiles: choice.files, canSelectFolders: !choice.files };
}
