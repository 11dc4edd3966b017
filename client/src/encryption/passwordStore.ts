// The XML config file password: asked once, kept in VS Code's SecretStorage per workspace only if the user agrees,
// otherwise only in memory until the window closes. Never in settings, logs or the output channel.

import * as vscode from 'vscode';
import { passwordProblem } from '../../../server/src/domain/configPassword';

export class PasswordStore {
  private session: string | undefined;

  constructor(private readonly secrets: vscode.SecretStorage) {}

  private get key(): string {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.toString() ?? 'no-workspace';
    return `hsconfig.xmlConfigPassword:${folder}`;
  }

  /** The password, asking for it when none is known; `undefined` when the user cancels. */
  async get(purpose: 'encrypt' | 'decrypt'): Promise<string | undefined> {
    this.session ??= await this.secrets.get(this.key);
    if (this.session) return this.session;
    const password = await vscode.window.showInputBox({
      title: purpose === 'encrypt' ? 'Password to encrypt handset files' : 'Password to decrypt handset files',
      prompt: 'The XML Config File Password of the base station (P1359)',
      password: true,
      ignoreFocusOut: true,
      validateInput: (value) => (purpose === 'encrypt' ? passwordProblem(value) : value ? undefined : 'Enter the password.'),
    });
    if (!password) return undefined;
    this.session = password;
    // Asked on the side: the file opens (or is encrypted) at once, whatever the answer and however late it comes.
    void vscode.window
      .showInformationMessage('Remember this password for this workspace? It is kept in VS Code\'s secret storage, not in your settings.', 'Remember', 'Only for this session')
      .then(async (remember) => {
        if (remember === 'Remember' && this.session === password) await this.secrets.store(this.key, password);
      });
    return password;
  }

  /** Sets the password without asking (the extension's API, for automation); kept in secret storage if `remember`. */
  async set(password: string, remember: boolean): Promise<void> {
    const problem = passwordProblem(password);
    if (problem) throw new Error(problem);
    this.session = password;
    if (remember) await this.secrets.store(this.key, password);
  }

  /** Drops a password that turned out to be wrong, so the next attempt asks again. */
  async reject(): Promise<void> {
    await this.forget();
  }

  async forget(): Promise<void> {
    this.session = undefined;
    await this.secrets.delete(this.key);
  }
}
