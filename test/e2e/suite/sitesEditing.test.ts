// Sites as an admin edits them in the editor, on two sites written into the workspace that share a profile name:
// an unsaved edit of one site's config changes that site's squiggles at once (and back when undone), and a rename
// from either side (a handset file's <profile_name>, the config's P-value) edits every file of that site and
// nothing of the other.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticCode, fixtureUri, LANGUAGE_ID, openInLanguage, replaceText, waitForDiagnostics } from './editor';

const FOLDER = 'edit-sites';
const SITES = ['alpha', 'beta'];
const IPEIS = { alpha: ['02c332b5a1', '02c332b5a2'], beta: ['02c332b5b1'] } as Record<string, string[]>;
const config = (site: string) => `${FOLDER}/${site}/dp750.txt`;
const handsetName = (site: string, ipei: string) => `${FOLDER}/${site}/handsets/ipei_${ipei}.xml`;
const handsetText = (ipei: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<hs_config>\n  <ipei>${ipei}</ipei>\n  <sip>\n    <line>\n      <profile_name>Office</profile_name>\n      <user_id>5${ipei.slice(-2)}</user_id>\n    </line>\n  </sip>\n</hs_config>\n`;

const read = async (name: string) => Buffer.from(await vscode.workspace.fs.readFile(fixtureUri(name))).toString('utf8');
const profileUnknown = (ds: vscode.Diagnostic[]) => ds.some((d) => diagnosticCode(d) === 'profile-unknown');

describe('sites in the editor', () => {
  before(async () => {
    for (const site of SITES) {
      await vscode.workspace.fs.writeFile(fixtureUri(config(site)), Buffer.from(`# ${site}\nP27762=Office\nP27763=Trunk\nP27014=1\n`, 'utf8'));
      for (const ipei of IPEIS[site]) await vscode.workspace.fs.writeFile(fixtureUri(handsetName(site, ipei)), Buffer.from(handsetText(ipei), 'utf8'));
    }
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(fixtureUri(FOLDER), { recursive: true });
  });

  it("an unsaved edit of a site's config changes its handset file's squiggles at once, and not the other site's", async () => {
    // The config and the handset file side by side, as a user edits one watching the other.
    const beta = await openInLanguage(handsetName('beta', IPEIS.beta[0]), LANGUAGE_ID);
    const alpha = await openInLanguage(handsetName('alpha', IPEIS.alpha[0]), LANGUAGE_ID);
    const base = await vscode.workspace.openTextDocument(fixtureUri(config('alpha')));
    await vscode.window.showTextDocument(base, { viewColumn: vscode.ViewColumn.Beside });
    await replaceText(base, 'P27762=Office', 'P27762=Head Office');
    assert.ok(base.isDirty, 'the config is not saved');
    try {
      const [d] = await waitForDiagnostics(alpha.uri, "'Office' unknown to alpha's unsaved config", profileUnknown);
      assert.match(d.message, /Head Office/);
      assert.ok(!profileUnknown(vscode.languages.getDiagnostics(beta.uri)), 'beta is checked against its own config');
    } finally {
      await replaceText(base, 'P27762=Head Office', 'P27762=Office');
      await base.save();
    }
    await waitForDiagnostics(alpha.uri, 'alpha clean again once the edit is undone', (ds) => !profileUnknown(ds));
  });

  for (const from of ['a handset file', 'the config'] as const) {
    it(`a rename from ${from} edits every file of its site and nothing of the other`, async () => {
      const current = (await read(config('alpha'))).match(/P27762=(.*)/)?.[1] ?? '';
      const to = from === 'the config' ? 'Alpha HQ' : 'Alpha Office';
      const doc = await openInLanguage(from === 'the config' ? config('alpha') : handsetName('alpha', IPEIS.alpha[0]), from === 'the config' ? 'hsconfig-base' : LANGUAGE_ID);
      const at = doc.positionAt(doc.getText().indexOf(current) + 1);
      const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', doc.uri, at, to);
      const touched = edit.entries().map(([uri]) => vscode.workspace.asRelativePath(uri)).sort();
      const alphaFiles = [config('alpha'), ...IPEIS.alpha.map((i) => handsetName('alpha', i))].sort();
      assert.deepEqual(touched, alphaFiles);
      assert.ok(await vscode.workspace.applyEdit(edit));
      await vscode.workspace.saveAll(false);
      assert.match(await read(config('alpha')), new RegExp(`P27762=${to}\\n`));
      for (const ipei of IPEIS.alpha) assert.match(await read(handsetName('alpha', ipei)), new RegExp(`<profile_name>${to}</profile_name>`));
      assert.match(await read(config('beta')), /P27762=Office\n/, "beta's config is untouched");
      assert.match(await read(handsetName('beta', IPEIS.beta[0])), /<profile_name>Office<\/profile_name>/, "beta's handset is untouched");
      const handset = await openInLanguage(handsetName('alpha', IPEIS.alpha[1]), LANGUAGE_ID);
      await waitForDiagnostics(handset.uri, 'the renamed alpha handset clean', (ds) => !profileUnknown(ds));
    });
  }
});
