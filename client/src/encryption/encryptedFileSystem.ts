// Editing an encrypted handset file in place: a file system whose files are the decrypted view of encrypted files.
// Reading decrypts in memory; saving encrypts again with a fresh salt and replaces the file atomically. The plaintext
// never touches the disk.

import * as vscode from 'vscode';
import { decrypt, DecryptError, encrypt, notEncryptedReason, type DecryptResult, type Derivation } from '../../../shared/domain/opensslEnc';
import type { Attempt } from './passwordFlow';
import { writeAtomically } from '../files/handsetFiles';
import type { PasswordStore } from './passwordStore';
import { readWorkspaceFile } from '../files/readWorkspaceFile';

export const ENCRYPTED_SCHEME = 'hsconfig-encrypted';

/** The decrypted view of an encrypted file (the underlying scheme rides in the query). */
export function decryptedView(file: vscode.Uri): vscode.Uri {
  return file.with({ scheme: ENCRYPTED_SCHEME, query: file.scheme });
}

/** One decryption attempt for the password flow: a wrong password is an answer, anything else an error. */
export function attemptDecrypt(data: Buffer): (password: string) => Attempt<DecryptResult & { password: string }> {
  return (password) => {
    try {
      return { ok: { ...decrypt(data, password), password } };
    } catch (err) {
      if (err instanceof DecryptError && err.reason === 'wrong-password') return { wrongPassword: err.message };
      throw err;
    }
  };
}

export function fileName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() ?? uri.path;
}

function underlying(view: vscode.Uri): vscode.Uri {
  return view.with({ scheme: view.query || 'file', query: '' });
}

export class EncryptedFileSystem implements vscode.FileSystemProvider {
  private readonly changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changes.event;
  /** How each open file's key was derived, so saving keeps it (unless the user switched to MD5). */
  private readonly derivations = new Map<string, Derivation>();
  /** The password each open file was decrypted with (in memory only). */
  private readonly passwordOf = new Map<string, string>();

  constructor(private readonly passwords: PasswordStore) {}

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): Thenable<vscode.FileStat> {
    return vscode.workspace.fs.stat(underlying(uri));
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const file = underlying(uri);
    const data = Buffer.from(await readWorkspaceFile(file));
    const notEncrypted = notEncryptedReason(data);
    if (notEncrypted) throw vscode.FileSystemError.Unavailable(`${fileName(file)}: ${notEncrypted}`);
    const result = await this.passwords.decrypt(fileName(file), attemptDecrypt(data));
    if (!result) throw vscode.FileSystemError.NoPermissions('No password was given to decrypt this file.');
    this.remember(uri, result.derivation);
    this.passwordOf.set(uri.toString(), result.password);
    return result.plaintext;
  }

  /** Saving encrypts with the password that opened the file, so a save never asks. */
  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const password = this.passwordOf.get(uri.toString()) ?? (await this.passwords.forEncrypt(fileName(underlying(uri))));
    if (!password) throw vscode.FileSystemError.NoPermissions('No password was given to encrypt this file.');
    const derivation = this.derivations.get(uri.toString());
    const digest = derivation === 'sha256' ? 'sha256' : 'md5';
    await writeAtomically(underlying(uri), encrypt(Buffer.from(content), password, { digest }), true);
    this.changes.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }

  useMd5(uri: vscode.Uri): void {
    this.derivations.set(uri.toString(), 'md5');
  }

  private remember(uri: vscode.Uri, derivation: Derivation): void {
    const key = uri.toString();
    const known = this.derivations.get(key);
    if (known === 'md5' && derivation !== 'md5') return; // the user chose MD5 for the next save
    this.derivations.set(key, derivation);
    if (derivation !== 'md5' && known === undefined) {
      void vscode.window
        .showWarningMessage(
          `${fileName(uri)} was encrypted with ${derivation === 'pbkdf2' ? 'PBKDF2' : 'SHA-256'} key derivation; the base station probably cannot read it. Save it with MD5 instead?`,
          'Use MD5 when saving',
        )
        .then((choice) => choice && this.useMd5(uri));
    }
  }

  readDirectory(): [string, vscode.FileType][] {
    throw vscode.FileSystemError.NoPermissions('Encrypted files are opened one at a time.');
  }
  createDirectory(): void {
    throw vscode.FileSystemError.NoPermissions('Encrypted files are opened one at a time.');
  }
  delete(): void {
    throw vscode.FileSystemError.NoPermissions('Delete the encrypted file itself in the explorer.');
  }
  rename(): void {
    throw vscode.FileSystemError.NoPermissions('Rename the encrypted file itself in the explorer.');
  }
}
