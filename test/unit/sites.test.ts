// Which site a file belongs to (sites/): the fixture repository of several sites on disk, and the finder's rules on
// a file system held in memory (two configs in a folder, nesting, project files, the boundary, caching).

import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { SiteFinder, type SiteFs } from '../../server/src/sites/siteFinder';
import { nodeSiteFs } from '../../server/src/sites/siteFs';
import { Sites } from '../../server/src/sites/sites';
import { mergeProjectSettings, projectSchema, readProjectText } from '../../server/src/sites/projectFile';
import { readFileSync, writeFileSync } from 'node:fs';

const FIXTURE = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'sites');
const at = (...parts: string[]) => path.join(FIXTURE, ...parts);

function onDisk(openText?: (file: string) => string | undefined): Sites {
  const finder = new SiteFinder(nodeSiteFs);
  return new Sites({ finder, fs: nodeSiteFs, boundary: () => FIXTURE, openText });
}

test('the fixture repository: each handset file finds the config of its own site, the nearest above it', () => {
  const sites = onDisk();
  const cases: [string[], string | undefined, string][] = [
    [['acme', 'handsets', 'ipei_02c332b510.xml'], at('acme', 'dp750.txt'), 'AcmePBX'],
    [['acme', 'annex', 'handsets', 'ipei_02c332b520.xml'], at('acme', 'annex', 'dp752.txt'), 'AnnexPBX'],
    [['globex', 'handsets', 'hs_02c332b530.xml'], at('globex', 'dp750.xml'), 'GlobexVoIP'],
    [['initech', 'handsets', 'ipei_02c332b540.xml'], at('initech', 'config.xml'), 'Office'],
  ];
  for (const [parts, config, first] of cases) {
    const site = sites.of(at(...parts));
    assert.equal(site.configFile, config, parts.join('/'));
    assert.equal(site.root, path.dirname(config!));
    assert.equal(site.id, config);
    assert.equal(site.model?.profiles[0].name, first, parts.join('/'));
    assert.equal(site.problem, undefined);
  }
  assert.equal(sites.of(at('globex', 'handsets', 'hs_02c332b530.xml')).model?.provisioning.filePrefix, 'hs_');
  assert.equal(sites.of(at('acme', 'dp750.txt')).configFile, at('acme', 'dp750.txt'), "a config's own site is the one it defines");
});

test('the fixture repository: no config above means no model; a project file gives names and is the site root', () => {
  const sites = onDisk();
  const none = sites.of(at('unconfigured', 'handsets', 'ipei_02c332b550.xml'));
  assert.deepEqual({ id: none.id, model: none.model, config: none.configFile, root: none.root }, { id: '', model: undefined, config: undefined, root: undefined });
  const project = sites.of(at('project-only', 'handsets', 'ipei_02c332b560.xml'));
  assert.deepEqual(project.project.profiles, ['Hosted1', 'Hosted2']);
  assert.equal(project.root, at('project-only'));
  assert.equal(project.id, at('project-only'));
  assert.equal(project.model, undefined);
});

test('open documents are the truth: an unsaved config text decides the model, and its disk text again once closed', () => {
  let open: string | undefined = 'P27762=Edited\nP27014=1\n';
  const sites = onDisk((file) => (file === at('acme', 'dp750.txt') ? open : undefined));
  const handset = at('acme', 'handsets', 'ipei_02c332b511.xml');
  assert.equal(sites.of(handset).model?.profiles[0].name, 'Edited');
  open = 'P27762=Again\n';
  assert.equal(sites.of(handset).model?.profiles[0].name, 'Again');
  open = undefined;
  assert.equal(sites.of(handset).model?.profiles[0].name, 'AcmePBX');
  assert.equal(sites.of(at('globex', 'handsets', 'hs_02c332b531.xml')).model?.profiles[0].name, 'GlobexVoIP', 'another site is untouched');
});

/** A file system in memory: paths to texts (folders are implied); `stamp` changes when `touch` is called. */
function memoryFs(files: Record<string, string>): SiteFs & { reads: number; touch(dir: string): void } {
  const stamps = new Map<string, number>();
  const folderOf = (dir: string) => Object.keys(files).filter((f) => path.dirname(f) === dir);
  const isFolder = (dir: string) => Object.keys(files).some((f) => f.startsWith(dir + path.sep));
  const fs = {
    reads: 0,
    touch: (dir: string) => stamps.set(dir, (stamps.get(dir) ?? 0) + 1),
    files: (dir: string) => (isFolder(dir) ? folderOf(dir).map((f) => path.basename(f)) : undefined),
    has: (dir: string, name: string) => isFolder(path.join(dir, name)) || path.join(dir, name) in files,
    stamp: (file: string) => (file in files || isFolder(file) ? String(stamps.get(file) ?? 0) + (files[file]?.length ?? '') : undefined),
    head: (file: string, bytes: number) => {
      fs.reads++;
      return files[file]?.slice(0, bytes);
    },
    text: (file: string) => (file in files ? { text: files[file] } : undefined),
  };
  return fs;
}

test('two configs in one folder: the first by name is used, and a note says which was passed over', () => {
  const fs = memoryFs({ '/r/b.txt': 'P27762=B\n', '/r/a.xml': '<gs_provision><config version="1"><P27762>A</P27762></config></gs_provision>', '/r/h/x.xml': '<hs_config/>' });
  const sites = new Sites({ finder: new SiteFinder(fs), fs, boundary: () => '/r' });
  const site = sites.of('/r/h/x.xml');
  assert.equal(site.configFile, '/r/a.xml');
  assert.equal(site.model?.profiles[0].name, 'A');
  assert.match(site.notes.join(' '), /holds 2 base-station configs \(a\.xml, b\.txt\): a\.xml is used/);
});

test("the vendor's extension-less cfg<MAC> makes its folder a site; a changelog beside it does not", () => {
  const fs = memoryFs({ '/r/s/cfg000b82123456': 'P27762=Vendor\n', '/r/s/changelog': 'P27762=Changelog\n', '/r/s/h/x.xml': '<hs_config/>' });
  const sites = new Sites({ finder: new SiteFinder(fs), fs, boundary: () => '/r' });
  const site = sites.of('/r/s/h/x.xml');
  assert.equal(site.configFile, '/r/s/cfg000b82123456');
  assert.equal(site.model?.profiles[0].name, 'Vendor');
  assert.deepEqual(site.notes, []);
});

test('a handset file or a readme is no config; a state JSON beside a config gives the state, the config the facts', () => {
  const state = JSON.stringify({ profiles: [{ index: 1, name: 'Old' }], handsets: [{ number: 1, ipei: '02c332b510', name: 'Desk', lines: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0] }] });
  const fs = memoryFs({ '/r/s/readme.txt': 'Notes about this site.\n', '/r/s/ipei_02c332b510.xml': '<hs_config/>', '/r/s/base.cfg': 'P27762=New\n', '/r/s/hsconfig-base-station.json': state });
  const sites = new Sites({ finder: new SiteFinder(fs), fs, boundary: () => '/r' });
  const site = sites.of('/r/s/ipei_02c332b510.xml');
  assert.equal(site.configFile, '/r/s/base.cfg');
  assert.equal(site.stateFile, '/r/s/hsconfig-base-station.json');
  assert.equal(site.model?.profiles[0].name, 'New', "the config's name wins");
  assert.equal(site.model?.handsets[0].ipei, '02c332b510', "the state's registered handset is kept");
  assert.match(site.kind ?? '', /over the state file/);
});

test('the search stops at the boundary, and a file outside it looks in its own folder only', () => {
  const fs = memoryFs({ '/r/base.txt': 'P27762=Top\n', '/r/ws/h/x.xml': '<hs_config/>', '/elsewhere/x.xml': '<hs_config/>' });
  const sites = new Sites({ finder: new SiteFinder(fs), fs, boundary: (file) => (file.startsWith('/r/ws/') ? '/r/ws' : undefined) });
  assert.equal(sites.of('/r/ws/h/x.xml').configFile, undefined, 'a config above the workspace folder is not its site');
  assert.equal(sites.of('/elsewhere/x.xml').configFile, undefined);
});

test('a workspace base-station file (the setting) is the site of files that find none; a found config wins', () => {
  const fs = memoryFs({ '/r/.vscode/hsconfig-base-station.json': '{"profiles":[{"index":1,"name":"Setting"}]}', '/r/a/base.txt': 'P27762=Own\n', '/r/a/x.xml': '<hs_config/>', '/r/b/x.xml': '<hs_config/>' });
  const sites = new Sites({ finder: new SiteFinder(fs), fs, boundary: () => '/r', fallbackFile: () => '/r/.vscode/hsconfig-base-station.json' });
  assert.equal(sites.of('/r/a/x.xml').model?.profiles[0].name, 'Own');
  assert.equal(sites.of('/r/b/x.xml').model?.profiles[0].name, 'Setting');
  assert.equal(sites.of(undefined).model?.profiles[0].name, 'Setting', 'a document that is no file (untitled) has the workspace site');
});

test("a folder is read once until its entries change; a file event makes it read again", () => {
  const files: Record<string, string> = { '/r/s/base.txt': 'P27762=One\n', '/r/s/x.xml': '<hs_config/>' };
  const fs = memoryFs(files);
  const finder = new SiteFinder(fs);
  const sites = new Sites({ finder, fs, boundary: () => '/r' });
  sites.of('/r/s/x.xml');
  const reads = fs.reads;
  sites.of('/r/s/x.xml');
  assert.equal(fs.reads, reads, 'nothing read again');
  files['/r/s/other.txt'] = 'P27762=Other\n';
  fs.touch('/r/s');
  assert.match(sites.of('/r/s/x.xml').notes.join(' '), /2 base-station configs/, 'a new entry changes the folder time: read again');
  delete files['/r/s/base.txt'];
  assert.equal(sites.fileChanged('/r/s/base.txt'), true, 'it was a config');
  assert.equal(sites.of('/r/s/x.xml').configFile, '/r/s/other.txt');
  assert.equal(sites.fileChanged('/r/s/x.xml'), false, 'a handset file is no config');
});

test('project files: a nearer key wins; unknown keys and bad values are said and skipped; baseStation names a config', () => {
  const fs = memoryFs({
    '/r/hsconfig.json': '{ "profiles": ["Top"], "handsetFilePrefix": "hs_", "colour": 1 }',
    '/r/s/hsconfig.json': '{ "profiles": ["Near"], "baseStation": "../configs/near.txt", }',
    '/r/configs/near.txt': 'P27762=FromConfig\n',
    '/r/s/h/x.xml': '<hs_config/>',
  });
  const sites = new Sites({ finder: new SiteFinder(fs), fs, boundary: () => '/r' });
  const site = sites.of('/r/s/h/x.xml');
  assert.deepEqual(site.project, { profiles: ['Near'], handsetFilePrefix: 'hs_', baseStation: '../configs/near.txt' });
  assert.equal(site.configFile, '/r/configs/near.txt');
  assert.equal(site.root, '/r/s');
  assert.equal(site.model?.profiles[0].name, 'FromConfig');
  assert.match(site.notes.join(' '), /"colour" is not a known property/);
  const long = readProjectText('{"profiles": ["' + 'a'.repeat(40) + '"], "handsetFilePrefix": "hs_"}');
  assert.match(long.problems.join(' '), /32 characters/);
  assert.deepEqual(long.settings, { handsetFilePrefix: 'hs_' }, 'the right keys still count');
  assert.match(readProjectText('{"profiles": ["Office "]}').problems.join(' '), /cannot start or end with a space/);
  assert.match(readProjectText('[1]').problems[0], /one JSON object/);
  assert.match(readProjectText('{').problems[0], /not valid JSON/);
  assert.deepEqual(mergeProjectSettings([{ profiles: ['a'] }, { profiles: ['b'], servePath: 'x/y' }]), { profiles: ['a'], servePath: 'x/y' });
});

test('an unusable config is said with its path; the site keeps no model', () => {
  const fs = memoryFs({ '/r/s/base.xml': '<gs_provision><config version="2"><item name="x">1</item>', '/r/s/x.xml': '<hs_config/>' });
  const sites = new Sites({ finder: new SiteFinder(fs), fs, boundary: () => '/r' });
  const site = sites.of('/r/s/x.xml');
  assert.equal(site.model, undefined);
  assert.match(site.problem ?? '', /^\/r\/s\/base\.xml: /);
});

const PROJECT_SCHEMA_FILE = path.join(__dirname, '..', '..', '..', 'schemas', 'hsconfig.schema.json');
if (process.env.HSCONFIG_WRITE_SCHEMA) writeFileSync(PROJECT_SCHEMA_FILE, JSON.stringify(projectSchema(), null, 2) + '\n');

test('the shipped schema of hsconfig.json is the one the project files are checked with', () => {
  const shipped = JSON.parse(readFileSync(PROJECT_SCHEMA_FILE, 'utf8')) as unknown;
  assert.deepEqual(shipped, projectSchema());
});
