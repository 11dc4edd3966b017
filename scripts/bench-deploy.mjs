// Mass deployment: `hsconfig generate` of 10,000 handsets from a CSV, plain and --encrypt, against a shell loop of
// `openssl enc -aes-256-cbc -md md5` over the same 10,000 plain files. The encryption part is also timed on its own,
// in-process (the compiled encrypt() over the generated files): as a difference of two whole runs it drowns in noise.
// Usage: npm run bench:deploy [-- --handsets N --runs N]   (needs dist/ and out/, bash and openssl)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { handsets: { type: 'string', default: '10000' }, runs: { type: 'string', default: '1' } } });
const HANDSETS = Number(values.handsets);
const RUNS = Number(values.runs);
const CLI = path.resolve('dist', 'cli.js');
const { encrypt } = await import(pathToFileURL(path.resolve('out', 'server', 'src', 'domain', 'opensslEnc.js')).href);
const env = { ...process.env, HSCONFIG_PASSWORD: 'bench-Passw0rd' };

const HEADER = 'ipei,hs_name,line1.profile_name,line1.user_id,line1.display_name,line1.password,line1.ring_type,force_apply,auto_answer,key_up_idle_function';

function row(n) {
  const ipei = `02c3${n.toString(16).padStart(6, '0')}`;
  return [ipei, `HS ${n}`, `profile${(n % 4) + 1}`, 5000 + n, `"Desk ${n}, floor ${n % 9}"`, `pw${n}&x`, 'Circular', 1, n % 2, n % 21].join(',');
}

function run(command, args) {
  const start = performance.now();
  const r = spawnSync(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return ms;
}

const work = mkdtempSync(path.join(tmpdir(), 'hsconfig-bench-deploy-'));
try {
  const csv = path.join(work, 'handsets.csv');
  writeFileSync(csv, [HEADER, ...Array.from({ length: HANDSETS }, (_, n) => row(n)), ''].join('\n'));
  const loop = 'for f in "$1"/*.xml; do openssl enc -e -aes-256-cbc -md md5 -pass env:HSCONFIG_PASSWORD -in "$f" -out "$2/${f##*/}" 2>/dev/null || exit 1; done';
  const times = { plain: [], encrypt: [], inProcess: [], openssl: [] };
  for (let i = 0; i < RUNS; i++) {
    const [plain, enc, ssl] = ['plain', 'enc', 'ssl'].map((d) => path.join(work, `${d}${i}`));
    times.plain.push(run(process.execPath, [CLI, 'generate', '--csv', csv, '--out-dir', plain]));
    times.encrypt.push(run(process.execPath, [CLI, 'generate', '--csv', csv, '--out-dir', enc, '--encrypt']));
    times.inProcess.push(encryptInProcess(plain));
    mkdirSync(ssl);
    times.openssl.push(run('bash', ['-c', loop, 'bench', plain, ssl]));
    check(plain, enc, ssl);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const [plain, encrypted, inProcess, openssl] = [times.plain, times.encrypt, times.inProcess, times.openssl].map(median);
  const per1000 = (ms) => `${((ms / HANDSETS) * 1000).toFixed(1).padStart(7)} ms per 1,000 handsets`;
  const runs = (xs) => `runs: ${xs.map((t) => (t / 1000).toFixed(2)).join(', ')} s`;
  console.log(`${HANDSETS} handsets, median of ${RUNS} run${RUNS === 1 ? '' : 's'} (${process.version}, ${spawnSync('openssl', ['version']).stdout.toString().trim()})`);
  const line = (label, ms, xs) => console.log(`  ${label.padEnd(42)} ${per1000(ms)}${xs ? `   ${runs(xs)}` : ''}`);
  line('hsconfig generate', plain, times.plain);
  line('hsconfig generate --encrypt', encrypted, times.encrypt);
  line('encryption part (encrypt(), in-process)', inProcess);
  line('shell loop of openssl enc -md md5', openssl, times.openssl);
  console.log(`  ratio openssl loop / hsconfig encryption part: ${(openssl / inProcess).toFixed(0)}x`);
  console.log(`  ratio openssl loop / whole hsconfig generate --encrypt: ${(openssl / encrypted).toFixed(1)}x`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** Milliseconds to encrypt every generated file as generate --encrypt does (median of 5 passes; no disk I/O). */
function encryptInProcess(dir) {
  const files = readdirSync(dir).map((name) => readFileSync(path.join(dir, name)));
  const passes = [];
  for (let pass = 0; pass < 5; pass++) {
    const start = performance.now();
    for (const data of files) encrypt(data, env.HSCONFIG_PASSWORD, { digest: 'md5' });
    passes.push(performance.now() - start);
  }
  return passes.sort((a, b) => a - b)[2];
}

/** Every handset got a file, and openssl reads back what hsconfig encrypted (a sample). */
function check(plain, enc, ssl) {
  const names = readdirSync(plain).sort();
  for (const dir of [plain, enc, ssl]) if (readdirSync(dir).length !== HANDSETS) throw new Error(`${dir}: not ${HANDSETS} files`);
  for (const name of names.filter((_, k) => k % 500 === 0)) {
    const r = spawnSync('openssl', ['enc', '-d', '-aes-256-cbc', '-md', 'md5', '-pass', 'env:HSCONFIG_PASSWORD', '-in', path.join(enc, name)], { env });
    if (r.status !== 0 || !r.stdout.equals(readFileSync(path.join(plain, name)))) throw new Error(`openssl cannot read ${name}`);
  }
}
