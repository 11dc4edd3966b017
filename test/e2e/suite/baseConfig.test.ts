// The base station's config language in the editor: a text config opens in it, shows a diagnostic, answers hover and
// completion, and a handset file's <profile_name> goes to its profile-name P-value.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HsconfigApi } from '../../../client/src/extension';
import type { LanguageStatusSnapshot } from '../../../client/src/languageStatus';
import { diagnosticCode, EXTENSION_ID, fixtureUri, LANGUAGE_ID, openInLanguage, replaceText, waitForDiagnostics } from './editor';
import { WAIT_MS } from './waits';

const BASE_LANGUAGE_ID = 'hsconfig-base';

function positionOf(doc: vscode.TextDocument, needle: string, delta = 0): vscode.Position {
  const offset = doc.getText().indexOf(needle);
  assert.ok(offset >= 0, `"${needle}" is not in ${doc.uri.path}`);
  return doc.positionAt(offset + delta);
}

/** Polls the extension's status items until the base-config one satisfies `accept` (it follows edits after a pause). */
async function baseConfigStatus(what: string, accept: (s: LanguageStatusSnapshot) => boolean): Promise<LanguageStatusSnapshot> {
  const api = await vscode.extensions.getExtension<HsconfigApi>(EXTENSION_ID)!.activate();
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const item = api.languageStatus().find((s) => s.id === 'hsconfig.baseConfig');
    if (item && accept(item)) return item;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for the language status to show ${what}; it shows ${JSON.stringify(item)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('base-station config files', () => {
  let doc: vscode.TextDocument;

  before(async () => {
    doc = await openInLanguage('base-configs/office-base.txt', BASE_LANGUAGE_ID);
  });

  it('shows a diagnostic: handset provisioning on, no config server path in the file', async () => {
    const ds = await waitForDiagnostics(doc.uri, 'provisioning-without-server', (all) => all.some((d) => diagnosticCode(d) === 'provisioning-without-server'));
    const d = ds.find((x) => diagnosticCode(x) === 'provisioning-without-server');
    assert.equal(doc.getText(d?.range), '1');
    assert.match(d?.message ?? '', /P237/);
  });

  it('explains a P-value on hover', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, 'P27762', 2));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /P27762 — Profile Name/);
    assert.match(text, /profile\.1\.name/);
  });

  it('completes a switch with its meaning', async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, positionOf(doc, 'P27014=1', 'P27014='.length));
    const labels = list.items.map((i) => `${typeof i.label === 'string' ? i.label : i.label.label} ${typeof i.label === 'string' ? '' : i.label.description}`);
    assert.ok(labels.includes('0 No') && labels.includes('1 Yes'), labels.join(', '));
  });

  it("goes from a handset file's <profile_name> to the profile name in its site's base config", async () => {
    // A site: the config in a folder, a handset file below it (an open config elsewhere is another base station).
    const config = fixtureUri('office-site/dp750.txt');
    await vscode.workspace.fs.writeFile(config, Buffer.from(doc.getText(), 'utf8'));
    const file = fixtureUri('office-site/handsets/ipei_02c332b540.xml');
    const text = '<?xml version="1.0" encoding="UTF-8"?>\n<hs_config>\n  <ipei>02c332b540</ipei>\n  <sip>\n    <line>\n      <profile_name>Office PBX</profile_name>\n      <user_id>7</user_id>\n    </line>\n  </sip>\n</hs_config>\n';
    await vscode.workspace.fs.writeFile(file, Buffer.from(text, 'utf8'));
    try {
      const handset = await openInLanguage('office-site/handsets/ipei_02c332b540.xml', LANGUAGE_ID);
      const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', handset.uri, positionOf(handset, 'Office PBX', 2));
      const targets = found.map((l) => ('targetUri' in l ? { uri: l.targetUri, range: l.targetRange } : l));
      assert.equal(targets.length, 1, JSON.stringify(found));
      assert.equal(targets[0].uri.toString(), config.toString());
      const target = await vscode.workspace.openTextDocument(config);
      assert.equal(target.getText(targets[0].range), 'Office PBX');
    } finally {
      await vscode.workspace.fs.delete(fixtureUri('office-site'), { recursive: true });
    }
  });
  it('shows what the file is in the language status, and its problems, following edits', async () => {
    await vscode.window.showTextDocument(doc);
    const clean = await baseConfigStatus('a text file of 3 P-values', (s) => s.text === '$(server) Text · 3 P-values');
    assert.match(clean.detail ?? '', /^1 note · DP75x \d+(\.\d+)+ template$/);
    assert.equal(clean.severity, 'information');
    assert.equal(clean.command, 'workbench.actions.view.problems');
    await replaceText(doc, 'P27014=1', 'P27014=7');
    try {
      const broken = await baseConfigStatus('an error', (s) => s.severity === 'error');
      assert.match(broken.detail ?? '', /^1 error · /);
    } finally {
      await replaceText(doc, 'P27014=7', 'P27014=1');
    }
    await baseConfigStatus('the note again', (s) => s.severity === 'information' && /^1 note/.test(s.detail ?? ''));
  });

  it('formats a text config and an XML config with Format Document', async () => {
    for (const [content, expected] of [
      ['  P271 = 1\n#  names  \nP27762 =Office PBX\n', 'P271=1\n#  names\nP27762=Office PBX\n'],
      ['<gs_provision version="1">\n<config version="1">\n<P271>1</P271>\n</config>\n</gs_provision>\n', '<gs_provision version="1">\n  <config version="1">\n    <P271>1</P271>\n  </config>\n</gs_provision>\n'],
    ]) {
      const unsaved = await vscode.workspace.openTextDocument({ language: BASE_LANGUAGE_ID, content });
      await vscode.window.showTextDocument(unsaved);
      const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', unsaved.uri, { tabSize: 2, insertSpaces: true });
      const edit = new vscode.WorkspaceEdit();
      edit.set(unsaved.uri, edits ?? []);
      await vscode.workspace.applyEdit(edit);
      assert.equal(unsaved.getText(), expected);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('tells XML v2 from text, and counts unknown items apart', async () => {
    const xml = await vscode.workspace.openTextDocument({
      language: BASE_LANGUAGE_ID,
      content: '<?xml version="1.0" encoding="UTF-8"?>\n<gs_provision version="1">\n  <config version="2">\n    <item name="profile.1.name">Office PBX</item>\n    <item name="vendor.other">1</item>\n  </config>\n</gs_provision>\n',
    });
    await vscode.window.showTextDocument(xml);
    const status = await baseConfigStatus('an XML v2 file', (s) => s.text.includes('XML v2'));
    assert.equal(status.text, '$(server) XML v2 · 1 P-value');
    assert.match(status.detail ?? '', /^1 unknown · 1 warning · /);
    assert.equal(status.severity, 'warning');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
