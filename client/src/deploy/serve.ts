// "Serve Handset Files": a local HTTP server that answers what a base station requests, with its log in an output
// channel and its address in the status bar while it runs.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerCommand } from '../commands/registerCommand';
import { inFolder, profileSource } from '../language/baseStationChanges';
import { isLoopback, protocolNote, servedPath } from '../../../shared/serve/servePath';
import { startProvisioningServer, type ProvisioningServer } from '../../../shared/serve/provisioningServer';
import { formatRequestLog } from '../../../shared/serve/requestLog';

export function registerServe(context: vscode.ExtensionContext, client: LanguageClient): void {
  const output = vscode.window.createOutputChannel('Handset Config Provisioning Server');
  const status = vscode.window.createStatusBarItem('hsconfig.serve', vscode.StatusBarAlignment.Left, 10);
  status.name = 'Handset Config Provisioning Server';
  status.command = 'hsconfig.stopServing';
  let running: ProvisioningServer | undefined;

  const stop = async () => {
    const server = running;
    running = undefined;
    status.hide();
    await vscode.commands.executeCommand('setContext', 'hsconfig.serving', false);
    if (server) {
      await server.close();
      output.appendLine(`${new Date().toISOString()} stopped`);
    }
  };

  context.subscriptions.push(
    output,
    status,
    { dispose: () => void stop() },
    registerCommand('hsconfig.serveFolder', 'Serve Handset Files', async (target) => {
      const folder = target.uris[0] ?? vscode.workspace.workspaceFolders?.[0]?.uri;
      if (!folder) return void vscode.window.showWarningMessage('Choose a folder of handset files to serve.');
      await stop();
      const config = vscode.workspace.getConfiguration('hsconfig.serve');
      const pathSetting = config.inspect<string>('path');
      const userPath = pathSetting?.workspaceFolderValue ?? pathSetting?.workspaceValue ?? pathSetting?.globalValue;
      const source = await profileSource(client, inFolder(folder));
      const served = servedPath({ userPath, configServerPath: source.configServerPath });
      try {
        running = await startProvisioningServer({
          root: folder.fsPath,
          host: config.get<string>('host', '127.0.0.1'),
          port: config.get<number>('port', 0),
          basePath: served.path,
          log: (entry) => output.appendLine(formatRequestLog(entry)),
        });
      } catch (err) {
        return void vscode.window.showErrorMessage(`The provisioning server could not start: ${(err as Error).message}`);
      }
      const url = running.address.url;
      output.appendLine(`${new Date().toISOString()} serving ${folder.fsPath} at ${url}`);
      status.text = `$(broadcast) ${url}`;
      status.tooltip = `Serving ${vscode.workspace.asRelativePath(folder)} to base stations. Click to stop.`;
      status.show();
      await vscode.commands.executeCommand('setContext', 'hsconfig.serving', true);
      const under = served.from === 'baseStation' ? ` (the path of the base-station file's Config Server Path, P237)` : '';
      const protocol = protocolNote(source.configProtocol);
      if (isLoopback(running.address.host)) {
        const message = `Serving handset files at ${url}${under}. Only this computer can reach ${running.address.host}: a base station on the network cannot. To serve it, set hsconfig.serve.host to this computer's address on that network, or 0.0.0.0 for all.${protocol}`;
        void vscode.window.showWarningMessage(message, 'Open Host Setting', 'Show Log').then((c) => {
          if (c === 'Open Host Setting') void vscode.commands.executeCommand('workbench.action.openSettings', 'hsconfig.serve.host');
          else if (c) output.show(true);
        });
      } else {
        const show = protocol ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
        void show(`Serving handset files at ${url}${under}.${protocol}`, 'Show Log').then((c) => c && output.show(true));
      }
      return url;
    }),
    registerCommand('hsconfig.stopServing', 'Stop Serving', stop),
  );
}
