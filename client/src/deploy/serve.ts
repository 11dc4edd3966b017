// "Serve Handset Files": a local HTTP server that answers what a base station requests, with its log in an output
// channel and its address in the status bar while it runs.

import * as vscode from 'vscode';
import { registerCommand } from '../commands/registerCommand';
import { startProvisioningServer, type ProvisioningServer } from '../../../server/src/deploy/provisioningServer';
import { formatRequestLog } from '../../../server/src/deploy/requestLog';

export function registerServe(context: vscode.ExtensionContext): void {
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
      try {
        running = await startProvisioningServer({
          root: folder.fsPath,
          host: config.get<string>('host', '127.0.0.1'),
          port: config.get<number>('port', 0),
          basePath: config.get<string>('path', '/'),
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
      void vscode.window.showInformationMessage(`Serving handset files at ${url}`, 'Show Log').then((c) => c && output.show(true));
      return url;
    }),
    registerCommand('hsconfig.stopServing', 'Stop Serving', stop),
  );
}
