// Telling encrypted handset files, plain ones and base-station configuration files apart by their first bytes.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encrypt } from '../../shared/domain/opensslEnc';
import { CANDIDATE_GLOB, classifyHead, isCandidateName } from '../../client/src/menus/resourceKind';

const kind = (text: string | Uint8Array) => classifyHead(typeof text === 'string' ? Buffer.from(text, 'utf8') : text);

test('an openssl enc file is encrypted; a plain handset file is a handset file, with or without prolog and BOM', () => {
  assert.equal(kind(encrypt(Buffer.from('<hs_config/>'), 'pw')), 'encrypted');
  assert.equal(kind('<?xml version="1.0"?>\n<!-- x -->\n<hs_config>\n'), 'handset');
  assert.equal(kind('\uFEFF<hs_config>'), 'handset');
});

test('only the whole Salted__ header marks a file encrypted, wherever the bytes sit in their buffer', () => {
  const file = encrypt(Buffer.from('<hs_config/>'), 'pw');
  const inLargerBuffer = Buffer.concat([Buffer.from('xyz'), file]).subarray(3);
  assert.equal(kind(inLargerBuffer), 'encrypted');
  assert.equal(kind(new Uint8Array(file)), 'encrypted');
  assert.equal(kind(file.subarray(0, 7)), undefined, 'a cut header is not recognised as encrypted');
  assert.equal(kind('salted__<hs_config>'), undefined);
  assert.equal(kind(Buffer.concat([Buffer.from('Salted_'), Buffer.from('x<hs_config/>')])), undefined);
});

test('base-station configuration files: text P-values, XML v1 and v2', () => {
  assert.equal(kind('# DP750\nP27014 = 1\nP237=prov.example.com/gs\n'), 'baseStationConfig');
  assert.equal(kind('<?xml version="1.0"?>\n<gs_provision version="1"><config version="1"><P27014>1</P27014>'), 'baseStationConfig');
  assert.equal(kind('<config version="2"><item name="profile.1.name">PBX</item>'), 'baseStationConfig');
});

test('anything else is nothing of ours: other XML, prose, CSV, empty', () => {
  assert.equal(kind('<project><name>x</name></project>'), undefined);
  assert.equal(kind('Meeting notes: P1 = urgent'), undefined);
  assert.equal(kind('ipei,name\n02c332b510,Lobby\n'), undefined);
  assert.equal(kind(''), undefined);
});

test('candidate names: .xml, .xml with a postfix, .txt, .cfg, .conf, and the vendor\'s extension-less cfg<MAC>', () => {
  for (const name of ['ipei_02c332b510.xml', 'ipei_02c332b510.xml.enc', 'cfg000b82123456.xml', 'base.txt', 'dp750.cfg', 'a.CONF', 'cfg000b82123456', '/srv/site/CFG000B82ABCDEF']) assert.ok(isCandidateName(name), name);
  for (const name of ['list.csv', 'xml', 'image.png', 'notes.md', 'cfg', 'cfgfile', 'cfg000b82123456.bak']) assert.ok(!isCandidateName(name), name);
});

test('the start-up search pattern names the same extensions as the per-name rule', () => {
  const extensions = /\{(.*)\}/.exec(CANDIDATE_GLOB)![1].split(',');
  for (const ext of extensions) assert.ok(isCandidateName(`f.${ext.replace('*', 'enc')}`), ext);
});
