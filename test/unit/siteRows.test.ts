// The sites view's rows from an hsconfig/sites answer: a site, its base station (or where its profile names come
// from) and its handset files with what the base station does with each; the menus' viewItem values are the rows'.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { handsetDescription, siteRows, type SiteRow } from '../../client/src/sites/siteRows';
import type { ProfileSource, SiteSummary } from '../../shared/protocol/protocol';

const profiles = (from: ProfileSource['from'], extra: Partial<ProfileSource> = {}): ProfileSource => ({ profiles: ['AcmePBX', 'AcmeTrunk'], from, ...extra });

const acme: SiteSummary = {
  id: '/w/acme/dp750.txt',
  name: 'acme',
  root: '/w/acme',
  configFile: '/w/acme/dp750.txt',
  kind: 'text (Pnnn=value) config',
  notes: ['/w/acme holds 2 base-station configs (dp750.txt, old.txt): dp750.txt is used.'],
  profiles: profiles('baseStation', { file: '/w/acme/dp750.txt' }),
  handsets: [
    { uri: 'file:///w/acme/handsets/ipei_02c332b510.xml', name: 'handsets/ipei_02c332b510.xml', ipei: '02c332b510', handset: 1, status: 'applied' },
    { uri: 'file:///w/acme/handsets/ipei_02c332b511.xml', name: 'handsets/ipei_02c332b511.xml', ipei: '02c332b511', handset: 2, status: 'stops', reason: "Line 1 names the profile 'Nowhere'." },
    { uri: 'file:///w/acme/handsets/ipei_02c332b516.xml', name: 'handsets/ipei_02c332b516.xml', ipei: '02c332b516', status: 'no-slot', reason: 'All 5 handset numbers are taken.' },
    { uri: 'file:///w/acme/handsets/spare.xml', name: 'handsets/spare.xml', status: 'not-requested', reason: 'No IPEI.' },
  ],
};

const [site] = siteRows([acme]);
const [base, ...files] = site.children;

test('a site row: its folder, its handset files counted, what is not applied, and its menu', () => {
  assert.deepEqual([site.label, site.description, site.contextValue, site.resource], ['acme', '4 handset files · 3 not applied', 'site', { file: '/w/acme' }]);
  assert.match(site.tooltip, /^\/w\/acme\nProfiles: AcmePBX, AcmeTrunk \(from the base-station config\)\n.*2 base-station configs/);
});

test('the base station row names the config and its profile names, opens it, and warns when it is not usable', () => {
  assert.deepEqual([base.label, base.description, base.icon, base.warning, base.open], ['Base station: dp750.txt', 'AcmePBX, AcmeTrunk', 'server', false, { file: '/w/acme/dp750.txt' }]);
  assert.equal(base.tooltip, '/w/acme/dp750.txt\ntext (Pnnn=value) config\nProfiles: AcmePBX, AcmeTrunk (from the base-station config)');
  const [broken] = siteRows([{ ...acme, problem: '/w/acme/dp750.txt: line 3 is not Pnnn=value', profiles: profiles('setting') }]);
  const row = broken.children[0];
  assert.deepEqual([row.description, row.icon, row.warning], ['not usable', 'warning', true]);
  assert.match(row.tooltip, /Not usable: \/w\/acme\/dp750\.txt: line 3 is not Pnnn=value/);
});

test('a site with no config says where its profile names come from, and opens that', () => {
  const project = siteRows([{ ...acme, configFile: undefined, kind: undefined, profiles: profiles('project', { projectFile: '/w/acme/hsconfig.json' }) }])[0].children[0];
  assert.deepEqual([project.label, project.description, project.open], ['No base-station config', 'profiles from hsconfig.json', { file: '/w/acme/hsconfig.json' }]);
  const defaults = siteRows([{ ...acme, id: '', name: 'Workspace defaults', root: undefined, configFile: undefined, profiles: profiles('setting') }])[0];
  assert.deepEqual([defaults.contextValue, defaults.resource, defaults.children[0].description, defaults.children[0].open], [undefined, undefined, 'profiles from the settings', { setting: 'hsconfig.profiles' }]);
});

test('handset rows: the file name, the handset number and the outcome, the reason in full in the tooltip', () => {
  assert.deepEqual(
    files.map((f) => [f.label, f.description, f.icon, f.warning]),
    [
      ['ipei_02c332b510.xml', 'HS1 · applied', 'device-mobile', false],
      ['ipei_02c332b511.xml', "HS2 · stops: Line 1 names the profile 'Nowhere'.", 'warning', true],
      ['ipei_02c332b516.xml', 'no slot', 'warning', true],
      ['spare.xml', 'not requested', 'circle-slash', false],
    ],
  );
  assert.deepEqual(files[1].open, { uri: 'file:///w/acme/handsets/ipei_02c332b511.xml' });
  assert.equal(files[2].tooltip, 'handsets/ipei_02c332b516.xml\nIPEI 02c332b516\nAll 5 handset numbers are taken.');
  assert.equal(handsetDescription({ uri: '', name: '', handset: 3, status: 'no-slot' }), 'HS3 · no slot');
});

test('row ids are unique across sites, and stable for the same answer', () => {
  const other = { ...acme, id: '/w/globex/dp750.xml', name: 'globex', handsets: [] };
  const all = (rows: readonly SiteRow[]): string[] => rows.flatMap((r) => [r.id, ...all(r.children)]);
  const ids = all(siteRows([acme, other]));
  assert.equal(new Set(ids).size, ids.length);
  assert.deepEqual(all(siteRows([acme, other])), ids);
});

test("the sites view's item menus are offered on rows that carry their viewItem", () => {
  const manifest = JSON.parse(readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
  const entries = manifest.contributes.menus['view/item/context'] as { command: string; when: string }[];
  const offered = new Set([site, ...site.children].map((r) => r.contextValue));
  for (const { command, when } of entries) {
    const item = /viewItem == (\w+)/.exec(when)?.[1];
    assert.ok(item && offered.has(item as SiteRow['contextValue']), `${command} is offered on viewItem ${item}, which no row has`);
  }
});
