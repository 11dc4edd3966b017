// Words and keys of the config language (issue 27, item 14 and a seeded bug): a key is read as the base station
// must read it (p27762, P027762 and 27762 are slips with the right key suggested), `<config version>` without a value
// and an attribute without one are said once and plainly, and `hsconfig explain` takes what a person types.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getBaseConfigService } from '../../server/src/baseConfig/baseConfigService';
import { lookup } from '../../server/src/baseConfig/catalogue';
import { returnsWithin } from './deadline';

const CLI = path.join(__dirname, '..', '..', '..', 'dist', 'cli.js');
const check = (text: string, uri = 'file:///w/base.txt') => getBaseConfigService().doValidation(TextDocument.create(uri, 'hsconfig-base', 1, text));

test('a P-number key is P and the number as written by the base station: no lower case, no leading zeros', () => {
  assert.equal(lookup('P27762')?.p, 27762);
  for (const key of ['p27762', 'P027762', 'P0027762', '27762', 'P']) assert.equal(lookup(key), undefined, key);
  const found = check('P27762=Office\np27014=1\nP027763=Trunk\n');
  assert.deepEqual(found.map((d) => [d.code, d.range.start.line]), [['unknown-p-value', 1], ['unknown-p-value', 2]]);
  assert.match(String(found[0].message), /^Write P27014 \(Enable Handset Config Upgrade\): the base station reads a capital P/);
  assert.match(String(found[1].message), /^Write P27763 /);
  assert.deepEqual(found.map((d) => (d.data as { replacement?: string } | undefined)?.replacement), ['P27014', 'P27763']);
});

test('<config version> without a value, and an attribute without one, are each said once, in words', () => {
  const found = check('<gs_provision version="1"><config version><P27762>x</P27762></config></gs_provision>', 'file:///w/base.xml');
  const messages = found.map((d) => String(d.message));
  assert.ok(messages.includes('<config version> has no value: write version="1" (<P27762>) or version="2" (<item name="profile.1.name">).'), messages.join('\n'));
  assert.ok(messages.every((m) => !m.includes('undefined')), messages.join('\n'));
  assert.ok(messages.every((m) => !/Not well-formed XML: Not well-formed XML/.test(m)), messages.join('\n'));
});

test('explain takes p27762, 27762 and P027762 as P27762, and suggests a near one for a number it lacks', () => {
  for (const key of ['p27762', '27762', 'P027762']) {
    const r = spawnSync(process.execPath, [CLI, 'explain', key], { encoding: 'utf8' });
    assert.equal(r.status, 0, `${key}: ${r.stderr}`);
    assert.match(r.stdout, /^P27762 — Profile Name/);
  }
  const near = spawnSync(process.execPath, [CLI, 'explain', '4160'], { encoding: 'utf8' });
  assert.equal(near.status, 2);
  assert.match(near.stderr, /is not a P-value or item name of the DP75x template\. Did you mean P4150 or P4180 or P4120\?/, 'three as near, none clearly likelier: all offered');
});

test('did-you-mean is searched for the first 500 unknown keys of a file; 200,000 unknown keys are checked at once', async () => {
  const keys = Array.from({ length: 200_000 }, (_, i) => `P${27_000_000 + i}=x`);
  keys[600] = 'P27104=x'; // a typo of P27014 past the guessing budget
  keys[0] = 'P27672=y';
  const found = await returnsWithin<{ message: string }[]>(20_000, 'test/unit/workerTargets', 'validateConfigText', keys.join('\n'));
  assert.equal(found.length, keys.length);
  assert.match(found[0].message, /Did you mean P27/);
  assert.doesNotMatch(found[600].message, /Did you mean/);
});
