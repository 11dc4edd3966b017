// Reads a workspace file through VS Code's file system, refusing what is not a regular file (a FIFO would never
// answer, a device would never end) and what is larger than any provisioning file could be.

import * as vscode from 'vscode';
import { describeSize, MAX_FILE_BYTES } from '../../../shared/files/fileLimits';

/** Why `uri` cannot be read as a file, from its stat; undefined when it can. */
export function refusalOf(stat: vscode.FileStat): string | undefined {
  if (!(stat.type & vscode.FileType.File)) return stat.type & vscode.FileType.Directory ? 'it is a folder' : 'it is not a regular file (a pipe, device or socket)';
  return stat.size > MAX_FILE_BYTES ? `it is larger than ${describeSize(MAX_FILE_BYTES)}` : undefined;
}

/** The file's bytes; a FileSystemError saying why when it is not a regular file of a readable size. */
export async function readWorkspaceFile(uri: vscode.Uri): Promise<Uint8Array> {
  const refusal = refusalOf(await vscode.workspace.fs.stat(uri));
  if (refusal) throw vscode.FileSystemError.Unavailable(`${uri.path.split('/').pop()}: ${refusal}`);
  return vscode.workspace.fs.readFile(uri);
}
