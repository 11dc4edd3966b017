// Finding and reading the workspace's base-station file for the language server.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { FACTORY_TEXT_CONFIG as TEMPLATE } from './helpers';
import { loadWorkspaceBaseStation } from '../../server/src/baseStation/workspaceFile';
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
    assert.deepEqual(loadWorkspaceBaseStation([dir], 'none.json'), { file: path.join(dir, 'none.json') });
    assert.deepEqual(loadWorkspaceBaseStation([], 'none.json'), {});
    writeFileSync(path.join(dir, 'm.json'), '{"profiles":[{"index":1,"name":"Office"}]}');
    assert.equal(loadWorkspaceBaseStation([dir], 'm.json').model?.profiles[0].name, 'Office');
    writeFileSync(path.join(dir, 'base.txt'), readFileSync(TEMPLATE));
    assert.equal(loadWorkspaceBaseStation([dir], 'base.txt').model?.handsets[0].name, 'DECT 1');
    writeFileSync(path.join(dir, 'bad.json'), '{"model":"DP9"}');
    assert.equal(loadWorkspaceBaseStation([dir], 'bad.json').problem, 'not a valid base-station file:\nmodel: must be one of "DP750", "DP752", not "DP9"');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a path through a file is no file there; a path that cannot be read says why', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hsconfig-wsf-'));
  try {
    writeFileSync(path.join(dir, 'plain'), 'x');
    assert.deepEqual(loadWorkspaceBaseStation([dir], 'plain/m.json'), { file: path.join(dir, 'plain', 'm.json') });
    assert.deepEqual(loadWorkspaceBaseStation([dir], '.'), { file: dir, problem: 'cannot be read: it is a folder' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
