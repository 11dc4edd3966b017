// Encrypt, decrypt and edit-in-place commands. The crypto itself is the pure module the CLI uses too.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Diagnostic } from 'vscode-languageserver-types';
import { encryptedFileName } from '../../../shared/domain/encryptedFileName';
import { encrypt, isXmlText, notEncryptedReason } from '../../../shared/domain/opensslEnc';
import { hasSaltedHeader } from '../../../shared/domain/textBytes';
import { HANDSET_IPEI_REQUEST, VALIDATE_TEXT_REQUEST, type IpeiForName } from '../../../shared/protocol/protocol';
import { attemptDecrypt, decryptedView, ENCRYPTED_SCHEME, EncryptedFileSystem, fileName } from './encryptedFileSystem';
import { exists, handsetFiles, readHandsetText, writeAtomically } from '../files/handsetFiles';
import { PasswordStore } from './passwordStore';
import { settingPath } from '../files/settingPath';
import { registerCommand, reportFailure, urisOrActiveOrPick } from '../commands/registerCommand';
import { readWorkspaceFile } from '../files/readWorkspaceFile';

export function registerEncryption(context: vscode.ExtensionContext, client: LanguageClient, log: vscode.LogOutputChannel): PasswordStore {
  const passwords = new PasswordStore(context.secrets);
  const fileSystem = new EncryptedFileSystem(passwords);
  const encrypted: vscode.OpenDialogOptions = { title: 'Encrypted handset file', canSelectMany: false, openLabel: 'Decrypt' };
  context.subscriptions.push(
    vscode.workspace.registerFileSystemProvider(ENCRYPTED_SCHEME, fileSystem, { isCaseSensitive: true }),
    registerCommand('hsconfig.encrypt', 'Encrypt', async (target) =>
      encryptCommand(await urisOrActiveOrPick(target, { title: 'Handset files or folders to encrypt', canSelectMany: true, canSelectFolders: true, openLabel: 'Encrypt' }), passwords, client, log),
    ),
    registerCommand('hsconfig.decrypt', 'Decrypt', async (target) => decryptCommand((await urisOrActiveOrPick(target, encrypted))[0], passwords, fileSystem, log)),
    registerCommand('hsconfig.openDecrypted', 'Open Decrypted', async (target) => openDecrypted((await urisOrActiveOrPick(target, { ...encrypted, openLabel: 'Open' }))[0])),
    registerCommand('hsconfig.forgetPassword', 'Forget Password', async () => {
      await passwords.forget();
      void vscode.window.showInformationMessage('The handset file password is forgotten for this workspace.');
    }),
    // A file opened in place of a preview tab comes as a changed tab, not an opened one.
    vscode.window.tabGroups.onDidChangeTabs((e) => [...e.opened, ...e.changed].forEach(offerDecryptedView)),
  );
  // Files opened before the extension was activated.
  vscode.window.tabGroups.all.flatMap((g) => g.tabs).forEach(offerDecryptedView);
  return passwords;
}

interface Job {
  readonly source: vscode.Uri;
  readonly text: string;
  readonly target: vscode.Uri;
}

interface Skip {
  readonly source: vscode.Uri;
  readonly why: string;
}

async function encryptCommand(selected: vscode.Uri[], passwords: PasswordStore, client: LanguageClient, log: vscode.LogOutputChannel): Promise<void> {
  if (!selected.length) return void vscode.window.showWarningMessage('Select handset files or folders to encrypt.');
  if (selected.some((u) => u.scheme === ENCRYPTED_SCHEME)) {
    return void vscode.window.showWarningMessage('This is the decrypted view of an encrypted file: saving it encrypts it again.');
  }
  const files = await handsetFiles(selected);
  if (!files.length) return void vscode.window.showWarningMessage('No handset files found: folders are searched for .xml files whose root is <hs_config>.');
  const { jobs, skipped } = await planEncryption(files, client);
  const ready = await confirmErrors(jobs, skipped, client);
  const final = ready && (await confirmOverwrites(ready, skipped));
  if (!final?.jobs.length) return report(0, skipped, log);
  const password = await passwords.forEncrypt(final.jobs.length === 1 ? vscode.workspace.asRelativePath(final.jobs[0].source) : `${final.jobs.length} handset files`);
  if (!password) return;
  const digest = vscode.workspace.getConfiguration('hsconfig').get<'md5' | 'sha256'>('encryption.digest', 'md5');
  let written = 0;
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Encrypting handset files', cancellable: true },
    async (progress, token) => {
      for (const job of final.jobs) {
        if (token.isCancellationRequested) {
          skipped.push({ source: job.source, why: 'cancelled' });
          continue;
        }
        progress.report({ message: vscode.workspace.asRelativePath(job.source), increment: 100 / final.jobs.length });
        try {
          await writeAtomically(job.target, encrypt(Buffer.from(job.text, 'utf8'), password, { digest }), final.overwrite.has(job.target.toString()));
          written++;
          log.info(`Encrypted ${vscode.workspace.asRelativePath(job.source)} → ${vscode.workspace.asRelativePath(job.target)} (${digest})`);
        } catch (err) {
          skipped.push({ source: job.source, why: err instanceof Error ? err.message : String(err) });
        }
      }
    },
  );
  report(written, skipped, log);
}

/** Where each file goes, and which cannot be encrypted at all. */
async function planEncryption(files: readonly vscode.Uri[], client: LanguageClient): Promise<{ jobs: Job[]; skipped: Skip[] }> {
  const config = vscode.workspace.getConfiguration('hsconfig');
  const affixes = { prefix: config.get<string>('handsetFilePrefix', 'ipei_'), postfix: config.get<string>('handsetFilePostfix', '') };
  const outFolder = settingPath(config.get<string>('encryption.outputFolder', 'encrypted'));
  const jobs: Job[] = [];
  const skipped: Skip[] = [];
  const targets = new Set<string>();
  for (const source of files) {
    const read = await readHandsetText(source);
    if ('problem' in read) {
      skipped.push({ source, why: read.problem });
      continue;
    }
    const text = read.text;
    if (!isXmlText(Buffer.from(text, 'utf8'))) {
      skipped.push({ source, why: 'not a plain XML file (encrypted already?)' });
      continue;
    }
    const found = await client.sendRequest<IpeiForName>(HANDSET_IPEI_REQUEST, { text, uri: source.toString() });
    if ('problem' in found) {
      skipped.push({ source, why: found.problem });
      continue;
    }
    let name: string;
    try {
      name = encryptedFileName(found.ipei, found.prefix === undefined ? affixes : { prefix: found.prefix, postfix: found.postfix ?? '' });
    } catch (err) {
      skipped.push({ source, why: (err as Error).message });
      continue;
    }
    const folder = 'absolute' in outFolder ? vscode.Uri.file(outFolder.absolute) : vscode.Uri.joinPath(source, '..', ...outFolder.segments);
    const target = vscode.Uri.joinPath(folder, name);
    if (target.toString() === source.toString()) {
      skipped.push({ source, why: `the encrypted file would replace this file itself; set hsconfig.encryption.outputFolder to another folder` });
      continue;
    }
    if (targets.has(target.toString())) {
      skipped.push({ source, why: `another selected file has the same IPEI and would also become ${name}` });
      continue;
    }
    targets.add(target.toString());
    jobs.push({ source, text, target });
  }
  return { jobs, skipped };
}

async function confirmErrors(jobs: Job[], skipped: Skip[], client: LanguageClient): Promise<Job[] | undefined> {
  const withErrors: { job: Job; errors: number }[] = [];
  for (const job of jobs) {
    const diagnostics = await client.sendRequest<Diagnostic[]>(VALIDATE_TEXT_REQUEST, { uri: job.source.toString(), text: job.text });
    const errors = diagnostics.filter((d) => d.severity === 1).length;
    if (errors) withErrors.push({ job, errors });
  }
  if (!withErrors.length) return jobs;
  const list = withErrors.map((w) => `${vscode.workspace.asRelativePath(w.job.source)} (${w.errors} error${w.errors === 1 ? '' : 's'})`).join(', ');
  const choice = await vscode.window.showWarningMessage(
    `${withErrors.length === 1 ? 'A file has' : `${withErrors.length} files have`} errors the base station may reject: ${list}. Encrypt anyway?`,
    { modal: true },
    'Encrypt Anyway',
    'Skip Them',
  );
  if (!choice) return undefined;
  if (choice === 'Encrypt Anyway') return jobs;
  const bad = new Set(withErrors.map((w) => w.job));
  for (const w of withErrors) skipped.push({ source: w.job.source, why: `${w.errors} validation error${w.errors === 1 ? '' : 's'}` });
  return jobs.filter((j) => !bad.has(j));
}

async function confirmOverwrites(jobs: Job[], skipped: Skip[]): Promise<{ jobs: Job[]; overwrite: Set<string> } | undefined> {
  const existing: Job[] = [];
  for (const job of jobs) if (await exists(job.target)) existing.push(job);
  if (!existing.length) return { jobs, overwrite: new Set() };
  const names = existing.map((j) => vscode.workspace.asRelativePath(j.target)).join(', ');
  const choice = await vscode.window.showWarningMessage(
    `${existing.length === 1 ? 'This encrypted file exists' : `${existing.length} encrypted files exist`} already: ${names}. Replace ${existing.length === 1 ? 'it' : 'them'}?`,
    { modal: true },
    'Replace',
    'Keep Existing',
  );
  if (!choice) return undefined;
  if (choice === 'Replace') return { jobs, overwrite: new Set(existing.map((j) => j.target.toString())) };
  for (const j of existing) skipped.push({ source: j.source, why: `${vscode.workspace.asRelativePath(j.target)} exists` });
  const keep = new Set(existing);
  return { jobs: jobs.filter((j) => !keep.has(j)), overwrite: new Set() };
}

function report(written: number, skipped: readonly Skip[], log: vscode.LogOutputChannel): void {
  for (const s of skipped) log.warn(`Skipped ${vscode.workspace.asRelativePath(s.source)}: ${s.why}`);
  const summary = `Encrypted ${written} file${written === 1 ? '' : 's'}${skipped.length ? `; skipped ${skipped.length}` : ''}.`;
  log.info(summary);
  const show = skipped.length ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  void show(summary + (skipped.length ? ` ${skipped.map((s) => `${vscode.workspace.asRelativePath(s.source)}: ${s.why}`).join('; ')}` : ''), ...(skipped.length ? ['Show Log'] : [])).then(
    (choice) => choice && log.show(),
  );
}

/** Opens the plaintext in an untitled editor: nothing is written unless the user saves it somewhere. */
async function decryptCommand(uri: vscode.Uri | undefined, passwords: PasswordStore, fileSystem: EncryptedFileSystem, log: vscode.LogOutputChannel): Promise<void> {
  if (!uri) return void vscode.window.showWarningMessage('Select an encrypted handset file to decrypt.');
  const data = Buffer.from(await readWorkspaceFile(uri));
  const notEncrypted = notEncryptedReason(data);
  if (notEncrypted) return void vscode.window.showWarningMessage(`${vscode.workspace.asRelativePath(uri)}: ${notEncrypted}`);
  const result = await passwords.decrypt(fileName(uri), attemptDecrypt(data));
  if (!result) return;
  const { password } = result;
  await showDecrypted(uri, result.plaintext.toString('utf8'));
  log.info(`Decrypted ${vscode.workspace.asRelativePath(uri)} (key derivation ${result.derivation}${result.salted ? '' : ', no salt'})`);
  if (result.derivation !== 'md5') {
    const choice = await vscode.window.showWarningMessage(
      `${vscode.workspace.asRelativePath(uri)} uses ${result.derivation === 'sha256' ? 'SHA-256' : 'PBKDF2'} key derivation; the base station probably cannot read it. Encrypt it again with MD5?`,
      'Re-encrypt with MD5',
    );
    if (choice) {
      await writeAtomically(uri, encrypt(result.plaintext, password, { digest: 'md5' }), true);
      fileSystem.useMd5(decryptedView(uri));
      void vscode.window.showInformationMessage(`${vscode.workspace.asRelativePath(uri)} is now encrypted with MD5.`);
    }
  }
}

/**
 * An untitled editor named after the file ("ipei_x (decrypted).xml"), not after its first line. An open copy that
 * holds other text is left alone: the next name is used ("(decrypted 2)").
 */
async function showDecrypted(file: vscode.Uri, text: string): Promise<void> {
  let doc: vscode.TextDocument | undefined;
  for (let n = 1; !doc; n++) {
    const name = file.path.replace(/(\.[^./]*)?$/, (ext) => ` (decrypted${n === 1 ? '' : ` ${n}`})${ext}`);
    const uri = file.with({ scheme: 'untitled', path: name, query: '', fragment: '' });
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (!open || open.getText() === '' || open.getText() === text) doc = await vscode.workspace.openTextDocument(uri);
  }
  const editor = await vscode.window.showTextDocument(doc);
  if (doc.getText() !== text) await editor.edit((e) => e.replace(new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text));
  if (doc.languageId !== 'hsconfig') await vscode.languages.setTextDocumentLanguage(doc, 'hsconfig');
}

async function openDecrypted(uri: vscode.Uri | undefined): Promise<void> {
  if (!uri) return void vscode.window.showWarningMessage('Select an encrypted handset file to open.');
  const doc = await vscode.workspace.openTextDocument(decryptedView(uri));
  await vscode.window.showTextDocument(doc);
}

/**
 * An encrypted file opened in an editor (VS Code shows it as binary) gets an offer to open its decrypted view.
 * Tabs rather than text documents, because VS Code opens no text document for a binary file.
 */
const offered = new Set<string>();

function offerDecryptedView(tab: vscode.Tab): void {
  // Not awaited by anyone: a failure (three wrong passwords, a file gone) is shown here, not lost.
  askToOpenDecrypted(tab).catch((err: unknown) => reportFailure('Open Decrypted', err));
}

async function askToOpenDecrypted(tab: vscode.Tab): Promise<void> {
  if (!(tab.input instanceof vscode.TabInputText) || tab.input.uri.scheme === ENCRYPTED_SCHEME) return;
  const uri = tab.input.uri;
  if (offered.has(uri.toString())) return; // once per file and window: tabs change often (focus, dirty state)
  offered.add(uri.toString());
  const salted = await readWorkspaceFile(uri).then(hasSaltedHeader, () => false);
  if (!salted) return void offered.delete(uri.toString());
  const choice = await vscode.window.showInformationMessage(
    `${vscode.workspace.asRelativePath(uri)} is encrypted. Open it decrypted for editing? Saving encrypts it again.`,
    'Open Decrypted',
  );
  if (choice) await openDecrypted(uri);
}
