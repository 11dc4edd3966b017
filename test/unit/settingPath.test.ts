// The editor writes the imported base station, and watches it, where the language server and the CLI read it; and
// puts encrypted files where the setting says on every platform.

import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { baseStationPath, settingPath, type SettingPath } from '../../client/src/files/settingPath';
import { baseStationSetting, resolveBaseStationFile } from '../../shared/baseStationSetting';

const folder = path.resolve('/w/site');
const where = (p: SettingPath) => ('absolute' in p ? p.absolute : path.join(folder, ...p.segments));

test('hsconfig.baseStation: the client resolves every form of the setting to the file the server reads', () => {
  for (const raw of ['.vscode/hsconfig-base-station.json', ' base/dp752.json ', '', '   ', undefined, path.resolve('/etc/dp752.json'), './b.json', 'sub/../b.json']) {
    const server = resolveBaseStationFile([folder], baseStationSetting({ baseStation: raw }));
    assert.equal(path.normalize(where(baseStationPath(raw))), path.normalize(server as string), `setting ${JSON.stringify(raw)}`);
  }
});

test('an absolute output folder is absolute as the platform says; a relative one is split into segments', () => {
  assert.deepEqual(settingPath(path.resolve('/srv/tftp')), { absolute: path.resolve('/srv/tftp') });
  assert.deepEqual(settingPath('encrypted'), { segments: ['encrypted'] });
  assert.deepEqual(settingPath('out/encrypted/'), { segments: ['out', 'encrypted'] });
  assert.deepEqual(settingPath('.'), { segments: [] });
  if (process.platform === 'win32') assert.deepEqual(settingPath('C:\\tftp'), { absolute: 'C:\\tftp' });
});
