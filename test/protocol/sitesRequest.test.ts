// hsconfig/sites on a copy of the fixture repository of several sites (test/fixtures/sites), plus a site whose config
// has no handset files: every site listed with its config, profile names and handset files, each file's outcome on
// its own base station; unsaved edits (a config, a new handset file) change that site's entry and no other's.

import assert from 'node:assert/strict';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { URI } from 'vscode-uri';
import { SITES_REQUEST, type SiteSummary, type SitesResponse } from '../../shared/protocol/protocol';
import { LspClient } from './lspClient';

const FIXTURE = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'sites');
const dir = mkdtempSync(path.join(tmpdir(), 'hsconfig-sites-view-'));
const file = (...parts: string[]) => path.join(dir, ...parts);
const uri = (...parts: string[]) => URI.file(file(...parts)).toString();
const text = (...parts: string[]) => readFileSync(file(...parts), 'utf8');

const ACME_CONFIG = ['acme', 'dp750.txt'];

let client: LspClient;
before(async () => {
  cpSync(FIXTURE, dir, { recursive: true });
  mkdirSync(file('spare'));
  copyFileSync(file(...ACME_CONFIG), file('spare', 'dp750.txt'));
  client = new LspClient();
  await client.initialize(true, [{ uri: URI.file(dir).toString(), name: 'sites' }]);
});
after(async () => {
  await client.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const listSites = async () => ((await client.connection.sendRequest(SITES_REQUEST, {})) as SitesResponse).sites;
const named = (sites: readonly SiteSummary[], name: string) => {
  const site = sites.find((s) => s.name === name);
  assert.ok(site, `${name} is listed among ${sites.map((s) => s.name).join(', ')}`);
  return site;
};
const statuses = (site: SiteSummary) => site.handsets.map((h) => `${h.name} HS${h.handset ?? '-'} ${h.status}`);

test('every site is listed, by name and the defaults last, with its config, profile names and handset files', async () => {
  const sites = await listSites();
  assert.deepEqual(
    sites.map((s) => [s.name, s.configFile && path.relative(dir, s.configFile), s.profiles.from, s.handsets.length]),
    [
      ['acme', path.join('acme', 'dp750.txt'), 'baseStation', 5],
      ['acme/annex', path.join('acme', 'annex', 'dp752.txt'), 'baseStation', 5],
      ['globex', path.join('globex', 'dp750.xml'), 'baseStation', 5],
      ['initech', path.join('initech', 'config.xml'), 'baseStation', 5],
      ['project-only', undefined, 'project', 5],
      ['spare', path.join('spare', 'dp750.txt'), 'baseStation', 0],
      ['Workspace defaults', undefined, 'setting', 5],
    ],
  );
  const globex = named(sites, 'globex');
  assert.equal(globex.root, file('globex'));
  assert.match(globex.kind ?? '', /XML/);
  assert.deepEqual(globex.profiles.profiles, ['GlobexVoIP', 'Office', 'profile3', 'profile4']);
  assert.deepEqual(statuses(globex), [0, 1, 2, 3, 4].map((n) => `handsets/hs_02c332b53${n}.xml HS${n + 1} applied`));
  assert.equal(globex.handsets[0].uri, uri('globex', 'handsets', 'hs_02c332b530.xml'));
  assert.equal(globex.handsets[0].ipei, '02c332b530');
  const project = named(sites, 'project-only');
  assert.deepEqual([project.profiles.profiles, project.profiles.projectFile], [['Hosted1', 'Hosted2'], file('project-only', 'hsconfig.json')]);
  const defaults = named(sites, 'Workspace defaults');
  assert.deepEqual([defaults.id, defaults.root, defaults.handsets[0].name], ['', undefined, 'unconfigured/handsets/ipei_02c332b550.xml']);
});

test("an unsaved config edit changes that site's profile names and outcomes, and no other site's", async () => {
  const before = await listSites();
  await client.open(uri(...ACME_CONFIG), text(...ACME_CONFIG), 1, 'hsconfig-base');
  await client.replace(uri(...ACME_CONFIG), text(...ACME_CONFIG).replace('P27762=AcmePBX', 'P27762=AcmeMain'), 2);
  const edited = await listSites();
  const acme = named(edited, 'acme');
  assert.equal(acme.profiles.profiles[0], 'AcmeMain');
  const stopped = acme.handsets.filter((h) => h.status === 'stops');
  assert.deepEqual(stopped.map((h) => h.name), ['ipei_02c332b510', 'ipei_02c332b511', 'ipei_02c332b512', 'ipei_02c332b513'].map((n) => `handsets/${n}.xml`));
  assert.match(stopped[0].reason ?? '', /AcmePBX/);
  assert.doesNotMatch(stopped[0].reason ?? '', /Provisioning stops here/, 'the view says "stops" itself');
  assert.equal(acme.handsets[4].status, 'applied');
  for (const name of ['acme/annex', 'globex', 'spare', 'Workspace defaults']) assert.deepEqual(named(edited, name), named(before, name), name);
  await client.close(uri(...ACME_CONFIG));
  assert.deepEqual(named(await listSites(), 'acme'), named(before, 'acme'), 'closed unsaved: the text on disk again');
});

test('an unsaved handset file counts: a sixth handset finds no handset number, a file no handset asks for is not requested', async () => {
  const sixth = uri('acme', 'handsets', 'ipei_02c332b515.xml');
  const spare = uri('acme', 'handsets', 'spare.xml');
  await client.open(sixth, text('acme', 'handsets', 'ipei_02c332b514.xml').replace('02c332b514', '02c332b515'));
  await client.open(spare, '<hs_config>\n  <hs_name>Spare</hs_name>\n</hs_config>\n');
  const acme = named(await listSites(), 'acme');
  assert.deepEqual(statuses(acme).slice(4), ['handsets/ipei_02c332b514.xml HS5 applied', 'handsets/ipei_02c332b515.xml HS- no-slot', 'handsets/spare.xml HS- not-requested']);
  assert.match(acme.handsets[5].reason ?? '', /handset numbers are taken/);
  assert.match(acme.handsets[6].reason ?? '', /IPEI/);
  await client.close(sixth);
  await client.close(spare);
  assert.equal(named(await listSites(), 'acme').handsets.length, 5, 'closed and never saved: gone');
});
