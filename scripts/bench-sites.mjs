// Sites over stdio (issue 24), as ratios to their targets (<= 1.00 meets it):
// - a keystroke in a site's open config (its profile name) to the new diagnostics of that site's open handset file,
//   target median <= 50 ms (the handset's own keystroke target is 20 ms; this one goes through the site's model);
// - 100 sites of 10 handset files each (a config per site folder), from `initialized` until every handset file's
//   diagnostics are published with workspace diagnostics on (found, indexed, each checked against its own site and
//   each site's folder simulated), target <= 1 s.
// Usage: npm run bench (needs dist/).

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { Session } from './lib/benchSession.mjs';

const KEYS = Number(process.env.HSCONFIG_BENCH_KEYS ?? 60);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const row = (name, value, unit, target) =>
  console.log(`${name.padEnd(44)} ${value.toFixed(3).padStart(9)} ${unit.padEnd(3)} target ${target.toFixed(1).padStart(6)} ${unit.padEnd(3)} ratio ${(value / target).toFixed(2)}`);

const config = (name) => `# bench site\nP27762=${name}\nP27763=Trunk\nP27014=1\nP237=prov.example.com/gs\n`;
const handset = (ipei, profile) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<hs_config>\n  <ipei>${ipei}</ipei>\n  <sip>\n    <line>\n      <profile_name>${profile}</profile_name>\n      <user_id>${parseInt(ipei.slice(-4), 16)}</user_id>\n    </line>\n  </sip>\n</hs_config>\n`;

/** Writes `sites` site folders of `perSite` handset files each; returns the root. */
function writeSites(sites, perSite) {
  const root = mkdtempSync(path.join(tmpdir(), 'hsconfig-bench-sites-'));
  for (let s = 0; s < sites; s++) {
    const dir = path.join(root, 'sites', `site${s}`);
    mkdirSync(path.join(dir, 'handsets'), { recursive: true });
    writeFileSync(path.join(dir, 'dp750.txt'), config(`Site${s}`));
    for (let h = 0; h < perSite; h++) {
      const ipei = (0x02c3000000 + s * 100 + h).toString(16).padStart(10, '0');
      writeFileSync(path.join(dir, 'handsets', `ipei_${ipei}.xml`), handset(ipei, `Site${s}`));
    }
  }
  return root;
}

/** Config keystrokes: P27762's value loses and regains its last character; each time the handset's diagnostics change. */
async function configKeystrokes() {
  const root = writeSites(2, 1);
  const session = new Session(root);
  try {
    await session.start();
    const configUri = pathToFileURL(path.join(root, 'sites', 'site0', 'dp750.txt')).toString();
    const handsetUri = pathToFileURL(path.join(root, 'sites', 'site0', 'handsets', 'ipei_02c3000000.xml')).toString();
    await session.open(handsetUri, handset('02c3000000', 'Site0'));
    await session.open(configUri, config('Site0'), 'hsconfig-base');
    const line = 1;
    const at = { line, character: 'P27762=Site0'.length - 1 };
    const times = [];
    for (let k = 0; k < KEYS; k++) {
      const typing = k % 2 === 1; // delete the last character of the name, then type it back
      const expect = typing ? 0 : 1; // a name the handset no longer matches gives it one problem
      const sent = performance.now();
      const changed = new Promise((resolve) => (session.onPublish = (p) => p.uri === handsetUri && p.diagnostics.length === expect && resolve(performance.now() - sent)));
      const range = typing ? { start: at, end: at } : { start: at, end: { line, character: at.character + 1 } };
      void session.conn.sendNotification('textDocument/didChange', { textDocument: { uri: configUri, version: k + 2 }, contentChanges: [{ range, text: typing ? '0' : '' }] });
      times.push(await Promise.race([changed, sleep(5000).then(() => Promise.reject(new Error(`key ${k}: the handset's diagnostics did not follow within 5 s`)))]));
      await sleep(60);
    }
    row('config keystroke → handset diagnostics (median)', median(times), 'ms', 50);
  } finally {
    await session.dispose();
    rmSync(root, { recursive: true, force: true });
  }
}

/** 100 sites × 10 handset files: every file's diagnostics published. */
async function manySites(sites = 100, perSite = 10) {
  const root = writeSites(sites, perSite);
  const session = new Session(root);
  try {
    const seen = new Set();
    const all = new Promise((resolve) => {
      session.onPublish = (p) => {
        if (p.uri.endsWith('.xml')) seen.add(p.uri);
        if (seen.size === sites * perSite) resolve(performance.now());
      };
    });
    await session.start();
    const started = performance.now(); // from `initialized`: the server has loaded and answered `initialize`
    const done = await all;
    row(`${sites} sites × ${perSite} handsets indexed and checked`, (done - started) / 1000, 's', 1);
  } finally {
    await session.dispose();
    rmSync(root, { recursive: true, force: true });
  }
}

await configKeystrokes();
await manySites();
