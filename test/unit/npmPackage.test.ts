// The npm package (issue 26): `npm pack` holds only what runs (the bundle, its two starters, the schema, README,
// CHANGELOG, LICENSE), stays small, installs from the tarball into an empty project with no dependencies and no
// network, and both bins work there: `hsconfig` and `hsconfig-language-server --stdio`.

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';

const ROOT = path.join(__dirname, '..', '..', '..');
const MAX_TARBALL_BYTES = 1_500_000;
const npm = (args: string[], cwd: string) => {
  const r = spawnSync('npm', args, { cwd, encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.status, 0, `npm ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};

test('npm pack holds only what runs, installs offline with no dependencies, and both bins work', async () => {
  const work = mkdtempSync(path.join(tmpdir(), 'hsconfig-npm-'));
  try {
    // The scripts would rebuild dist/ for production; the test packs the build npm test just made.
    const [packed] = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT)) as { filename: string; files: { path: string }[] }[];
    const files = packed.files.map((f) => f.path).sort();
    assert.deepEqual(files, ['CHANGELOG.md', 'LICENSE', 'README.md', 'dist/cli.js', 'dist/hsconfig.js', 'dist/server.js', 'package.json', 'schemas/base-station.schema.json']);
    const tarball = path.join(work, packed.filename);
    assert.ok(statSync(tarball).size <= MAX_TARBALL_BYTES, `${statSync(tarball).size} bytes`);

    const project = path.join(work, 'project');
    mkdirSync(project);
    npm(['init', '--yes'], project);
    npm(['install', '--offline', '--no-audit', '--no-fund', tarball], project);
    const lock = JSON.parse(readFileSync(path.join(project, 'package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
    assert.deepEqual(Object.keys(lock.packages).sort(), ['', 'node_modules/hsconfig'], 'no dependencies come with it');

    const bin = (name: string) => path.join(project, 'node_modules', '.bin', name);
    const version = spawnSync(bin('hsconfig'), ['--version'], { encoding: 'utf8' });
    assert.equal(version.stdout.trim(), JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
    writeFileSync(path.join(project, 'ipei_02c332b510.xml'), '<hs_config><ipei>02c332b510</ipei></hs_config>\n');
    const validate = spawnSync(bin('hsconfig'), ['validate', 'ipei_02c332b510.xml'], { cwd: project, encoding: 'utf8' });
    assert.equal(validate.status, 1);
    assert.match(validate.stdout, /^ipei_02c332b510\.xml:1:1 error xml-declaration-missing /m);

    assert.equal(await initializeOverStdio(bin('hsconfig-language-server')), 'hsconfig-language-server');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

/** Sends `initialize` over stdio and gives the serverInfo name of the answer. */
function initializeOverStdio(command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const server = spawn(command, ['--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const timer = setTimeout(() => (server.kill(), reject(new Error('no answer to initialize within 10 s'))), 10_000);
    let received = '';
    server.stdout.on('data', (chunk: Buffer) => {
      received += chunk.toString('utf8');
      const body = /\r\n\r\n(\{.*\})/s.exec(received)?.[1];
      if (!body) return;
      try {
        const answer = JSON.parse(body) as { result?: { serverInfo?: { name?: string } } };
        clearTimeout(timer);
        server.kill();
        resolve(answer.result?.serverInfo?.name ?? '');
      } catch {
        // not all of the body yet
      }
    });
    const message = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    server.stdin.write(`Content-Length: ${Buffer.byteLength(message)}\r\n\r\n${message}`);
  });
}
