// The XML config file password in VS Code: the questions of passwordFlow.ts asked with VS Code's input boxes, pick
// lists and notifications, and kept in its SecretStorage per workspace only if the user agrees (otherwise only in
// memory until the window closes). Never in settings, logs or the output channel.

import * as vscode from 'vscode';
import { PasswordFlow, type PasswordUi, type SecretSlot } from './passwordFlow';

const ui: PasswordUi = {
  enter: async ({ title, prompt, validate }) => vscode.window.showInputBox({ title, prompt, password: true, ignoreFocusOut: true, validateInput: validate }),
  choose: async (title, options) => (await vscode.window.showQuickPick(options.map((o) => ({ ...o })), { title, ignoreFocusOut: true }))?.value,
  offerToRemember: async (message) => (await vscode.window.showInformationMessage(message, 'Remember', 'Only for this session')) === 'Remember',
};

function secretSlot(secrets: vscode.SecretStorage): SecretSlot {
  const key = () => `hsconfig.xmlConfigPassword:${vscode.workspace.workspaceFolders?.[0]?.uri.toString() ?? 'no-workspace'}`;
  return {
    get: async () => secrets.get(key()),
    store: async (value) => secrets.store(key(), value),
    delete: async () => secrets.delete(key()),
  };
}

export class PasswordStore extends PasswordFlow {
  constructor(secrets: vscode.SecretStorage) {
    super(ui, secretSlot(secrets));
  }
}
