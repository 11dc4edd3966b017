// Sites as an admin edits them in the editor, on a copy of the fixture repository of several sites
// (test/fixtures/sites), where globex (XML v1) and initech (XML v2) both have a profile named Office: an unsaved edit
// of one site's config changes that site's squiggles at once (and back when undone), and a rename from either side
// (a handset file's <profile_name>, a config's value) edits every file of that site and nothing of the other.

import * as assert from 'node:assert/strict';
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { diagnosticCode, fixtureUri, LANGUAGE_ID, openInLanguage, replaceText, waitForDiagnostics } from './editor';

const FIXTURE = path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'sites');
const FOLDER = 'fixture-sites';
const at = (...parts: string[]) => `${FOLDER}/${parts.join('/')}`;
const GLOBEX_CONFIG = at('globex', 'dp750.xml');
const INITECH_CONFIG = at('initech', 'config.xml');
const GLOBEX_HANDSET = at('globex', 'handsets', 'hs_02c332b531.xml');
const INITECH_HANDSET = at('initech', 'handsets', 'ipei_02c332b540.xml');

const read = (name: string) => readFileSync(fixtureUri(name).fsPath, 'utf8');
const profileUnknown = (ds: vscode.Diagnostic[]) => ds.some((d) => diagnosticCode(d) === 'profile-unknown');
/** A site's handset files that use a profile name, as workspace-relative paths. */
const usersOf = (site: string, name: string) =>
  readdirSync(fixtureUri(at(site, 'handsets')).fsPath)
    .filter((f) => read(at(site, 'handsets', f)).includes(`<profile_name>${name}</profile_name>`))
    .map((f) => at(site, 'handsets', f));

/** A site's config and handset files. */
const siteFiles = (site: string) => [
  ...readdirSync(fixtureUri(at(site)).fsPath).filter((f) => f.endsWith('.xml')).map((f) => at(site, f)),
  ...readdirSync(fixtureUri(at(site, 'handsets')).fsPath).map((f) => at(site, 'handsets', f)),
];

describe('sites in the editor (the fixture repository)', () => {
  before(() => cpSync(FIXTURE, fixtureUri(FOLDER).fsPath, { recursive: true }));

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(fixtureUri(FOLDER), { recursive: true });
  });

  it("an unsaved edit of a site's config changes its handset file's squiggles at once, and not the other site's", async () => {
    const initech = await openInLanguage(INITECH_HANDSET, LANGUAGE_ID);
    const globex = await openInLanguage(GLOBEX_HANDSET, LANGUAGE_ID);
    // The config beside the handset file, as a user edits one watching the other.
    const config = await vscode.workspace.openTextDocument(fixtureUri(GLOBEX_CONFIG));
    await vscode.window.showTextDocument(config, { viewColumn: vscode.ViewColumn.Beside });
    await replaceText(config, '<P27763>Office</P27763>', '<P27763>Head Office</P27763>');
    assert.ok(config.isDirty, 'the config is not saved');
    try {
      const [d] = await waitForDiagnostics(globex.uri, "'Office' unknown to globex's unsaved config", profileUnknown);
      assert.match(d.message, /Head Office/);
      assert.ok(!profileUnknown(vscode.languages.getDiagnostics(initech.uri)), 'initech is checked against its own config, which has Office');
    } finally {
      await replaceText(config, '<P27763>Head Office</P27763>', '<P27763>Office</P27763>');
      await config.save();
    }
    await waitForDiagnostics(globex.uri, 'globex clean again once the edit is undone', (ds) => !profileUnknown(ds));
  });

  const renames = [
    { from: 'a handset file (globex)', site: 'globex', other: 'initech', open: GLOBEX_HANDSET, language: LANGUAGE_ID, config: GLOBEX_CONFIG, to: 'Globex Office' },
    { from: 'the config (initech, XML v2)', site: 'initech', other: 'globex', open: INITECH_CONFIG, language: 'hsconfig-base-xml', config: INITECH_CONFIG, to: 'Initech HQ' },
  ];
  for (const r of renames) {
    it(`a rename from ${r.from} edits every file of its site and nothing of the other sharing the name`, async () => {
      const users = usersOf(r.site, 'Office');
      assert.ok(users.length > 1, `${r.site} uses Office`);
      const before = siteFiles(r.other).map((f) => [f, read(f)]);
      const doc = await openInLanguage(r.open, r.language);
      const offset = doc.getText().indexOf(r.open === r.config ? '>Office<' : '<profile_name>Office<');
      const position = doc.positionAt(doc.getText().indexOf('Office', offset) + 1);
      const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', doc.uri, position, r.to);
      const touched = edit.entries().map(([uri]) => vscode.workspace.asRelativePath(uri)).sort();
      assert.deepEqual(touched, [r.config, ...users].sort());
      assert.ok(await vscode.workspace.applyEdit(edit));
      // Saved one by one: a file the edit opened may still be switching to the handset language when saveAll runs.
      for (const [uri] of edit.entries()) assert.ok(await (await vscode.workspace.openTextDocument(uri)).save() || !(await vscode.workspace.openTextDocument(uri)).isDirty, `${uri.path} saved`);
      assert.ok(read(r.config).includes(`>${r.to}<`), `${r.config} holds the new name`);
      for (const file of users) assert.ok(read(file).includes(`<profile_name>${r.to}</profile_name>`), `${file} uses the new name`);
      for (const [file, text] of before) assert.equal(read(file), text, `${file} of ${r.other} is untouched`);
      const closed = await openInLanguage(users[users.length - 1], LANGUAGE_ID);
      await waitForDiagnostics(closed.uri, `${users[users.length - 1]} clean after the rename`, (ds) => !profileUnknown(ds));
    });
  }
});
