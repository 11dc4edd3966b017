// Commands run with exactly the arguments VS Code passes from each menu that offers them (Explorer: the clicked
// resource and the selection; editor title and context: the resource and its editor group; palette: nothing), and
// the base-station file followed on disk. The UI checks (scripts/e2e/lib/uiChecks.mjs) click the real menus.

import * as assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { diagnosticCode, EXTENSION_ID, fixtureUri, LANGUAGE_ID, openInLanguage, waitForDiagnostics } from './editor';
import { waitUntil } from './waits';

/** What an editor title or editor context menu passes after the resource. */
const EDITOR_CONTEXT = { groupId: 0, editorIndex: 0 };

/** Accepts each question a command asks with its default (first item, proposed value) until the command is done. */
async function answeringDefaults<T>(run: Thenable<T>): Promise<T> {
  let done = false;
  const result = Promise.resolve(run).finally(() => (done = true));
  while (!done) {
    await new Promise((r) => setTimeout(r, 400));
    if (!done) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  }
  return result;
}

const exists = (uri: vscode.Uri) => vscode.workspace.fs.stat(uri).then(() => true, () => false);
const tabLabels = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label);

describe('menus pass what VS Code passes', () => {
  before(async () => {
    const api = await vscode.extensions.getExtension<{ setPassword(p: string): Promise<void> }>(EXTENSION_ID)!.activate();
    await api.setPassword('Menu-Secret1');
  });

  it('Explorer, one CSV: (clicked, [clicked]) generates from it, asking its questions (once failed on the selection)', async () => {
    const csv = fixtureUri('handsets.csv');
    await answeringDefaults(vscode.commands.executeCommand('hsconfig.generateFromCsv', csv, [csv]));
    const out = fixtureUri('handsets');
    assert.ok(await exists(vscode.Uri.joinPath(out, 'ipei_02c332b520.xml')), 'the default output folder "handsets" beside the CSV');
    assert.ok(await exists(vscode.Uri.joinPath(out, 'ipei_02c332b510.xml')));
  });

  it('Explorer, two files selected: (clicked, [a, b]) encrypts both', async () => {
    const a = fixtureUri('handset.xml');
    const b = fixtureUri('to-encrypt.xml');
    // Its own output folder, so no earlier test's file asks to be replaced.
    const config = vscode.workspace.getConfiguration('hsconfig');
    await config.update('encryption.outputFolder', 'encrypted-from-menu', vscode.ConfigurationTarget.Workspace);
    try {
      await vscode.commands.executeCommand('hsconfig.encrypt', b, [a, b]);
    } finally {
      await config.update('encryption.outputFolder', undefined, vscode.ConfigurationTarget.Workspace);
    }
    for (const ipei of ['02c332b510', '02c332b512']) assert.ok(await exists(vscode.Uri.joinPath(fixtureUri('encrypted-from-menu'), `ipei_${ipei}.xml`)), ipei);
  });

  it('Explorer, an encrypted file: Decrypt opens a copy named after the file, not after its first line', async () => {
    const file = vscode.Uri.joinPath(fixtureUri('encrypted-from-menu'), 'ipei_02c332b512.xml');
    await vscode.commands.executeCommand('hsconfig.decrypt', file, [file]);
    const doc = await waitUntil('the decrypted copy', [vscode.workspace.onDidOpenTextDocument, vscode.workspace.onDidChangeTextDocument], () =>
      vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'untitled' && d.uri.path.endsWith('/ipei_02c332b512 (decrypted).xml') && d.getText().includes('<hs_name>Vault</hs_name>')),
    );
    assert.equal(doc.languageId, LANGUAGE_ID);
  });

  it('Decrypt on a plain file says so without asking for a password (a question would hold this test up)', async () => {
    const plain = fixtureUri('handset.xml');
    assert.equal(await vscode.commands.executeCommand('hsconfig.decrypt', plain, [plain]), undefined);
  });

  it('Explorer, a folder: (folder, [folder]) simulates it', async () => {
    const folder = fixtureUri('handsets');
    await vscode.commands.executeCommand('hsconfig.simulateFolder', folder, [folder]);
    await waitUntil('the simulation tab', [vscode.window.tabGroups.onDidChangeTabs], () => tabLabels().find((l) => l === 'Simulation: handsets'));
  });

  it('editor title: (uri, { groupId, editorIndex }) previews that file', async () => {
    const doc = await openInLanguage('authoring.xml', LANGUAGE_ID);
    await vscode.commands.executeCommand('hsconfig.preview', doc.uri, EDITOR_CONTEXT);
    await waitUntil(() => `the preview of authoring.xml (tabs: ${tabLabels().join(', ')})`, [vscode.window.tabGroups.onDidChangeTabs], () => tabLabels().find((l) => l === 'Outcome: authoring.xml'));
  });

  it('palette: no arguments acts on the active editor', async () => {
    await openInLanguage('handset.xml', LANGUAGE_ID);
    await vscode.commands.executeCommand('hsconfig.preview');
    await waitUntil('the preview to follow handset.xml', [vscode.window.tabGroups.onDidChangeTabs], () => tabLabels().find((l) => l === 'Outcome: handset.xml'));
  });

  it('a failing command reports and resolves instead of throwing at its caller', async () => {
    const missing = fixtureUri('no-such-config.txt');
    assert.equal(await vscode.commands.executeCommand('hsconfig.importBaseStation', missing, [missing]), undefined);
  });
});

/**
 * Writes a file, then again every 2 s until `until` settles. VS Code starts a watcher asynchronously after the setting
 * that names the file changes, so a write right after the change can come before the watch does (a user's edit
 * seconds later would not).
 */
async function writeUntil<T>(write: () => PromiseLike<unknown>, until: () => Promise<T>): Promise<T> {
  const rewrite = setInterval(() => void write(), 2_000);
  try {
    await write();
    return await until();
  } finally {
    clearInterval(rewrite);
  }
}

describe('the base-station file, changed on disk', () => {
  it('diagnostics follow it within seconds, and go back when it is removed', async () => {
    const doc = await openInLanguage('handset.xml', LANGUAGE_ID);
    const file = fixtureUri('.vscode/hsconfig-base-station.json');
    await vscode.workspace.fs.writeFile(file, Buffer.from(JSON.stringify({ profiles: [{ index: 1, name: 'Head Office' }] })));
    const [d] = await waitForDiagnostics(doc.uri, 'profile1 to be unknown to the base station on disk', (ds) => ds.some((x) => diagnosticCode(x) === 'profile-unknown'));
    assert.match(d.message, /Head Office/);
    await vscode.workspace.fs.delete(file);
    await waitForDiagnostics(doc.uri, 'profile1 to be known again without the file', (ds) => !ds.some((x) => diagnosticCode(x) === 'profile-unknown'));
  });

  it('follows hsconfig.baseStation when the setting changes, also to a file in a folder made afterwards', async () => {
    const doc = await openInLanguage('handset.xml', LANGUAGE_ID);
    const folder = fixtureUri('site-b');
    const config = vscode.workspace.getConfiguration('hsconfig');
    await config.update('baseStation', 'site-b/base-station.json', vscode.ConfigurationTarget.Workspace);
    try {
      // The watcher is made again for the new setting (the CI-like run's .vsix phase once wrote before it watched).
      const write = () => vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'base-station.json'), Buffer.from(JSON.stringify({ profiles: [{ index: 1, name: 'Site B' }] })));
      const [d] = await writeUntil(write, () => waitForDiagnostics(doc.uri, 'profile1 to be unknown to site-b/base-station.json', (ds) => ds.some((x) => diagnosticCode(x) === 'profile-unknown')));
      assert.match(d.message, /Site B/);
    } finally {
      await config.update('baseStation', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.workspace.fs.delete(folder, { recursive: true }).then(undefined, () => undefined);
    }
    await waitForDiagnostics(doc.uri, 'profile1 to be known again with the setting reset', (ds) => !ds.some((x) => diagnosticCode(x) === 'profile-unknown'));
  });

  it('follows an absolute hsconfig.baseStation outside the workspace, changed on disk after the setting', async () => {
    const doc = await openInLanguage('handset.xml', LANGUAGE_ID);
    const outside = await mkdtemp(path.join(os.tmpdir(), 'hsconfig-base-'));
    const file = path.join(outside, 'site-c.json');
    const write = (name: string) => writeFile(file, JSON.stringify({ profiles: [{ index: 1, name }] }));
    const config = vscode.workspace.getConfiguration('hsconfig');
    await write('Site C');
    await config.update('baseStation', file, vscode.ConfigurationTarget.Workspace);
    try {
      await waitForDiagnostics(doc.uri, 'profile1 to be unknown to site-c.json', (ds) => ds.some((x) => diagnosticCode(x) === 'profile-unknown' && /Site C/.test(x.message)));
      // The folder outside the workspace is watched from the setting's change on.
      await writeUntil(() => write('Site C2'), () => waitForDiagnostics(doc.uri, 'the diagnostic to name the profile written to site-c.json since', (ds) => ds.some((x) => diagnosticCode(x) === 'profile-unknown' && /Site C2/.test(x.message))));
    } finally {
      await config.update('baseStation', undefined, vscode.ConfigurationTarget.Workspace);
      await rm(outside, { recursive: true, force: true });
    }
  });
});

describe('base-station configs: Convert and Compare open new editors and write nothing', () => {
  const office = fixtureUri('base-configs/office-base.txt');
  const dp750 = fixtureUri('base-configs/dp750-base.txt');
  const folderNames = async () => (await vscode.workspace.fs.readDirectory(fixtureUri('base-configs'))).map(([n]) => n).sort();
  /** The untitled editor a command opened, once it is the active one. */
  const untitledShowing = (what: string, accept: (text: string) => boolean) =>
    waitUntil(what, [vscode.window.onDidChangeActiveTextEditor, vscode.workspace.onDidChangeTextDocument], () => {
      const doc = vscode.window.activeTextEditor?.document;
      return doc?.isUntitled && accept(doc.getText()) ? doc : undefined;
    });
  afterEach(async () => {
    // Unsaved results are reverted, not saved: closing them would ask.
    while (vscode.window.activeTextEditor?.document.isUntitled) await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Explorer, a config: Convert (clicked, [clicked]) offers the other shapes and opens the first, XML v1, unsaved', async () => {
    const before = await folderNames();
    await answeringDefaults(vscode.commands.executeCommand('hsconfig.convertBaseConfig', office, [office]));
    const doc = await untitledShowing('the XML v1 conversion', (t) => t.includes('<config version="1">'));
    assert.equal(doc.languageId, 'hsconfig-base-xml', 'an XML config, so Toggle Line Comment writes <!-- -->');
    assert.match(doc.getText(), /<P27762>Office PBX<\/P27762>\n\s*<P47>pbx\.example\.com<\/P47>/);
    assert.match(doc.getText(), /<!-- A base station whose first profile was renamed -->/);
    assert.deepEqual(await folderNames(), before, 'nothing was written beside the config');
  });

  it('Palette, a config in the active editor: Convert () converts that one', async () => {
    await openInLanguage('base-configs/dp750-base.txt', 'hsconfig-base');
    await answeringDefaults(vscode.commands.executeCommand('hsconfig.convertBaseConfig'));
    await untitledShowing('dp750-base.txt as XML v1', (t) => t.includes('<P4060>5328</P4060>'));
  });

  it('Explorer, two configs selected: Compare (clicked, [a, b]) lists what differs, P-value by P-value, named', async () => {
    await vscode.commands.executeCommand('hsconfig.compareBaseConfigs', dp750, [office, dp750]);
    const doc = await untitledShowing('the comparison', (t) => t.startsWith('--- base-configs/office-base.txt\n+++ base-configs/dp750-base.txt\n'));
    assert.match(doc.getText(), /^\+ P271 Profile Active: 1$/m);
    assert.match(doc.getText(), /^\+ P4060 /m);
  });

  it('Editor context, one config: Compare (uri, { groupId }) asks which config to compare with', async () => {
    await answeringDefaults(vscode.commands.executeCommand('hsconfig.compareBaseConfigs', office, EDITOR_CONTEXT));
    await untitledShowing('a comparison with the first config offered', (t) => t.startsWith('--- base-configs/office-base.txt\n+++ '));
  });
});
