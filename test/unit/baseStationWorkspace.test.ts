// Finding and reading the workspace's base-station file for the language server.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { FACTORY_TEXT_CONFIG as TEMPLATE } from './helpers';
import { siteOfFile } from '../../server/src/sites/siteFs';

/** The workspace's site: no file of its own, the setting's file as the fallback. */
const workspaceSite = (folder: string | undefined, setting: string) => {
  const file = folder === undefined ? undefined : resolveBaseStationFile([folder], setting);
  const site = siteOfFile(undefined, undefined, file);
  return { file, config: site.configFile, model: site.model, problem: site.problem };
};
import { baseStationSetting, resolveBaseStationFile } from '../../shared/baseStationSetting';


test('the setting defaults to .vscode/hsconfig-base-station.json and resolves against the first folder', () => {
  assert.equal(baseStationSetting(undefined), '.vscode/hsconfig-base-station.json');
  assert.equal(baseStationSetting({ baseStation: '  ' }), '.vscode/hsconfig-base-station.json');
  assert.equal(baseStationSetting({ baseStation: 'base/dp750.txt' }), 'base/dp750.txt');
  assert.equal(baseStationSetting({ baseStation: ' base/dp750.txt\n' }), 'base/dp750.txt', 'spaces around a pasted path are dropped');
  assert.equal(resolveBaseStationFile(['/a', '/b'], 'x.json'), path.join('/a', 'x.json'));
  assert.equal(resolveBaseStationFile([], 'x.json'), undefined);
  assert.equal(resolveBaseStationFile([], '/abs/x.json'), '/abs/x.json');
});

test('a missing file means no model; a model JSON or a config file loads; a bad one says why', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hsconfig-wsf-'));
  try {
    assert.deepEqual(workspaceSite(dir, 'none.json'), { file: path.join(dir, 'none.json'), config: undefined, model: undefined, problem: undefined });
    assert.deepEqual(workspaceSite(undefined, 'none.json'), { file: undefined, config: undefined, model: undefined, problem: undefined });
    writeFileSync(path.join(dir, 'm.json'), '{"profiles":[{"index":1,"name":"Office"}]}');
    assert.equal(workspaceSite(dir, 'm.json').model?.profiles[0].name, 'Office');
    writeFileSync(path.join(dir, 'base.txt'), readFileSync(TEMPLATE));
    assert.equal(workspaceSite(dir, 'base.txt').model?.handsets[0].name, 'DECT 1');
    writeFileSync(path.join(dir, 'bad.json'), '{"model":"DP9"}');
    assert.equal(workspaceSite(dir, 'bad.json').problem, `${path.join(dir, 'bad.json')}: not a valid base-station file:\nmodel: must be one of "DP750", "DP752", not "DP9"`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a path through a file is no file there; a path that cannot be read says why', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hsconfig-wsf-'));
  try {
    writeFileSync(path.join(dir, 'plain'), 'x');
    assert.deepEqual(workspaceSite(dir, 'plain/m.json'), { file: path.join(dir, 'plain', 'm.json'), config: undefined, model: undefined, problem: undefined });
    assert.equal(workspaceSite(dir, '.').problem, `${dir}: cannot be read: it is a folder`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
