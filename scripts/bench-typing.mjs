// Keystroke-to-diagnostics over stdio: the time from sending one typed character to dist/server.js until the
// diagnostics for that version arrive, as a ratio to the target (<= 1.00 meets it). Targets: median <= 20 ms for
// the guide's example; <= 1.5 x the in-process check time for a 10,000-line file. Typing is paced like a person
// (one key every 60 ms, or every 1.5 check times if a check takes longer), which is when the server must not wait; a burst
// of keys faster than the big file can be checked is reported too (how many checks ran, and how long the last key
// waited). The big file's check time is measured in process right before each key, so that a machine whose load
// changes during the run (other jobs) does not skew the ratio. The same again in a workspace folder with workspace
// diagnostics on, where the folder's problems are worked out too, and for a client that pulls diagnostics (LSP 3.17,
// as VS Code does): each key is a change followed by a textDocument/diagnostic request, timed to its answer.
// Usage: npm run bench (needs dist/ and out/).

import { createRequire } from 'node:module';
import { fullBaseTemplate, tenThousandLines } from './lib/benchDocuments.mjs';
import { Session } from './lib/benchSession.mjs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const rpc = require('vscode-languageserver-protocol/node');
const { getLanguageService } = require('../out/server/src/handset/languageService.js');
const { P_VALUES } = require('../out/server/src/baseConfig/catalogue.js');
const { TextDocument } = require('vscode-languageserver-textdocument');

const KEYS = Number(process.env.HSCONFIG_BENCH_KEYS ?? 120);
const PACE_MS = 60;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

function row(name, value, unit, target) {
  console.log(`${name.padEnd(44)} ${value.toFixed(3).padStart(9)} ${unit.padEnd(3)} target ${target.toFixed(1).padStart(6)} ${unit.padEnd(3)} ratio ${(value / target).toFixed(2)}`);
}


/** A client that pulls: asks for a document's diagnostics after each change, as VS Code's client does. */
class PullSession extends Session {
  constructor() {
    super();
    this.conn.onRequest(rpc.RegistrationRequest.type, () => undefined);
  }
  async start() {
    const capabilities = { workspace: { configuration: true }, textDocument: { diagnostic: { dynamicRegistration: true } } };
    await this.conn.sendRequest(rpc.InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities, workspaceFolders: null });
    await this.conn.sendNotification(rpc.InitializedNotification.type, {});
  }
  pull(uri) {
    return this.conn.sendRequest(rpc.DocumentDiagnosticRequest.type, { textDocument: { uri } });
  }
  async open(uri, text, languageId = 'hsconfig') {
    await this.conn.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    await this.pull(uri);
  }
  key(uri, version, position, typing) {
    const sent = performance.now();
    this.change(uri, version, position, typing);
    return this.pull(uri).then((report) => {
      if (report.kind !== 'full') throw new Error(`a changed document answered ${report.kind}`);
      return performance.now() - sent;
    });
  }
}

/**
 * Median keystroke-to-diagnostics latency over `KEYS` keys typed at a person's pace: into the display name of a
 * handset file, or just before `at` in a base-station config (`languageId` hsconfig-base).
 */
async function typing(session, uri, text, paceMs = PACE_MS, languageId = 'hsconfig', at = '</display_name>') {
  await session.open(uri, text, languageId);
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(at));
  const position = { line, character: lines[line].indexOf(at) };
  const times = [];
  for (let v = 2; v < KEYS + 2; v++) {
    times.push(await session.key(uri, v, position, v % 2 === 0));
    await sleep(paceMs);
  }
  return median(times.slice(10));
}

/** Keys every `gapMs` (faster than a check): how many versions were checked, and how long the last key waited. */
async function burst(session, uri, text, keys, gapMs) {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes('<display_name>'));
  const position = { line, character: lines[line].indexOf('</display_name>') };
  const firstVersion = 1000;
  session.published = [];
  let last;
  for (let i = 0; i < keys; i++) {
    last = session.key(uri, firstVersion + i, position, i % 2 === 0);
    await sleep(gapMs);
  }
  const lastWait = await last;
  return { checks: session.published.length, lastWait };
}

/** One in-process check of `text`, in ms (the service warmed up first). */
const checker = getLanguageService();
let checkVersion = 1;
function checkOnce(text) {
  const start = performance.now();
  checker.doValidation(TextDocument.create('file:///bench/big.xml', 'hsconfig', checkVersion++, text));
  return performance.now() - start;
}

/**
 * Typing into the 10,000-line file with the in-process check timed right before each key, so that each key's latency
 * is set against a check time measured under the same load (the machine may be busy and its load may change during
 * the run): the median latency, the median check time, and the median of the keys' own ratios.
 */
async function typingAgainstCheck(session, uri, text) {
  for (let i = 0; i < 5; i++) checkOnce(text);
  await session.open(uri, text);
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes('<display_name>'));
  const position = { line, character: lines[line].indexOf('</display_name>') };
  const latencies = [];
  const checks = [];
  const ratios = [];
  for (let v = 2; v < KEYS + 2; v++) {
    const check = checkOnce(text);
    await sleep(Math.max(PACE_MS, 1.5 * check) - check); // the pause since the last diagnostics, as in typing()
    const latency = await session.key(uri, v, position, v % 2 === 0);
    if (v < 12) continue;
    latencies.push(latency);
    checks.push(check);
    ratios.push(latency / (1.5 * check));
  }
  return { latency: median(latencies), check: median(checks), ratio: median(ratios) };
}

/**
 * The 10,000-line file typed into again, in a workspace folder with 20 other handset files and workspace diagnostics
 * on: the folder's problems must not hold up the file's own.
 */
async function typingInFolder(big) {
  const folder = mkdtempSync(path.join(tmpdir(), 'hsconfig-bench-typing-'));
  writeFileSync(path.join(folder, 'big.xml'), big);
  for (let n = 0; n < 20; n++) {
    const ipei = (0x02c332b000 + n).toString(16).padStart(10, '0');
    writeFileSync(path.join(folder, `ipei_${ipei}.xml`), `<hs_config>\n  <ipei>${ipei}</ipei>\n  <sip><line><profile_name>profile1</profile_name><user_id>${n}</user_id></line></sip>\n</hs_config>\n`);
  }
  const inFolder = new Session(folder);
  try {
    await inFolder.start();
    const uri = pathToFileURL(path.join(folder, 'big.xml')).toString();
    const { latency, check, ratio } = await typingAgainstCheck(inFolder, uri, big);
    row(`  ... in a folder, workspace diagnostics on`, latency, 'ms', 1.5 * check);
    console.log(`${'  ... median of each key against its own check'.padEnd(44)} ratio ${ratio.toFixed(2)}`);
    const { checks, lastWait } = await burst(inFolder, uri, big, 40, 2);
    console.log(`${'  ... burst of 40 keys 2 ms apart'.padEnd(44)} ${checks} checks; the last key's diagnostics after ${lastWait.toFixed(1)} ms`);
  } finally {
    await inFolder.dispose();
    rmSync(folder, { recursive: true, force: true });
  }
}

const session = new Session();
await session.start();
try {
  const guide = readFileSync(new URL('../test/fixtures/guide-example.xml', import.meta.url), 'utf8');
  row(`keystroke to diagnostics, guide (median of ${KEYS - 10})`, await typing(session, 'file:///bench/ipei_02c332b510.xml', guide), 'ms', 20);
  // Base-station config files (issue 13), the size of the vendor's full template: the same target as handset files.
  const baseXml = fullBaseTemplate(P_VALUES, true);
  row(`keystroke to diagnostics, full v2 XML base config`, await typing(session, 'file:///bench/dp750.xml', baseXml, PACE_MS, 'hsconfig-base', '</item>'), 'ms', 20);
  const baseText = fullBaseTemplate(P_VALUES, false);
  row(`keystroke to diagnostics, full text base config`, await typing(session, 'file:///bench/dp750.txt', baseText, PACE_MS, 'hsconfig-base', 'profile1'), 'ms', 20);
  const big = tenThousandLines();
  const { latency, check, ratio } = await typingAgainstCheck(session, 'file:///bench/big.xml', big);
  console.log(`${'  check time of 10,000 lines, in process'.padEnd(44)} ${check.toFixed(3).padStart(9)} ms (median, timed before each key)`);
  row(`keystroke to diagnostics, 10,000 lines`, latency, 'ms', 1.5 * check);
  console.log(`${'  ... median of each key against its own check'.padEnd(44)} ratio ${ratio.toFixed(2)}`);
  const { checks, lastWait } = await burst(session, 'file:///bench/big.xml', big, 40, 2);
  console.log(`${'  burst of 40 keys 2 ms apart, 10,000 lines'.padEnd(44)} ${checks} checks; the last key's diagnostics after ${lastWait.toFixed(1)} ms`);
} finally {
  await session.dispose();
}

const pulling = new PullSession();
await pulling.start();
try {
  const guide = readFileSync(new URL('../test/fixtures/guide-example.xml', import.meta.url), 'utf8');
  row(`keystroke to pulled diagnostics, guide`, await typing(pulling, 'file:///bench/ipei_02c332b510.xml', guide), 'ms', 20);
  const { latency, check } = await typingAgainstCheck(pulling, 'file:///bench/big.xml', tenThousandLines());
  row(`keystroke to pulled diagnostics, 10,000 lines`, latency, 'ms', 1.5 * check);
} finally {
  await pulling.dispose();
}

await typingInFolder(tenThousandLines());
