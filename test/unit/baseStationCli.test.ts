// preview, simulate and import-base as users run them: dist/cli.js in a child process.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadBaseStation } from '../../server/src/baseStation/modelFile';
import { FACTORY_TEXT_CONFIG as TEXT_TEMPLATE, FACTORY_V2_CONFIG as V2_TEMPLATE, FIXTURES, handset } from './helpers';

const CLI = path.join(__dirname, '..', '..', '..', 'dist', 'cli.js');

function run(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const office = {
  profiles: [{ index: 1, name: 'Office', sipServer: 'pbx.example.com' }],
  accounts: [{ slot: 1, userId: '5328', profile: 1, hsMode: 101 }],
  handsets: [{ number: 1, ipei: '0000000001', lines: [1] }, { number: 2, lines: [] }, { number: 3, lines: [] }, { number: 4, lines: [] }, { number: 5, lines: [] }],
  provisioning: { handsetProvisioning: true, protocol: 'HTTPS', serverPath: 'prov.example.com/dect', filePrefix: 'hs/', filePostfix: '' },
};

function lineXml(user: string, ring?: string, profile = 'Office'): string {
  return `    <line>\n      <profile_name>${profile}</profile_name>\n      <user_id>${user}</user_id>\n${ring ? `      <ring_type>${ring}</ring_type>\n` : ''}    </line>\n`;
}

describe('hsconfig preview / simulate / import-base', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'hsconfig-base-'));
    writeFileSync(path.join(dir, 'office.json'), JSON.stringify(office));
    mkdirSync(path.join(dir, 'fleet'));
    writeFileSync(path.join(dir, 'fleet', 'ipei_02c332b510.xml'), handset({ sip: `  <sip>\n${lineXml('5328', 'DID')}${lineXml('7000')}  </sip>\n` }));
    writeFileSync(path.join(dir, 'fleet', 'ipei_02c332b511.xml'), handset({ ipei: '02c332b511', sip: `  <sip>\n${lineXml('5328', 'DID')}  </sip>\n` }));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('preview prints the request, each step with ✔/✖ and the account table with changed cells', () => {
    const r = run(dir, 'preview', 'fleet/ipei_02c332b510.xml', '--base', 'office.json');
    assert.equal(r.code, 0, r.stderr);
    const out = r.stdout;
    assert.match(out, /^Request +https:\/\/prov\.example\.com\/dect\/hs\/02c332b510\.xml$/m);
    assert.match(out, /^Handset +IPEI 02c332b510 → HS2$/m);
    assert.match(out, /^ {2}✔ The file's <ipei> matches the handset \(02c332b510\)\. {2}\(line 3\)$/m);
    assert.match(out, /^ {2}✔ Line 1 \(5328 on Office\): account 1 already has this user ID on this profile and is reused as it is; put on HS2 line slot 1, the first free one\. {2}\(line 6\)$/m);
    assert.match(out, /^ {2}✔ Line 2 \(7000 on Office\): written as a new account into slot 2, the first empty one; put on HS2 line slot 2, the first free one\./m);
    const rows = out.split('\n');
    const header = rows.findIndex((l) => l.startsWith('   slot  user ID'));
    assert.ok(header > 0, out);
    assert.match(rows[header + 1], /^ {2}\*1 +5328 +— +— +Office +Circular → HS2 +yes +HS1 → HS1 HS2$/);
    assert.match(rows[header + 2], /^ {2}\*2 +— → 7000 /);
    assert.match(out, /^ {2}after +1\* +2\* +· /m);
  });

  test('preview --json gives the result with source offsets; a stop exits 1', () => {
    const r = run(dir, 'preview', '--json', '--ipei', '02C332B599', '--base', 'office.json', 'fleet/ipei_02c332b510.xml');
    assert.equal(r.code, 1);
    const json = JSON.parse(r.stdout) as { outcome: string; ipei: string; steps: { status: string; span?: { start: number; end: number } }[] };
    assert.equal(json.outcome, 'stopped');
    assert.equal(json.ipei, '02c332b599');
    const fail = json.steps.find((s) => s.status === 'fail');
    const text = readFileSync(path.join(dir, 'fleet', 'ipei_02c332b510.xml'), 'utf8');
    assert.equal(text.slice(fail?.span?.start, fail?.span?.end), '02c332b510');
  });

  test('preview reads a config file as --base, and the workspace model file without it', () => {
    const template = run(FIXTURES, 'preview', 'guide-example.xml', '--base', TEXT_TEMPLATE);
    assert.equal(template.code, 1);
    assert.match(template.stdout, /^Outcome +not requested: handset provisioning is off$/m);
    assert.match(template.stderr, /note: 7 lines of .*dp75x-factory-text\.txt \(text \(Pnnn=value\) config\) were not understood/);
    assert.match(run(FIXTURES, 'preview', 'guide-example.xml').stdout, /^Base station +factory default with handset provisioning on/m);
    const ws = mkdtempSync(path.join(tmpdir(), 'hsconfig-ws-'));
    try {
      mkdirSync(path.join(ws, '.vscode'));
      writeFileSync(path.join(ws, '.vscode', 'hsconfig-base-station.json'), JSON.stringify(office));
      writeFileSync(path.join(ws, 'h.xml'), readFileSync(path.join(FIXTURES, 'guide-example.xml')));
      const r = run(ws, 'preview', 'h.xml');
      assert.equal(r.code, 1);
      assert.match(r.stdout, /^Base station +\.vscode\/hsconfig-base-station\.json \(model JSON\)$/m);
      assert.match(r.stdout, /✖ Line 1 names profile 'profile1', which the base station does not have \(it has 'Office', 'profile2', 'profile3', 'profile4'\)/);
    } finally {
      rmSync(ws, { recursive: true, force: true });
    }
  });

  test('preview refuses bad input with exit 2 and a reason', () => {
    writeFileSync(path.join(dir, 'bad.json'), JSON.stringify({ accounts: [{ slot: 12 }] }));
    const bad = run(dir, 'preview', 'fleet/ipei_02c332b510.xml', '--base', 'bad.json');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /bad\.json: not a valid base-station file:\naccounts\[0\]\.slot: must be a whole number from 1 to 10, not 12/);
    assert.equal(run(dir, 'preview', 'fleet/ipei_02c332b510.xml', '--ipei', 'xyz').code, 2);
    assert.equal(run(dir, 'preview').code, 2);
    assert.equal(run(dir, 'preview', 'missing.xml').code, 2);
  });

  test('simulate provisions a folder in turn and reports a DID conflict', () => {
    const r = run(dir, 'simulate', 'fleet', '--base', 'office.json');
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^ {2}fleet\/ipei_02c332b510\.xml +HS2 +applied$/m);
    assert.match(r.stdout, /^ {2}fleet\/ipei_02c332b511\.xml +HS3 +applied$/m);
    assert.match(r.stdout, /^ {2}HS2 +02c332b510 +Front desk +1:1 5328, 2:2 7000$/m);
    assert.match(r.stdout, /^Conflicts\n {2}✖ Account 1 \(5328 on Office\) is set to ring only its own handset \(DID\) by HS2 \(fleet\/ipei_02c332b510\.xml\) and HS3 \(fleet\/ipei_02c332b511\.xml\)/m);
    const json = JSON.parse(run(dir, 'simulate', '--json', 'fleet', '--base', 'office.json').stdout) as { conflicts: unknown[]; handsets: { lines: unknown[] }[] };
    assert.equal(json.conflicts.length, 1);
    assert.equal(json.handsets[2].lines.length, 1);
  });

  test('preview and simulate print the assumptions in a block of their own; --json lists them', () => {
    const out = run(dir, 'preview', 'fleet/ipei_02c332b510.xml', '--base', 'office.json').stdout;
    const steps = out.slice(out.indexOf('\nSteps\n'), out.indexOf('\nAssumptions'));
    assert.doesNotMatch(steps, /Assumed:/);
    assert.match(out, /\n\nAssumptions \(where the guide is silent\)\n {2}\? registration\n {6}The guide says: A handset asks for its file when it registers for the first time\b.*\n {6}It does not say: Whether registering depends/);
    assert.match(out, /^ {2}\? new-account-hs-mode\n.*\n {6}It does not say: The HS mode of a new account when the line has no <ring_type>/m);
    assert.match(out, /^ {6}Assumed: The empty slot keeps the HS mode and active flag it had/m);
    assert.ok(out.indexOf('Assumptions (') < out.indexOf('Accounts ('), 'before the account table');
    const json = JSON.parse(run(dir, 'preview', '--json', 'fleet/ipei_02c332b510.xml', '--base', 'office.json').stdout) as { assumptions: { id: string; assumed: string }[] };
    assert.deepEqual(json.assumptions.map((a) => a.id), ['registration', 'handset-number', 'account-match', 'line-slot', 'reused-account-fields', 'new-account-hs-mode']);
    assert.ok(json.assumptions.every((a) => a.assumed.length > 0));
    const fleet = run(dir, 'simulate', 'fleet', '--base', 'office.json').stdout;
    assert.match(fleet, /^Warnings: none$/m);
    assert.match(fleet, /^ {2}\? fleet-order\n {6}It does not say: In which order handsets ask for their files/m);
    const fleetJson = JSON.parse(run(dir, 'simulate', '--json', 'fleet', '--base', 'office.json').stdout) as { assumptions: { id: string }[] };
    assert.ok(fleetJson.assumptions.some((a) => a.id === 'fleet-order'));
  });

  test('import-base prints a model that loads, writes atomically and never replaces without --force', () => {
    const printed = run(dir, 'import-base', V2_TEMPLATE);
    assert.equal(printed.code, 0, printed.stderr);
    assert.match(printed.stderr, /XML v2 config, 133 values used/);
    assert.ok(loadBaseStation(JSON.parse(printed.stdout)).ok);
    const out = path.join(dir, 'base.json');
    assert.equal(run(dir, 'import-base', TEXT_TEMPLATE, '--out', out, '--model', 'DP752').code, 0);
    const loaded = loadBaseStation(JSON.parse(readFileSync(out, 'utf8')));
    assert.ok(loaded.ok && loaded.model.model === 'DP752');
    const again = run(dir, 'import-base', V2_TEMPLATE, '--out', out);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /base\.json already exists; use --force to replace it/);
    assert.equal(run(dir, 'import-base', V2_TEMPLATE, '--out', out, '--force').code, 0);
    assert.equal((JSON.parse(readFileSync(out, 'utf8')) as { handsets: { name: string }[] }).handsets[0].name, 'HS1');
    assert.equal(run(dir, 'import-base', path.join(FIXTURES, 'guide-example.xml')).code, 2);
  });
});
