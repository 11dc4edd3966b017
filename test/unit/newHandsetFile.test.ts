// New Handset File: the name the base station requests and a file that is correct as written.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newHandsetFile } from '../../server/src/deploy/newHandsetFile';
import { readIpei } from '../../shared/domain/ipeiInput';
import { diagnose } from './helpers';

test('the file is named [prefix][IPEI].xml[postfix] with the IPEI in lower case, and has no problem at all', () => {
  const file = newHandsetFile('02C332B510', { prefix: 'ipei_', postfix: '' });
  assert.deepEqual({ folder: file.folder, name: file.name }, { folder: '', name: 'ipei_02c332b510.xml' });
  assert.equal(file.text, '<?xml version="1.0" encoding="UTF-8"?>\n<hs_config>\n  <ipei>02c332b510</ipei>\n</hs_config>\n');
  assert.deepEqual(diagnose(file.text, `file:///w/${file.name}`), []);
  assert.equal(newHandsetFile('02c332b510', { prefix: '', postfix: '.cfg' }).name, '02c332b510.xml.cfg');
});

test('a decimal label number becomes the hex IPEI the file is named by', () => {
  const reading = readIpei('11315 0177424 2');
  assert.ok(!('problem' in reading));
  assert.equal(newHandsetFile(reading.hex, { prefix: 'ipei_' }).name, `ipei_${reading.hex}.xml`);
  assert.match(reading.hex, /^[0-9a-f]{10}$/);
});

test("a prefix's folder part is a folder under the target; one that leaves it or a bad character is refused", () => {
  assert.deepEqual(
    (({ folder, name }) => ({ folder, name }))(newHandsetFile('02c332b510', { prefix: 'handset/dect/ipei_' })),
    { folder: 'handset/dect', name: 'ipei_02c332b510.xml' },
  );
  assert.equal(newHandsetFile('02c332b510', { prefix: '/hs/' }).folder, 'hs');
  assert.equal(newHandsetFile('02c332b510', { prefix: '//hs/ipei_' }).folder, 'hs', 'every leading slash goes');
  assert.deepEqual(
    (({ folder, name }) => ({ folder, name }))(newHandsetFile('02c332b510', {})),
    { folder: '', name: '02c332b510.xml' },
    'no prefix: the bare IPEI',
  );
  assert.throws(() => newHandsetFile('02c332b510', { prefix: '../up/ipei_' }), /leads out of the folder/);
  assert.throws(() => newHandsetFile('02c332b510', { prefix: 'ip:ei_' }), /character file names cannot hold/);
  assert.throws(() => newHandsetFile('02c332b5', { prefix: 'ipei_' }), /Not a 10-hex-digit IPEI/);
});
