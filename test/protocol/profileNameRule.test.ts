// One rule for a profile name on every path that writes one (issue 27, severe 5): a rename from the base-station
// config or from a handset file refuses, with the reason, a name the base station could not take (a line break that
// would add a P-value line, empty, blank, over 32 characters, control and non-characters, lone surrogates) and a
// name another profile already has; a name with spaces around it is trimmed, as from either side.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { RenameRequest, ResponseError, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { handset } from '../unit/helpers';
import { LspClient } from './lspClient';

const dir = mkdtempSync(path.join(tmpdir(), 'hsconfig-name-rule-'));
const uri = (name: string) => URI.file(path.join(dir, name)).toString();
const texts: Record<string, string> = {
  'base.txt': 'P27762=sales\nP27763=support\n',
  'base.xml': '<?xml version="1.0"?>\n<gs_provision version="1"><config version="2">\n<item name="profile.1.name">sales</item>\n<item name="profile.2.name">support</item>\n</config></gs_provision>\n',
  'ipei_02c332b510.xml': handset({ sip: '  <sip>\n    <line>\n      <profile_name>sales</profile_name>\n      <user_id>5328</user_id>\n    </line>\n  </sip>\n' }),
};

/** Names the base station could not take, each with the words its refusal must hold. */
const REFUSED: [string, RegExp][] = [
  ['sales\nP1359=attacker', /U\+000A/],
  ['sales\rP237=evil/gs', /U\+000D/],
  ['', /cannot be empty/],
  ['   ', /cannot be empty/],
  ['x'.repeat(33), /at most 32 characters; this one has 33/],
  ['x'.repeat(10_000), /at most 32 characters; this one has 10000/],
  ['a\u0000b', /U\+0000/],
  ['a\u001b[31mb', /U\+001B/],
  ['a\ufffeb', /U\+FFFE/],
  ['a\ud800b', /U\+D800/],
  ['a\u2028b', /U\+2028/],
  ['support', /Another profile is already named 'support'/],
];

let client: LspClient;
before(async () => {
  for (const [name, text] of Object.entries(texts)) writeFileSync(path.join(dir, name), text);
  client = new LspClient();
  client.settings = { baseStation: 'base.txt' };
  await client.initialize(true, [{ uri: URI.file(dir).toString(), name: 'ws' }]);
  for (const [name, text] of Object.entries(texts)) {
    const checked = client.diagnostics(uri(name));
    await client.open(uri(name), text, 1, name.startsWith('base') ? 'hsconfig-base' : 'hsconfig');
    await checked;
  }
});
after(async () => {
  await client.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const sources = {
  'the text config': { file: 'base.txt', position: { line: 0, character: 'P27762=sa'.length } },
  'the v2 XML config': { file: 'base.xml', position: { line: 2, character: '<item name="profile.1.name">sa'.length } },
  'a handset file': { file: 'ipei_02c332b510.xml', position: { line: texts['ipei_02c332b510.xml'].split('\n').findIndex((l) => l.includes('>sales<')), character: '      <profile_name>sa'.length } },
};

function rename(from: keyof typeof sources, newName: string): Promise<WorkspaceEdit | null> {
  const { file, position } = sources[from];
  return client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: uri(file) }, position, newName });
}

for (const from of Object.keys(sources) as (keyof typeof sources)[]) {
  test(`a rename from ${from} refuses every name the base station could not take, saying why`, async () => {
    for (const [name, why] of REFUSED) {
      await assert.rejects(rename(from, name), (err: unknown) => err instanceof ResponseError && why.test(err.message), `${JSON.stringify(name.slice(0, 40))} from ${from}`);
    }
  });

  test(`a rename from ${from} trims the name and writes it escaped as each file needs`, async () => {
    const edit = await rename(from, '  R&D  ');
    const written = Object.entries(edit?.changes ?? {}).flatMap(([u, edits]) => edits.map((e) => [u.split('/').pop(), e.newText]));
    assert.ok(written.length > 0);
    for (const [file, text] of written) assert.equal(text, file === 'base.txt' ? 'R&D' : 'R&amp;D', `${file}`);
  });
}
