// A base-station file as the CLI and the workspace read it: model JSON or one of the base station's own config
// files, told apart by the first character, with what was read and what was passed over.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { factoryDefault } from '../../shared/baseStation/model';
import { toBaseStationJson } from '../../server/src/baseStation/modelFile';
import { readBaseStationText } from '../../server/src/baseStation/readBaseStation';
import { CliSites } from '../../server/src/cli/cliSites';
import { siteBaseStation } from '../../server/src/cli/siteBaseStation';

test('model JSON, with a BOM and white space before it, is read as model JSON', () => {
  const model = factoryDefault('DP752');
  model.profiles[0].name = 'Office';
  const r = readBaseStationText(`\uFEFF \n${JSON.stringify(toBaseStationJson(model), null, 2)}`);
  assert.deepEqual(r, { ok: true, model, kind: 'model JSON', notes: [] });
});

test('model JSON that breaks the schema says so, with the problems', () => {
  const r = readBaseStationText('{ "model": "DP999" }');
  assert.equal(r.ok, false);
  assert.ok(!r.ok);
  assert.match(r.message, /^not a valid base-station file:\n/);
  assert.match(r.message, /model/);
});

test('a text config is imported, its stray lines given as notes by line number', () => {
  const r = readBaseStationText('\uFEFF# profile\nP27762=Office\nnonsense here\nP27014=1\n');
  assert.ok(r.ok);
  assert.equal(r.kind, 'text (Pnnn=value) config');
  assert.equal(r.model.profiles[0].name, 'Office');
  assert.equal(r.model.provisioning.handsetProvisioning, true);
  assert.deepEqual(r.notes, ['line 3: not a Pnnn=value line nor a # comment; ignored: nonsense here']);
});

test('XML v1 and v2 configs are named by their shape', () => {
  const v1 = readBaseStationText('<?xml version="1.0"?>\n<gs_provision version="1">\n<config version="1">\n<P27762>Office</P27762>\n</config>\n</gs_provision>\n');
  assert.deepEqual(v1.ok && [v1.kind, v1.model.profiles[0].name, v1.notes], ['XML v1 config', 'Office', []]);
  const v2 = readBaseStationText('<gs_provision version="1">\n<config version="2">\n<item name="profile.1.name">Office</item>\n</config>\n</gs_provision>\n');
  assert.deepEqual(v2.ok && [v2.kind, v2.model.profiles[0].name], ['XML v2 config', 'Office']);
});

test('a file that is no config at all is refused with the importer\'s reason', () => {
  assert.deepEqual(readBaseStationText('<html><body/></html>'), {
    ok: false,
    message: 'Not a base-station configuration file: expected <gs_provision><config version="1|2">, found <html>.',
  });
  assert.deepEqual(readBaseStationText('# only a comment\nP1=2\n'), {
    ok: false,
    message: 'No base-station value that the model uses was found in this text (Pnnn=value) file.',
  });
});

test('values the model cannot use become notes in line order; whole numbers may be written 1.00', () => {
  const r = readBaseStationText(['P27014=2', 'P271=-1', 'P401=0x1', 'P501=1e0', 'junk line', 'profile.1.name=Office', 'P601=0.00', 'P27762=Office'].join('\n'));
  assert.ok(r.ok);
  assert.deepEqual(r.notes, [
    'line 1: P27014: expected 0 or 1, found "2"; the factory value is kept',
    'line 2: P271: expected 0 or 1, found "-1"; the factory value is kept',
    'line 3: P401: expected 0 or 1, found "0x1"; the factory value is kept',
    'line 4: P501: expected 0 or 1, found "1e0"; the factory value is kept',
    'line 5: not a Pnnn=value line nor a # comment; ignored: junk line',
    'line 6: text files take P-numbers; ignored: profile.1.name',
  ]);
  assert.equal(r.model.profiles[3].active, false, 'P601=0.00 is 0');
  assert.equal(r.model.profiles[0].name, 'Office');
});

test('model JSON that repeats an account slot or a handset number names both places', () => {
  const r = readBaseStationText(JSON.stringify({
    model: 'DP750',
    accounts: [{ slot: 2, userId: 'a' }, { slot: 2, userId: 'b' }],
    handsets: [{ number: 1 }, { number: 3 }, { number: 1 }],
  }));
  assert.ok(!r.ok);
  assert.match(r.message, /accounts\[1\]\.slot.*2 is already given by accounts\[0\]/);
  assert.match(r.message, /handsets\[2\]\.number.*1 is already given by handsets\[0\]/);
});

test('only a byte-order mark at the start is dropped: one inside a name is kept', () => {
  const r = readBaseStationText('{"profiles":[{"index":1,"name":"Off\uFEFFice"}]}');
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(r.model.profiles[0].name, 'Off\uFEFFice');
});

test('every problem of a model JSON is named, one a line', () => {
  const r = readBaseStationText('{"model":"DP9","profiles":[{"index":9}]}');
  assert.ok(!r.ok);
  assert.equal(r.message, 'not a valid base-station file:\nmodel: must be one of "DP750", "DP752", not "DP9"\nprofiles[0].index: must be a whole number from 1 to 4, not 9');
});

test('without --base, a site or the workspace file the CLI takes the factory default with provisioning on, and says so', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hsconfig-base-'));
  try {
    const sites = new CliSites({ cwd: dir });
    const base = siteBaseStation(sites.of('ipei_02c332b510.xml'), (f) => sites.shown(f));
    assert.equal(base.source, 'factory default with handset provisioning on (no --base, no base-station config found, no .vscode/hsconfig-base-station.json)');
    assert.equal(base.model.provisioning.handsetProvisioning, true);
    assert.deepEqual({ ...base.model, provisioning: { ...base.model.provisioning, handsetProvisioning: false } }, factoryDefault());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
