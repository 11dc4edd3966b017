// Turning an explorer selection into handset files, and writing files without ever leaving half of one behind.

import * as vscode from 'vscode';
import { decodeHandsetBytes } from '../../shared/domain/textBytes';
import { readWorkspaceFile } from './files/readWorkspaceFile';
import { writeViaTemporary } from './files/writeViaTemporary';
import { isHandsetText, mayBeHandsetFile, SKIPPED_FOLDERS } from '../../shared/detect/handsetText';

/** Files as selected; folders searched for `.xml` files whose root is <hs_config>. */
export async function handsetFiles(selection: readonly vscode.Uri[]): Promise<vscode.Uri[]> {
  const found: vscode.Uri[] = [];
  for (const uri of selection) {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory) found.push(...(await walk(uri)));
    else found.push(uri);
  }
  return found;
}

async function walk(folder: vscode.Uri): Promise<vscode.Uri[]> {
  const found: vscode.Uri[] = [];
  for (const [name, type] of await vscode.workspace.fs.readDirectory(folder)) {
    const uri = vscode.Uri.joinPath(folder, name);
    if (type & vscode.FileType.Directory) {
      if (!SKIPPED_FOLDERS.has(name)) found.push(...(await walk(uri)));
    } else if (mayBeHandsetFile(name) && isHandsetText(await readText(uri))) {
      found.push(uri);
    }
  }
  return found.sort((a, b) => a.path.localeCompare(b.path));
}

/** The text of a file: from its editor when it is open (unsaved edits included), else from disk. */
export async function readText(uri: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  return new TextDecoder().decode(await readWorkspaceFile(uri)).replace(/^\uFEFF/, '');
}

/**
 * The text of a handset file: from its editor when it is open, else its bytes from disk read strictly as UTF-8;
 * a file that is not UTF-8 (Latin-1, UTF-16) gives the reason instead, so that nothing is encrypted garbled.
 */
export async function readHandsetText(uri: vscode.Uri): Promise<{ text: string } | { problem: string }> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return { text: open.getText() };
  const decoded = decodeHandsetBytes(await readWorkspaceFile(uri));
  return decoded.ok ? { text: decoded.text.replace(/^\uFEFF/, '') } : { problem: decoded.problem };
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Writes a temporary file beside the target and renames it into place. */
export async function writeAtomically(target: vscode.Uri, data: Uint8Array, overwrite: boolean): Promise<void> {
  const folder = vscode.Uri.joinPath(target, '..');
  const temp = vscode.Uri.joinPath(folder, `.${target.path.split('/').pop()}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  await writeViaTemporary(vscode.workspace.fs, { folder, temp, target }, data, overwrite);
}
