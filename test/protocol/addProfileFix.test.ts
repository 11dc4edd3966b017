// "Name profile N 'X' in the site's config" over LSP: a handset file names a profile its site lacks; the fix edits
// the site's own config (text here, XML v2 in the second site), taking a profile still at its factory name that no
// handset file of the site uses; applied, the handset file is clean.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { CodeActionRequest, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { handset } from '../unit/helpers';
import { LspClient } from './lspClient';

const dir = mkdtempSync(path.join(tmpdir(), 'hsconfig-addprofile-'));
const file = (...parts: string[]) => path.join(dir, ...parts);
const uri = (...parts: string[]) => URI.file(file(...parts)).toString();
const line = (profile: string, ipei: string) => handset({ ipei, sip: `  <sip>\n    <line>\n      <profile_name>${profile}</profile_name>\n      <user_id>7</user_id>\n    </line>\n  </sip>\n` });

let client: LspClient;
before(async () => {
  mkdirSync(file('acme', 'handsets'), { recursive: true });
  writeFileSync(file('acme', 'dp750.txt'), 'P27762=Office\nP27014=1\nP237=prov.example.com\n');
  // profile2 is used by a closed handset file: the fix must take profile 3.
  writeFileSync(file('acme', 'handsets', 'ipei_02c332b510.xml'), line('profile2', '02c332b510'));
  writeFileSync(file('acme', 'handsets', 'ipei_02c332b511.xml'), line('Sales', '02c332b511'));
  mkdirSync(file('globex'), { recursive: true });
  writeFileSync(file('globex', 'dp750.xml'), '<?xml version="1.0" encoding="UTF-8"?>\n<gs_provision version="1">\n  <config version="2">\n    <item name="profile.1.name">HQ</item>\n    <item name="profile.2.enable">0</item>\n  </config>\n</gs_provision>\n');
  writeFileSync(file('globex', 'ipei_02c332b520.xml'), line('R&amp;D', '02c332b520'));
  client = new LspClient();
  client.settings = { workspaceDiagnostics: { enable: true } };
  await client.initialize(true, [{ uri: URI.file(dir).toString(), name: 'sites' }]);
});
after(async () => {
  await client.dispose();
  rmSync(dir, { recursive: true, force: true });
});

async function fixFor(parts: string[]): Promise<{ diagnostic: Diagnostic; action: CodeAction }> {
  const text = readFileSync(file(...parts), 'utf8');
  await client.open(uri(...parts), text);
  const { diagnostics } = await client.diagnostics(uri(...parts), (p) => p.diagnostics.some((d) => d.code === 'profile-unknown'));
  const diagnostic = diagnostics.find((d) => d.code === 'profile-unknown')!;
  const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: uri(...parts) }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
  const action = actions.find((a) => /^Name profile/.test(a.title));
  assert.ok(action, JSON.stringify(actions.map((a) => a.title)));
  return { diagnostic, action };
}

function applied(action: CodeAction, target: string): string {
  const edits = action.edit?.changes?.[URI.file(target).toString()];
  assert.ok(edits, `edits for ${target}: ${JSON.stringify(action.edit)}`);
  assert.deepEqual(Object.keys(action.edit!.changes!), [URI.file(target).toString()], 'the config only');
  return TextDocument.applyEdits(TextDocument.create('x', 'x', 0, readFileSync(target, 'utf8')), edits);
}

test("a text config gets the name on the first profile at its factory name that no handset file uses; applied, the handset file is clean", async () => {
  // Once the folder is indexed (its closed files' problems are published), the closed file's profile2 counts.
  await client.diagnostics(uri('acme', 'handsets', 'ipei_02c332b510.xml'));
  const { action } = await fixFor(['acme', 'handsets', 'ipei_02c332b511.xml']);
  assert.equal(action.title, "Name profile 3 'Sales' in dp750.txt (now 'profile3', used by no handset file)");
  const config = applied(action, file('acme', 'dp750.txt'));
  assert.equal(config, 'P27762=Office\nP27014=1\nP237=prov.example.com\nP27764=Sales\n');
  const cleared = client.diagnostics(uri('acme', 'handsets', 'ipei_02c332b511.xml'), (p) => !p.diagnostics.some((d) => d.code === 'profile-unknown'));
  await client.open(uri('acme', 'dp750.txt'), config, 1, 'hsconfig-base');
  await cleared;
});

test('an XML v2 config gets an item, escaped, and a profile switched off is switched on', async () => {
  const { action } = await fixFor(['globex', 'ipei_02c332b520.xml']);
  assert.equal(action.title, "Name profile 2 'R&D' in dp750.xml (now 'profile2', used by no handset file, and switch it on)");
  const config = applied(action, file('globex', 'dp750.xml'));
  assert.match(config, /<item name="profile\.2\.enable">1<\/item>\n {4}<item name="profile\.2\.name">R&amp;D<\/item>\n {2}<\/config>/);
});
