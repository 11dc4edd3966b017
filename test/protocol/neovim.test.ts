// Neovim's own LSP client, headless, configured by the README's own snippet, against dist/server.js (issue 26): a real
// client no one here wrote, with the filetypes Neovim sets (`xml`, `text`). It sees the config's and the handset file's problems, a hover, completion of
// the config's profile names, a quick fix, formatting, a rename that reaches a closed handset file and the config, and
// silence on a foreign XML file. Skipped, saying so, where `nvim` is not installed (CI installs Debian's).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { SERVER } from './lspClient';

const ROOT = path.join(__dirname, '..', '..', '..');
const DRIVER = path.join(ROOT, 'test', 'protocol', 'neovim', 'drive.lua');

/** The README's Neovim configuration, as a user pastes it, with this checkout's server in place of the example path. */
function readmeInit(): string {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const block = /```lua\n(local hsconfig[\s\S]*?)```/.exec(readme)?.[1];
  assert.ok(block, "the README's Neovim configuration (a lua block starting `local hsconfig`)");
  assert.ok(block.includes('/path/to/hsconfig/dist/server.js'));
  return block.replace('/path/to/hsconfig/dist/server.js', SERVER.replace(/\\/g, '/'));
}
const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const missing = nvim.error || nvim.status !== 0 ? 'nvim is not installed (apt-get install neovim); the Neovim client test is skipped' : false;

const line = (profile: string, user: string) => `<line>\n<profile_name>${profile}</profile_name>\n<user_id>${user}</user_id>\n</line>\n`;
const SITE: Record<string, string> = {
  'dp750.txt': 'P271=1\nP27762=Office\nP27763=Trunk\nP27080=105\n',
  // No XML declaration (a quick fix), and not indented (formatting).
  'handsets/ipei_02c332b510.xml': `<hs_config>\n<ipei>02c332b510</ipei>\n<hs_name>Front desk</hs_name>\n<sip>\n${line('Office', '5328')}</sip>\n</hs_config>\n`,
  'handsets/ipei_02c332b511.xml': `<?xml version="1.0" encoding="UTF-8"?>\n<hs_config>\n  <ipei>02c332b511</ipei>\n  <sip>\n${line('Office', '5329')}  </sip>\n</hs_config>\n`,
  'pom.xml': '<?xml version="1.0"?>\n<project>\n  <modelVersion>4.0.0</modelVersion>\n</project>\n',
};

interface Record_ {
  error?: string;
  config: { filetype: string; codes: string[] };
  handset: { filetype: string; codes: string[] };
  hover: string;
  completion: string[];
  actions: string[];
  after_fix: { first_line: string; codes: string[] };
  formatted: string[];
  renamed_files: string[];
  after_rename: { handset: string; other: string; config: string };
  pom: { filetype: string; codes: string[]; hover: unknown };
}

test("Neovim's LSP client: checks, hover, completion, a quick fix, formatting, a rename across files, and silence on other XML", { skip: missing }, () => {
  const root = mkdtempSync(path.join(tmpdir(), 'hsconfig-nvim-'));
  try {
    // The README's configuration names dp750.txt as the base-station file.
    for (const [name, text] of Object.entries(SITE)) {
      mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      writeFileSync(path.join(root, name), text);
    }
    const outFile = path.join(root, 'record.json');
    const init = path.join(root, 'init.lua');
    writeFileSync(init, readmeInit());
    const run = spawnSync('nvim', ['--headless', '--clean', '-n', '-c', `luafile ${DRIVER}`], {
      cwd: root,
      env: { ...process.env, HSCONFIG_ROOT: root, HSCONFIG_NVIM_INIT: init, HSCONFIG_NVIM_OUT: outFile },
      encoding: 'utf8',
      timeout: 90_000,
    });
    assert.equal(run.status, 0, `nvim exited with ${run.status ?? run.signal}: ${run.stderr}`);
    const seen = JSON.parse(readFileSync(outFile, 'utf8')) as Record_;
    assert.equal(seen.error, undefined, seen.error);

    assert.deepEqual(seen.config, { filetype: 'text', codes: ['value-out-of-range'] }, 'a config opened as text gets the config checks');
    assert.deepEqual(seen.handset, { filetype: 'xml', codes: ['xml-declaration-missing'] }, 'the handset file opened as xml; its names come from the config');
    assert.match(seen.hover, /hs_name/);
    assert.deepEqual(seen.completion.slice(0, 2), ['Office', 'Trunk'], "completion offers the config's profile names");
    assert.match(seen.actions[0], /declaration/i);
    assert.deepEqual(seen.after_fix, { first_line: '<?xml version="1.0" encoding="UTF-8"?>', codes: [] });
    assert.ok(seen.formatted.includes('  <hs_name>Front desk</hs_name>') && seen.formatted.includes('      <profile_name>Office</profile_name>'), seen.formatted.join('\n'));
    assert.deepEqual(seen.renamed_files, ['dp750.txt', 'ipei_02c332b510.xml', 'ipei_02c332b511.xml']);
    assert.match(seen.after_rename.handset, /<profile_name>HQ<\/profile_name>/);
    assert.match(seen.after_rename.other, /<profile_name>HQ<\/profile_name>/);
    assert.match(seen.after_rename.config, /^P27762=HQ$/m);
    assert.deepEqual(seen.pom, { filetype: 'xml', codes: [], hover: null });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
