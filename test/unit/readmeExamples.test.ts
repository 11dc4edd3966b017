// Every example in the README runs: CSV examples through `hsconfig generate` (each row becomes a file), command lines
// in a scratch workspace (each exits 0), and every flag of every usage line is one the CLI's own usage lists.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';

const ROOT = path.join(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

interface Block {
  readonly lang: string;
  readonly body: string;
  readonly line: number;
}

const blocks: Block[] = [...README.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1], body: m[2], line: README.slice(0, m.index).split('\n').length }));

function cli(args: string[], cwd: string, env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
}

/** A command line's words, as a shell splits them (double quotes only, which is all the README uses). */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
}

/** `hsconfig …` command lines of a block, comments dropped, continuation lines joined. */
function commandLines(block: Block): string[] {
  const out: string[] = [];
  for (const raw of block.body.split('\n')) {
    const line = raw.replace(/\s+#.*$/, '');
    if (/^\s+\S/.test(line) && out.length) out[out.length - 1] += ` ${line.trim()}`;
    else if (/^(npx )?hsconfig /.test(line)) out.push(line.replace(/^npx /, '').trim());
  }
  return out;
}

const isUsage = (line: string) => /[[<…|]/.test(line);

const HANDSET = (profile: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<hs_config>\n  <ipei>02c332b510</ipei>\n  <hs_name>Reception</hs_name>\n  <sip>\n    <line>\n      <profile_name>${profile}</profile_name>\n      <user_id>5328</user_id>\n    </line>\n  </sip>\n</hs_config>\n`;

/** The folders and files the README's examples name, in a throw-away folder. */
function scratchWorkspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hsconfig-readme-'));
  for (const folder of ['handsets', 'provisioning']) {
    mkdirSync(path.join(dir, folder));
    writeFileSync(path.join(dir, folder, 'ipei_02c332b510.xml'), HANDSET('Office PBX'));
  }
  writeFileSync(path.join(dir, 'dp750-config.txt'), '# exported from the base station\nP27762=Office PBX\nP27763=Trunk\nP27014=1\n');
  return dir;
}

test('the README has examples to run', () => {
  assert.ok(blocks.filter((b) => b.lang === 'csv').length >= 1);
  assert.ok(blocks.flatMap(commandLines).filter((l) => !isUsage(l)).length >= 5);
});

for (const block of blocks.filter((b) => b.lang === 'csv')) {
  test(`README line ${block.line}: the CSV example generates one file per row, skipping none`, () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hsconfig-readme-csv-'));
    try {
      writeFileSync(path.join(dir, 'handsets.csv'), block.body);
      const r = cli(['generate', '--csv', 'handsets.csv', '--out-dir', 'out'], dir);
      assert.equal(r.status, 0, r.stderr);
      const rows = block.body.trim().split('\n').length - 1;
      assert.equal(readdirSync(path.join(dir, 'out')).length, rows, `every row of the example becomes a file: ${r.stdout}${r.stderr}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

for (const block of blocks.filter((b) => commandLines(b).some((l) => !isUsage(l)))) {
  test(`README line ${block.line}: every command of the example runs (${commandLines(block).filter((l) => !isUsage(l)).length})`, () => {
    const dir = scratchWorkspace();
    try {
      // A workspace that has imported its base station, unless the example is the import itself.
      if (!block.body.includes('import-base')) assert.equal(cli(['import-base', 'dp750-config.txt', '--out', '.vscode/hsconfig-base-station.json'], dir).status, 0);
      for (const line of commandLines(block).filter((l) => !isUsage(l))) {
        // Absolute paths (/srv/tftp) land inside the scratch folder.
        const args = words(line).slice(1).map((w) => (w.startsWith('/') ? path.join(dir, w) : w));
        const r = cli(args, dir, { HSCONFIG_PASSWORD: 'Example-Pass1' });
        assert.equal(r.status, 0, `${line}\n${r.stdout}\n${r.stderr}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('every flag of every usage line in the README is one the CLI lists for that command', () => {
  const usage = cli(['--help'], ROOT).stdout + cli(['--help'], ROOT).stderr;
  const sections = new Map<string, string>();
  let current = '';
  for (const line of usage.split('\n')) {
    const m = /^ {2}([a-z-]+)\b/.exec(line);
    if (m) current = m[1];
    if (current) sections.set(current, (sections.get(current) ?? '') + line + '\n');
  }
  const lines = blocks.flatMap(commandLines).filter(isUsage);
  assert.ok(lines.length >= 10, `usage lines found: ${lines.length}`);
  for (const line of lines) {
    const command = words(line)[1];
    assert.ok(sections.has(command), `hsconfig ${command} is not a command (README: ${line})`);
    for (const flag of line.match(/--[a-z][a-z-]*/g) ?? []) assert.ok(sections.get(command)!.includes(flag), `hsconfig ${command} has no ${flag} (README: ${line})`);
  }
});
