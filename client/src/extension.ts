// The VS Code side: starts the language server and handles what needs the editor. No hs_config rules live here.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerCommand, useCommandLog } from './commands/registerCommand';
import * as exportSchema from './commands/exportSchema';
import { registerAutoCloseTag } from './autoCloseTag';
import { registerLanguageDetection } from './language/languageDetection';
import { LANGUAGE_IDS } from '../../shared/languageIds';
import { registerContextKeys } from './menus/contextKeys';
import { listenForBaseStationChanges } from './language/baseStationChanges';
import { registerLanguageStatus, type LanguageStatusSnapshot } from './languageStatus';
import { registerEncryption } from './encryption/commands';
import { registerPreview } from './preview/previewPanel';
import { registerImportBaseStation } from './preview/importBaseStation';
import { registerBaseConfigCommands } from './baseConfig/configCommands';
import { registerGenerate } from './deploy/generate';
import { registerIpei } from './deploy/ipei';
import { registerNewHandsetFile } from './deploy/newHandsetFile';
import { registerServe } from './deploy/serve';
import { registerSitesView, type SitesProvider } from './sites/sitesView';

let client: LanguageClient | undefined;

/** What the extension offers other extensions (and its in-editor tests). */
export interface HsconfigApi {
  /** Sets the XML config file password (P1359) for encryption without a prompt; `remember` keeps it in secret storage. */
  setPassword(password: string, remember?: boolean): Promise<void>;
  /** What hsconfig's language status items show now (those of the active editor's language are the ones on screen). */
  languageStatus(): LanguageStatusSnapshot[];
  /** The Explorer's sites view (its in-editor tests read it). */
  readonly sitesView: SitesProvider;
}

export async function activate(context: vscode.ExtensionContext): Promise<HsconfigApi> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGE_IDS.map((language) => ({ language })),
    synchronize: { configurationSection: 'hsconfig' },
    // The server offers pull diagnostics: without this, VS Code's client asks only when a document opens.
    diagnosticPullOptions: { onChange: true },
  };
  const log = vscode.window.createOutputChannel('Handset Config', { log: true });
  context.subscriptions.push(log);
  useCommandLog(log);
  client = new LanguageClient('hsconfig', 'Handset Config Language Server', serverOptions, clientOptions);
  context.subscriptions.push(
    registerCommand('hsconfig.restartServer', 'Restart Language Server', () => client?.restart()),
  );
  registerLanguageDetection(context);
  const workspaceFiles = registerContextKeys(context);
  await client.start();
  listenForBaseStationChanges(context, client);
  const languageStatus = registerLanguageStatus(context, client);
  registerAutoCloseTag(context, client);
  exportSchema.register(context, client);
  const passwords = registerEncryption(context, client, log);
  registerPreview(context, client);
  registerImportBaseStation(context, client, log);
  registerBaseConfigCommands(context, client, workspaceFiles);
  registerGenerate(context, client, passwords, log);
  registerServe(context, client);
  registerIpei(context);
  registerNewHandsetFile(context, client);
  const sitesView = registerSitesView(context, client);
  return { setPassword: (password, remember = false) => passwords.set(password, remember), languageStatus, sitesView };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
