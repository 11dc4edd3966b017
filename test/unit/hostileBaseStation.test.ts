// Base-station files with keys named like the properties every JavaScript object has (issue 15): each is an
// unknown property, reported at its place; nothing throws and no prototype changes.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { describeProblems, parseBaseStationJson } from '../../server/src/baseStation/modelFile';
import { siteOfFile } from '../../server/src/sites/siteFs';

const HOSTILE_KEYS = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];

function placements(key: string): { json: string; path: string }[] {
  const entry = `"${key}": {"polluted": true}`;
  return [
    { json: `{${entry}}`, path: key },
    { json: `{"profiles": [{"index": 1, ${entry}}]}`, path: `profiles[0].${key}` },
    { json: `{"accounts": [{"slot": 2, ${entry}}]}`, path: `accounts[0].${key}` },
    { json: `{"handsets": [{"number": 3, ${entry}}]}`, path: `handsets[0].${key}` },
    { json: `{"provisioning": {${entry}}}`, path: `provisioning.${key}` },
  ];
}

test('a key named constructor, toString, __proto__ … is an unknown property at its place', () => {
  for (const key of HOSTILE_KEYS) {
    for (const { json, path: where } of placements(key)) {
      const loaded = parseBaseStationJson(json);
      assert.equal(loaded.ok, false, json);
      const text = loaded.ok ? '' : describeProblems(loaded.problems);
      assert.ok(text.includes(`${where}: is not a known property`), `${json}\n${text}`);
    }
  }
  assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype was changed');
});

test('values of the wrong type under known keys are reported, not thrown', () => {
  for (const json of ['{"profiles": {"length": 2}}', '{"profiles": [null]}', '{"provisioning": []}', '[]', 'null', '"x"', '{"handsets": [{"number": 1, "lines": {"0": 1}}]}']) {
    const loaded = parseBaseStationJson(json);
    assert.equal(loaded.ok, false, json);
  }
});

test("the workspace's base-station file with such keys is a problem to report, not a throw", () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'hsconfig-hostile-'));
  try {
    mkdirSync(path.join(folder, '.vscode'));
    for (const key of HOSTILE_KEYS) {
      writeFileSync(path.join(folder, '.vscode', 'hsconfig-base-station.json'), `{"profiles": [{"index": 1, "${key}": 1}]}`);
      const found = siteOfFile(undefined, undefined, path.join(folder, '.vscode', 'hsconfig-base-station.json'));
      assert.equal(found.model, undefined);
      assert.match(found.problem ?? '', new RegExp(`profiles\\[0\\]\\.${key}: is not a known property`));
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
