// "Convert IPEI": the hex and decimal forms of an IPEI, its check digit, and the file the base station requests.

import * as vscode from 'vscode';
import { registerCommand } from '../commands/registerCommand';
import { encryptedFileName } from '../../../shared/domain/encryptedFileName';
import { ipeiReadingProblem, readIpei } from '../../../shared/domain/ipeiInput';

export function registerIpei(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    registerCommand('hsconfig.convertIpei', 'Convert IPEI', async () => {
      const value = await vscode.window.showInputBox({
        title: 'Convert IPEI',
        prompt: '10 hex digits (02c332b510) or the 13-digit decimal form on the label (11315 0177424 2)',
        validateInput: (v) => {
          const r = readIpei(v);
          return 'problem' in r ? r.problem : ipeiReadingProblem(r);
        },
      });
      if (!value) return;
      const r = readIpei(value);
      if ('problem' in r) return;
      const prefix = vscode.workspace.getConfiguration('hsconfig').get<string>('handsetFilePrefix', 'ipei_');
      const postfix = vscode.workspace.getConfiguration('hsconfig').get<string>('handsetFilePostfix', '');
      const items = [
        { label: r.hex, description: 'hex form, for <ipei>' },
        ...(r.grouped ? [{ label: r.grouped, description: 'decimal form, as on the label' }] : []),
        { label: encryptedFileName(r.hex, { prefix, postfix }), description: 'the file the base station requests' },
      ];
      const chosen = await vscode.window.showQuickPick(items, { title: `IPEI ${r.hex}: choose one to copy` });
      if (chosen) await vscode.env.clipboard.writeText(chosen.label);
    }),
  );
}
