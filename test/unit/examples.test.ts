// The sample workspace `npm start` opens (examples/) shows what its README says: it is one site, the base station's
// config at its root serving the handset files below, one handset file is clean, the other has the typical
// mistakes, and the CSV generates every row.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getBaseConfigService } from '../../server/src/baseConfig/baseConfigService';
import { importConfig } from '../../server/src/baseStation/importConfig';
import { SiteFinder } from '../../server/src/sites/siteFinder';
import { nodeSiteFs } from '../../server/src/sites/siteFs';
import { Sites } from '../../server/src/sites/sites';
import { generateHandsets } from '../../server/src/deploy/generateHandsets';
import { readHandsetList } from '../../server/src/deploy/prepareGeneration';
import { Code } from '../../server/src/handset/codes';
import { diagnose } from './helpers';

const EXAMPLES = path.join(__dirname, '..', '..', '..', 'examples');
const read = (name: string) => readFileSync(path.join(EXAMPLES, name), 'utf8');
const sites = new Sites({ finder: new SiteFinder(nodeSiteFs), fs: nodeSiteFs, boundary: () => EXAMPLES });
const site = sites.of(path.join(EXAMPLES, 'handsets', 'ipei_02c332b510.xml'));
const profiles = site.model?.profiles.map((p) => p.name) ?? [];
const check = (name: string) => diagnose(read(name), `file:///examples/${name}`, { profiles });

test('the sample is one site: every handset file finds dp750-office.txt, with no setting', () => {
  assert.equal(site.configFile, path.join(EXAMPLES, 'dp750-office.txt'));
  assert.equal(site.problem, undefined);
  assert.equal(sites.of(path.join(EXAMPLES, 'handsets', 'ipei_02c332b511.xml')).id, site.id);
  assert.deepEqual(site.model, importConfig(read('dp750-office.txt')).model);
  assert.deepEqual(profiles.slice(0, 2), ['Office PBX', 'Trunk']);
});

test('the clean handset file has no problem at all', () => {
  assert.deepEqual(check('handsets/ipei_02c332b510.xml'), []);
});

test('the file with mistakes has each typical one, and errors to squiggle', () => {
  const found = check('handsets/ipei_02c332b511.xml');
  assert.deepEqual(found.map((d) => String(d.code)).sort(), [
    Code.InvalidValue,
    Code.IpeiFileNameMismatch,
    Code.ProfileUnknown,
    Code.UserSettingsIgnored,
    Code.ValueCase,
    Code.ValueTooLong,
  ].sort());
  assert.ok(found.filter((d) => d.severity === DiagnosticSeverity.Error).length >= 5);
});

test('the CSV generates a clean file for every row', async () => {
  const list = readHandsetList(read('handsets.csv'));
  assert.ok(!('problem' in list), JSON.stringify(list));
  const result = await generateHandsets({ ...list, fileName: { prefix: 'ipei_', postfix: '' }, profiles });
  assert.deepEqual(result.skipped, []);
  assert.equal(result.files.length, 3);
});

test("the sample config's comments say what hover says of its values: account 1 rings only HS1", () => {
  const text = read('dp750-office.txt');
  const document = TextDocument.create('file:///examples/dp750-office.txt', 'hsconfig-base', 1, text);
  const at = text.indexOf('P27080=') + 'P27080='.length;
  const hover = getBaseConfigService().doHover(document, document.positionAt(at));
  const shown = typeof hover?.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
  assert.match(text, /ringing only HS1, its own handset \(DID: HS mode 1\)/);
  assert.match(shown, /^`1` — HS1$/m, shown);
});
