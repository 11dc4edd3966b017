// `hsconfig validate` for CI pipelines (issue 26): `--format github` (workflow annotations, escaped so that no value
// can end its line or forge another), `--format sarif` (code scanning) and `--max-warnings N` (eslint's habit: fail
// the build on too many warnings).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { formatGithub } from '../../server/src/cli/githubAnnotations';

const CLI = path.join(__dirname, '..', '..', '..', 'dist', 'cli.js');
const dir = mkdtempSync(path.join(tmpdir(), 'hsconfig-formats-'));
// One warning (an encoding other than UTF-8) and, in the second file, one error too (a name over 10 characters).
const warned = path.join(dir, 'ipei_02c332b510.xml');
writeFileSync(warned, '<?xml version="1.0" encoding="ISO-8859-1"?>\n<hs_config>\n  <ipei>02c332b510</ipei>\n</hs_config>\n');
const broken = path.join(dir, 'ipei_02c332b511.xml');
writeFileSync(broken, '<?xml version="1.0" encoding="UTF-8"?>\n<hs_config>\n  <ipei>02c332b511</ipei>\n  <hs_name>Reception desk</hs_name>\n</hs_config>\n');

const validate = (...args: string[]) => spawnSync(process.execPath, [CLI, 'validate', ...args], { encoding: 'utf8' });

test('--format github: one annotation per problem, with its level, place and code', () => {
  const run = validate('--format', 'github', broken, warned);
  assert.equal(run.status, 1);
  assert.deepEqual(run.stdout.trim().split('\n'), [
    `::error file=${broken},line=4,col=12,endLine=4,endColumn=26,title=value-too-long::<hs_name> takes at most 10 characters; this has 14.`,
    `::warning file=${warned},line=1,col=31,endLine=1,endColumn=41,title=xml-encoding-not-utf8::Declare the encoding as UTF-8, as the base station expects, not ISO-8859-1.`,
  ]);
  assert.match(run.stderr, /2 files checked: 1 error, 1 warning/);
});

test('annotations escape what would end the line or a property: %, line breaks, and : and , in the file name', () => {
  const d = Diagnostic.create({ start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, '100% sure\n::error file=x::forged', DiagnosticSeverity.Information, 'some:code,x');
  assert.deepEqual(formatGithub([{ file: 'a:b,c%.xml', diagnostics: [d] }]), [
    '::notice file=a%3Ab%2Cc%25.xml,line=1,col=1,endLine=1,endColumn=2,title=some%3Acode%2Cx::100%25 sure%0A::error file=x::forged',
  ]);
});

test('--max-warnings N fails the run when the files have more warnings than N, and says so', () => {
  const over = validate('--max-warnings', '0', warned);
  assert.equal(over.status, 1);
  assert.match(over.stderr, /hsconfig: 1 warning, more than --max-warnings 0 allows\./);
  assert.equal(validate('--max-warnings', '1', warned).status, 0);
  assert.equal(validate(warned).status, 0, 'no limit without the option');
  const bad = validate('--max-warnings', 'some', warned);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--max-warnings takes a whole number from 0, not some/);
});

test('--format json is --json; --format takes text, json, github or sarif, and not beside --json with another', () => {
  assert.equal(validate('--format', 'json', warned).stdout, validate('--json', warned).stdout);
  assert.match(validate('--format', 'text', warned).stdout, /^.*ipei_02c332b510\.xml:1:31 warning xml-encoding-not-utf8 /);
  const unknown = validate('--format', 'junit', warned);
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /--format takes text, json, github or sarif, not junit/);
  assert.equal(validate('--json', '--format', 'github', warned).status, 2);
});

test('--format sarif: a SARIF 2.1.0 log, one result per problem with its rule, level and region; a relative path stays relative', () => {
  const run = spawnSync(process.execPath, [CLI, 'validate', '--format', 'sarif', path.basename(broken), path.basename(warned)], { encoding: 'utf8', cwd: dir });
  assert.equal(run.status, 1);
  const log = JSON.parse(run.stdout) as {
    version: string;
    runs: { tool: { driver: { name: string; rules: { id: string }[] } }; columnKind: string; results: { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[] }[] }[];
  };
  assert.equal(log.version, '2.1.0');
  const [sarifRun] = log.runs;
  assert.equal(sarifRun.tool.driver.name, 'hsconfig');
  assert.equal(sarifRun.columnKind, 'utf16CodeUnits');
  assert.deepEqual(sarifRun.tool.driver.rules.map((r) => r.id), ['value-too-long', 'xml-encoding-not-utf8']);
  assert.deepEqual(
    sarifRun.results.map((r) => [r.ruleId, sarifRun.tool.driver.rules[r.ruleIndex].id, r.level, r.locations[0].physicalLocation.artifactLocation.uri, r.locations[0].physicalLocation.region]),
    [
      ['value-too-long', 'value-too-long', 'error', 'ipei_02c332b511.xml', { startLine: 4, startColumn: 12, endLine: 4, endColumn: 26 }],
      ['xml-encoding-not-utf8', 'xml-encoding-not-utf8', 'warning', 'ipei_02c332b510.xml', { startLine: 1, startColumn: 31, endLine: 1, endColumn: 41 }],
    ],
  );
  assert.match(sarifRun.results[0].message.text, /at most 10 characters/);
  assert.equal(run.stderr, '', 'the log alone on stdout, nothing else said');
});
