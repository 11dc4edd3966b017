// Encrypt a file, edit the encrypted one in place, save, and check with the real openssl that the base station
// would read exactly what was saved.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as vscode from 'vscode';
import { EXTENSION_ID, fixtureUri, LANGUAGE_ID, replaceText } from './editor';
import { waitUntil } from './waits';

const PASSWORD = 'E2e-Secret!42';

interface HsconfigApi {
  setPassword(password: string, remember?: boolean): Promise<void>;
}

function openssl(file: vscode.Uri): string {
  const r = spawnSync('openssl', ['enc', '-d', '-aes-256-cbc', '-md', 'md5', '-pass', 'env:HSCONFIG_E2E_PW', '-in', file.fsPath], {
    env: { ...process.env, HSCONFIG_E2E_PW: PASSWORD },
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, `openssl could not decrypt ${file.fsPath}: ${r.stderr}`);
  return r.stdout;
}

describe('encryption', () => {
  const encrypted = () => vscode.Uri.joinPath(fixtureUri('encrypted'), 'ipei_02c332b512.xml');

  before(async () => {
    const ext = vscode.extensions.getExtension<HsconfigApi>(EXTENSION_ID);
    assert.ok(ext);
    const api = await ext.activate();
    await api.setPassword(PASSWORD);
  });

  it('encrypts a file as openssl enc -md md5 does, named after its IPEI', async () => {
    await vscode.commands.executeCommand('hsconfig.encrypt', fixtureUri('to-encrypt.xml'));
    const bytes = Buffer.from(await vscode.workspace.fs.readFile(encrypted()));
    assert.equal(bytes.subarray(0, 8).toString('latin1'), 'Salted__');
    const plain = Buffer.from(await vscode.workspace.fs.readFile(fixtureUri('to-encrypt.xml'))).toString('utf8');
    assert.equal(openssl(encrypted()), plain);
  });

  it('skips a file that is not UTF-8 instead of encrypting it garbled (issue 15)', async () => {
    const folder = fixtureUri('latin1-e2e');
    const file = vscode.Uri.joinPath(folder, 'ipei_02c332b519.xml');
    const text = '<?xml version="1.0" encoding="UTF-8"?>\n<hs_config>\n  <ipei>02c332b519</ipei>\n  <hs_name>M\u00fcller</hs_name>\n</hs_config>\n';
    await vscode.workspace.fs.writeFile(file, Buffer.from(text, 'latin1'));
    try {
      // As the explorer's context menu passes them: the clicked file and the selection.
      await vscode.commands.executeCommand('hsconfig.encrypt', file, [file]);
      const written = await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(folder, 'encrypted')).then(
        (entries) => entries.map(([n]) => n),
        () => [],
      );
      assert.deepEqual(written, [], 'a Latin-1 file was encrypted');
    } finally {
      await vscode.workspace.fs.delete(folder, { recursive: true });
    }
  });

  it('edits the encrypted file in place; saving encrypts it again and no plaintext reaches the disk', async () => {
    const before = (await vscode.workspace.fs.readDirectory(fixtureUri('encrypted'))).map(([n]) => n).sort();
    await vscode.commands.executeCommand('hsconfig.openDecrypted', encrypted());
    const doc = await waitUntil('the decrypted view in the hsconfig language', [vscode.workspace.onDidOpenTextDocument], () =>
      vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'hsconfig-encrypted' && d.languageId === LANGUAGE_ID),
    );
    assert.match(doc.getText(), /<hs_name>Vault<\/hs_name>/);
    await replaceText(doc, '<hs_name>Vault</hs_name>', '<hs_name>Strongroom</hs_name>');
    assert.ok(await doc.save(), 'saving the decrypted view failed');
    const saved = openssl(encrypted());
    assert.equal(saved, doc.getText());
    assert.match(saved, /Strongroom/);
    const after = (await vscode.workspace.fs.readDirectory(fixtureUri('encrypted'))).map(([n]) => n).sort();
    assert.deepEqual(after, before, 'no temporary or plaintext file was left beside the encrypted one');
  });
});
