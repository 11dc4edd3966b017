// Turning an explorer selection into handset files, and writing files without ever leaving half of one behind.

import * as vscode from 'vscode';
import { decodeHandsetBytes } from '../../../shared/domain/textBytes';
import { readWorkspaceFile } from './readWorkspaceFile';
import { mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import { writeFileAtomic } from '../../../shared/files/atomicWrite';
import { isHandsetText, mayBeHandsetFile, SKIPPED_FOLDERS } from '../../../shared/detect/handsetText';

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

/**
 * Writes through the one atomic writer the CLI uses (shared/files/atomicWrite.ts): a temporary file beside the
 * target, renamed into place (or linked, to never replace), removed on any failure. A rename through VS Code's file
 * system API deleted the target first, so a base station could find no file for a moment; rename(2) does not.
 */
export async function writeAtomically(target: vscode.Uri, data: Uint8Array, overwrite: boolean): Promise<void> {
  if (target.scheme !== 'file') throw new Error(`${target.toString(true)} is not a file on this machine; hsconfig writes only files on disk.`);
  await mkdir(path.dirname(target.fsPath), { recursive: true });
  writeFileAtomic(target.fsPath, data, { overwrite });
}
