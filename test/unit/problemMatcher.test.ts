// The problem matcher contributed for `hsconfig validate` reads every line the real CLI prints, into the same file,
// position, severity, code and message as its --json report.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { FIXTURES, handset } from './helpers';

const ROOT = path.join(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

interface Pattern { regexp: string; file: number; line: number; column: number; severity: number; code: number; message: number }
interface Matcher { name: string; owner: string; fileLocation: string[]; pattern: Pattern }
interface JsonReport { file: string; diagnostics: { range: { start: { line: number; character: number } }; severity: string; code: string; message: string }[] }

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { problemMatchers: Matcher[] } };
const matcher = manifest.contributes.problemMatchers.find((m) => m.name === 'hsconfig');

function validate(...args: string[]): string {
  return spawnSync(process.execPath, [CLI, 'validate', ...args], { encoding: 'utf8', cwd: FIXTURES }).stdout;
}

const dir = mkdtempSync(path.join(tmpdir(), 'hsconfig-matcher-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const noDeclaration = path.join(dir, 'ipei_02c332b510.xml');
writeFileSync(
  noDeclaration,
  handset({ head: '', name: '  <hs_name>Front desk 1</hs_name>\n', settings: '  <hs_settings><user><auto_answer>1</auto_answer></user></hs_settings>\n' }),
);

// A folder with errors and warnings (relative paths), a file outside it by absolute path with a note and errors.
const INPUTS = ['folder', path.join('folder', 'other.xml'), 'guide-example.xml', noDeclaration];

test('the hsconfig problem matcher reads each line of `hsconfig validate` as its JSON report says', () => {
  assert.ok(matcher, 'package.json contributes a problem matcher named hsconfig');
  assert.deepEqual(matcher.fileLocation, ['autoDetect', '${workspaceFolder}'], 'relative paths resolve against the folder the task runs in; absolute ones stay');
  const regexp = new RegExp(matcher.pattern.regexp);
  const p = matcher.pattern;
  let lines = 0;
  const severities = new Set<string>();
  for (const input of INPUTS) {
    const printed = validate(input).split('\n').filter((l) => l !== '');
    const expected = (JSON.parse(validate('--json', input)) as JsonReport[]).flatMap((r) => r.diagnostics.map((d) => ({ file: r.file, ...d })));
    assert.equal(printed.length, expected.length, `one line per problem for ${input}`);
    printed.forEach((line, i) => {
      const m = regexp.exec(line);
      assert.ok(m, `the matcher reads: ${line}`);
      const e = expected[i];
      assert.deepEqual(
        [m[p.file], Number(m[p.line]), Number(m[p.column]), m[p.severity], m[p.code], m[p.message]],
        [e.file, e.range.start.line + 1, e.range.start.character + 1, e.severity, e.code, e.message],
      );
      // VS Code knows these severity words (error, warning, info/information; hint shows as information).
      assert.match(m[p.severity], /^(error|warning|information|hint)$/);
      severities.add(m[p.severity]);
    });
    lines += printed.length;
  }
  assert.ok(lines >= 6, `the inputs produce problems to match (${lines})`);
  assert.deepEqual([...severities].sort(), ['error', 'information', 'warning'], 'every severity the inputs produce was matched');
});

test('the summary and the CLI’s own complaints are not read as problems', () => {
  const regexp = new RegExp(matcher?.pattern.regexp ?? '$^');
  const r = spawnSync(process.execPath, [CLI, 'validate', 'folder', 'missing.xml'], { encoding: 'utf8', cwd: FIXTURES });
  const stderr = r.stderr.split('\n').filter((l) => l !== '');
  assert.ok(stderr.length > 0);
  for (const line of stderr) assert.equal(regexp.exec(line), null, line);
});

test('a value holding a line break cannot forge a problem line: one line per problem, control characters escaped', () => {
  const forged = path.join(dir, 'ipei_02c332b511.xml');
  writeFileSync(forged, handset({ ipei: '02c332b511', settings: '  <hs_settings><user><auto_answer>x&#10;/etc/passwd:1:1 error fake-code forged&#13;&#9;</auto_answer></user></hs_settings>\n' }));
  const printed = validate(forged).split('\n').filter((l) => l !== '');
  const regexp = new RegExp(matcher!.pattern.regexp);
  assert.ok(printed.length > 0);
  for (const line of printed) {
    const m = regexp.exec(line);
    assert.ok(m, `the matcher reads: ${line}`);
    assert.equal(m[matcher!.pattern.file], forged, `every line is about the file itself: ${line}`);
  }
  assert.ok(printed.some((l) => l.includes("'x\\n/etc/passwd:1:1 error fake-code forged'")), printed.join('\n'));
});
