// The config server path as an admin types it (the base station's P237, or `serve --base-path`): extra slashes at
// either end are dropped, slashes inside are kept, and an empty path means the root.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeBasePath, readRequestPath } from '../../shared/serve/requestPath';

test('a base path is served with one slash at each end, whatever the admin typed around it', () => {
  assert.equal(normalizeBasePath('gs'), '/gs/');
  assert.equal(normalizeBasePath('//gs'), '/gs/');
  assert.equal(normalizeBasePath('gs//'), '/gs/');
  assert.equal(normalizeBasePath('///gs///'), '/gs/');
});

test('slashes inside a base path are folders and stay', () => {
  assert.equal(normalizeBasePath('prov/dect'), '/prov/dect/');
  assert.equal(normalizeBasePath('/prov/dect/'), '/prov/dect/');
});

test('an empty base path, or only slashes, is the root', () => {
  assert.equal(normalizeBasePath(''), '/');
  assert.equal(normalizeBasePath('/'), '/');
  assert.equal(normalizeBasePath('///'), '/');
});

test('a request under a nested base path names the file below it; the same file elsewhere is refused', () => {
  assert.deepEqual(readRequestPath('/prov/dect/ipei_02c332b510.xml', '//prov/dect//'), { segments: ['ipei_02c332b510.xml'] });
  assert.deepEqual(readRequestPath('/provdect/ipei_02c332b510.xml', 'prov/dect'), { refused: 'outside /prov/dect/' });
  assert.deepEqual(readRequestPath('/ipei_02c332b510.xml', ''), { segments: ['ipei_02c332b510.xml'] });
});
