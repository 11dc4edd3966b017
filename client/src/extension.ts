// The VS Code side: starts the language server and handles what needs the editor. No hs_config rules live here.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import * as exportSchema from './commands/exportSchema';
import { LANGUAGE_ID, registerLanguageDetection } from './languageDetection';
import { registerLanguageStatus } from './languageStatus';
import { registerEncryption } from './encryption/commands';
import { registerPreview } from './preview/previewPanel';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }],
    synchronize: { configurationSection: 'hsconfig' },
  };
  const log = vscode.window.createOutputChannel('Handset Config', { log: true });
  context.subscriptions.push(log);
  client = new LanguageClient('hsconfig', 'Handset Config Language Server', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.commands.registerCommand('hsconfig.restartServer', () => client?.restart()),
  );
  registerLanguageDetection(context);
  exportSchema.register(context);
  await client.start();
  registerLanguageStatus(context, client);
  registerEncryption(context, client, log);
  registerPreview(context, client);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
