// Encrypting 1,000 small handset files: one `hsconfig encrypt` over a folder vs. a shell loop of `openssl enc`.
// Usage: npm run bench:crypto [-- --files N --runs N]   (needs dist/cli.js, bash and openssl)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { files: { type: 'string', default: '1000' }, runs: { type: 'string', default: '3' } } });
const FILES = Number(values.files);
const RUNS = Number(values.runs);
const CLI = path.resolve('dist', 'cli.js');
const env = { ...process.env, HSCONFIG_PASSWORD: 'bench-Passw0rd' };

function handset(ipei, n) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<hs_config>
  <ipei>${ipei}</ipei>
  <hs_name>HS ${n}</hs_name>
  <sip>
    <line>
      <profile_name>profile${(n % 4) + 1}</profile_name>
      <user_id>${5000 + n}</user_id>
    </line>
  </sip>
</hs_config>
`;
}

function run(command, args, options = {}) {
  const start = performance.now();
  const r = spawnSync(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'], ...options });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`${command} failed (${r.status}): ${r.stderr}`);
  return ms;
}

const work = mkdtempSync(path.join(tmpdir(), 'hsconfig-bench-crypto-'));
try {
  const src = path.join(work, 'src');
  mkdirSync(src);
  for (let n = 0; n < FILES; n++) {
    const ipei = `02c3${n.toString(16).padStart(6, '0')}`;
    writeFileSync(path.join(src, `ipei_${ipei}.xml`), handset(ipei, n)); // named as the CLI names its output
  }
  const loop = 'for f in "$1"/*.xml; do openssl enc -e -aes-256-cbc -md md5 -pass env:HSCONFIG_PASSWORD -in "$f" -out "$2/${f##*/}" 2>/dev/null || exit 1; done';
  const cliTimes = [];
  const sslTimes = [];
  for (let i = 0; i < RUNS; i++) {
    const outCli = path.join(work, `cli${i}`);
    const outSsl = path.join(work, `ssl${i}`);
    mkdirSync(outSsl);
    cliTimes.push(run(process.execPath, [CLI, 'encrypt', '--out-dir', outCli, src]));
    sslTimes.push(run('bash', ['-c', loop, 'bench', src, outSsl]));
    check(outCli, outSsl);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const [cli, ssl] = [median(cliTimes), median(sslTimes)];
  const fmt = (ms) => `${(ms / 1000).toFixed(2)} s (${((ms / FILES) * 1000).toFixed(0)} µs/file)`;
  console.log(`${FILES} files, median of ${RUNS} runs (${process.version}, ${spawnSync('openssl', ['version']).stdout.toString().trim()})`);
  console.log(`  hsconfig encrypt <folder>:  ${fmt(cli)}   runs: ${cliTimes.map((t) => t.toFixed(0)).join(', ')} ms`);
  console.log(`  shell loop of openssl enc: ${fmt(ssl)}   runs: ${sslTimes.map((t) => t.toFixed(0)).join(', ')} ms`);
  console.log(`  ratio openssl loop / hsconfig: ${(ssl / cli).toFixed(1)}×`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** Both produced every file, and openssl reads back what hsconfig wrote (a sample). */
function check(outCli, outSsl) {
  const names = readdirSync(outCli).sort();
  if (names.length !== FILES || readdirSync(outSsl).length !== FILES) throw new Error('missing output files');
  for (const name of names.filter((_, k) => k % 100 === 0)) {
    const r = spawnSync('openssl', ['enc', '-d', '-aes-256-cbc', '-md', 'md5', '-pass', 'env:HSCONFIG_PASSWORD', '-in', path.join(outCli, name)], { env });
    if (r.status !== 0 || !r.stdout.equals(readFileSync(path.join(outCli, '..', 'src', name)))) throw new Error(`openssl cannot read ${name}`);
  }
}
