// `hsconfig convert` and `hsconfig diff` as a user runs them: output to stdout or a file never replaced without
// --force, a run that would lose a P-value fails unless --allow-loss, diff's exit status as diff(1)'s.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';

const CLI = path.join(__dirname, '..', '..', '..', 'dist', 'cli.js');
const dir = mkdtempSync(path.join(tmpdir(), 'hsconfig-convert-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: dir });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
writeFileSync(path.join(dir, 'office.txt'), '# Office\r\nP271=1\r\nP27762=Office\r\n');

test('convert prints the config in the shape asked for, with the source\'s line ends, and says what it did', () => {
  const r = run('convert', 'office.txt', '--to', 'v2');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^<\?xml version="1.0" encoding="UTF-8"\?>\r\n<gs_provision version="1">\r\n {2}<config version="2">\r\n {4}<!-- Office -->\r\n {4}<item name="profile.1.enable">1<\/item>\r\n {4}<item name="profile.1.name">Office<\/item>\r\n/);
  assert.match(r.stderr, /office\.txt: text to XML v2, 2 settings\./);
});

test('convert --out writes the file, and will not replace it without --force', () => {
  assert.equal(run('convert', 'office.txt', '--to', 'v1', '--out', 'office.xml').code, 0);
  assert.match(readFileSync(path.join(dir, 'office.xml'), 'utf8'), /<P27762>Office<\/P27762>/);
  writeFileSync(path.join(dir, 'office.xml'), 'mine');
  const again = run('convert', 'office.txt', '--to', 'v1', '--out', 'office.xml');
  assert.equal(again.code, 2);
  assert.equal(readFileSync(path.join(dir, 'office.xml'), 'utf8'), 'mine');
  assert.equal(run('convert', 'office.txt', '--to', 'v1', '--out', 'office.xml', '--force').code, 0);
  assert.match(readFileSync(path.join(dir, 'office.xml'), 'utf8'), /<P271>1<\/P271>/);
});

test('convert fails and writes nothing when the target cannot hold a P-value, unless --allow-loss', () => {
  writeFileSync(path.join(dir, 'nameless.txt'), 'P271=1\nP2333=proxy.example.com\n'); // P2333 has no v2 name
  const refused = run('convert', 'nameless.txt', '--to', 'v2', '--out', 'nameless.xml');
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /P2333=proxy\.example\.com is not written: the vendor gives this P-value no v2 name/);
  assert.throws(() => readFileSync(path.join(dir, 'nameless.xml')));
  const allowed = run('convert', 'nameless.txt', '--to', 'v2', '--allow-loss');
  assert.equal(allowed.code, 0);
  assert.match(allowed.stdout, /profile\.1\.enable/);
  assert.doesNotMatch(allowed.stdout, /proxy/);
});

test('convert refuses what is not a config, and a target it does not know, as bad usage', () => {
  writeFileSync(path.join(dir, 'ipei_02c332b510.xml'), '<?xml version="1.0"?><hs_config><ipei>02c332b510</ipei></hs_config>');
  assert.match(run('convert', 'ipei_02c332b510.xml', '--to', 'text').stderr, /is not a base-station config/);
  const bad = run('convert', 'office.txt', '--to', 'v3');
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--to text, v1 or v2, not v3/);
});

test('diff exits 0 for the same values in two shapes and 1 with the differences, named', () => {
  run('convert', 'office.txt', '--to', 'v2', '--out', 'same.xml');
  const same = run('diff', 'office.txt', 'same.xml');
  assert.equal(same.code, 0, same.stderr);
  assert.match(same.stdout, /set the same values/);
  writeFileSync(path.join(dir, 'changed.txt'), 'P271=1\nP27762=HQ\nP27763=Branch\n');
  const changed = run('diff', 'same.xml', 'changed.txt');
  assert.equal(changed.code, 1);
  assert.equal(changed.stdout, '--- same.xml\n+++ changed.txt\n~ P27762 Profile Name: Office → HQ\n+ P27763 Profile Name: Branch\n');
  const json = JSON.parse(run('diff', '--json', 'same.xml', 'changed.txt').stdout) as { changed: { key: string; alias: string }[] };
  assert.deepEqual(json.changed.map((c) => [c.key, c.alias]), [['P27762', 'profile.1.name']]);
});
