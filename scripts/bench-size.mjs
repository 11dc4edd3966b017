// npm run bench: large base-station configs (issue 25). Each feature must grow linearly with the file: its time at
// 0.5, 1, 2 and 4 MB in CPU time (which other jobs on a busy machine do not inflate; the collector's threads count),
// and the ratio per doubling (2 is linear, 4 quadratic; target <= 2.2). Then a keystroke in a 3 MB config over stdio
// (dist/server.js) to its diagnostics, against the in-process check of that config timed right before each key
// (target <= 1.5 x). Ratios, not times, carry over between machines. Usage: npm run bench (needs dist/ and out/), or
// npm run bench:size.

import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { largeBaseConfig } from './lib/benchDocuments.mjs';
import { Session } from './lib/benchSession.mjs';

const require = createRequire(import.meta.url);
const rpc = require('vscode-languageserver-protocol/node');
const { getBaseConfigService } = require('../out/server/src/baseConfig/baseConfigService.js');
const { P_VALUES } = require('../out/server/src/baseConfig/catalogue.js');
const { TextDocument } = require('vscode-languageserver-textdocument');

const SIZES_MB = [0.5, 1, 2, 4];
const RUNS = Number(process.env.HSCONFIG_BENCH_SIZE_RUNS ?? 7);
const KEYS = Number(process.env.HSCONFIG_BENCH_SIZE_KEYS ?? 20);
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

function row(name, value, unit, target) {
  console.log(`${name.padEnd(44)} ${value.toFixed(3).padStart(9)} ${unit.padEnd(3)} target ${String(target).padStart(4)} ${unit.padEnd(3)} ratio ${(value / target).toFixed(2)}`);
}

const service = getBaseConfigService();
let version = 0;
const fresh = (text) => TextDocument.create('file:///bench/large.txt', 'hsconfig-base', ++version, text);
/** What each feature costs on a version already read (the parse is the check's, and timed there). */
const CHECK = 'check (parse included)';
const FEATURES = {
  [CHECK]: (document) => service.doValidation(document),
  outline: (document) => service.findDocumentSymbols(document),
  folding: (document) => service.getFoldingRanges(document),
  'completion at a key': (document) => service.doComplete(document, { line: 5, character: 1 }),
};

const documents = SIZES_MB.map((mb) => ({ mb, text: largeBaseConfig(P_VALUES, mb * 1e6) }));
const times = Object.fromEntries(Object.keys(FEATURES).map((name) => [name, documents.map(() => [])]));
/** Calls per sample, per feature and size: enough for a sample of at least 100 ms, so that a cheap feature's sample
 *  is not one moment of a busy machine (set by the warm-up run). */
const batches = Object.fromEntries(Object.keys(FEATURES).map((name) => [name, documents.map(() => 1)]));
// Sizes and features are timed in turn, run after run, so that a busy moment of the machine falls on all of them.
for (let run = -1; run < RUNS; run++) {
  documents.forEach(({ text }, i) => {
    const document = fresh(text);
    for (const [name, feature] of Object.entries(FEATURES)) {
      // The check is of a new version each time (a version's diagnostics are kept); the others ask the same version.
      const batch = name === CHECK ? 1 : batches[name][i];
      // Each feature starts from a full collection, so that it does not pay for the garbage of the one before (the
      // outline of 4 MB leaves a large tree), and all but the check (a new version each time) run once untimed: the
      // first call after a collection paid for a cold cache.
      globalThis.gc?.();
      if (name !== CHECK) feature(document);
      const start = process.cpuUsage();
      for (let n = 0; n < batch; n++) feature(document);
      const used = process.cpuUsage(start);
      const each = (used.user + used.system) / 1000 / batch;
      if (run >= 0) times[name][i].push(each);
      else batches[name][i] = Math.max(1, Math.ceil(100 / Math.max(each, 0.01)));
    }
  });
}
for (const name of Object.keys(FEATURES)) {
  const medians = times[name].map(median);
  const doublings = medians.slice(1).map((t, i) => t / medians[i]);
  // The row is the mean ratio per doubling over the whole range, (t(4 MB) / t(0.5 MB))^(1/3): one doubling alone
  // can step where the data outgrows a processor cache (1 to 2 MB here), which says nothing of the algorithm.
  const perDoubling = (medians[medians.length - 1] / medians[0]) ** (1 / doublings.length);
  console.log(`  large config, ${name}: ${medians.map((t, i) => `${SIZES_MB[i]} MB ${t.toPrecision(3)} ms`).join(', ')}; each doubling ${doublings.map((d) => d.toFixed(2)).join(', ')}`);
  row(`large config, ${name}, per doubling`, perDoubling, 'x', 2.2);
}

/** A keystroke in a 3 MB config to its published diagnostics, against the in-process check timed before each key. */
async function keystrokeInLargeConfig() {
  const text = largeBaseConfig(P_VALUES, 3e6);
  const checkOnce = () => {
    globalThis.gc?.();
    const start = performance.now();
    service.doValidation(fresh(text));
    return performance.now() - start;
  };
  const session = new Session();
  await session.start();
  try {
    const uri = 'file:///bench/large-3mb.txt';
    await session.open(uri, text, 'hsconfig-base');
    const position = { line: text.split('\n').findIndex((l) => l.startsWith('P27762=')), character: 'P27762=profile1'.length };
    const symbolsStart = performance.now();
    await session.conn.sendRequest(rpc.DocumentSymbolRequest.type, { textDocument: { uri } });
    console.log(`${'  outline of the 3 MB config over stdio'.padEnd(44)} ${(performance.now() - symbolsStart).toFixed(1).padStart(9)} ms`);
    const ratios = [];
    const latencies = [];
    const checks = [];
    for (let v = 2; v < KEYS + 2; v++) {
      const check = checkOnce();
      await new Promise((r) => setTimeout(r, check / 2)); // a pause, as a person's next key comes after the last one's problems
      const latency = await session.key(uri, v, position, v % 2 === 0);
      if (v < 4) continue;
      latencies.push(latency);
      checks.push(check);
      ratios.push(latency / check);
    }
    console.log(`${'  check of the 3 MB config, in process'.padEnd(44)} ${median(checks).toFixed(1).padStart(9)} ms (median, timed before each key)`);
    console.log(`${'  keystroke to diagnostics, 3 MB config'.padEnd(44)} ${median(latencies).toFixed(1).padStart(9)} ms (median of ${latencies.length})`);
    row('keystroke in a 3 MB config vs its check', median(ratios), 'x', 1.5);
  } finally {
    await session.dispose();
  }
}

await keystrokeInLargeConfig();
