// The workspace index: 1,000 handset files read from disk and indexed (target <= 1 s), and one file changed
// (target <= 20 ms); each also with the folder's problems (the fleet simulation of all files in turn) computed again,
// against the same targets. Ratios <= 1.00 meet the targets. Usage: npm run bench (needs out/).

import { createRequire } from 'node:module';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const { HandsetIndex, crossFileDiagnostics } = require('../out/server/src/workspace/handsetIndex.js');
const { factoryWithProvisioning } = require('../out/server/src/baseStation/requester.js');

const FILES = 1000;
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const row = (name, value, target) => console.log(`${name.padEnd(44)} ${value.toFixed(3).padStart(9)} ms  target ${String(target).padStart(4)} ms  ratio ${(value / target).toFixed(2)}`);

function handset(n) {
  const ipei = (0x02c332b000 + n).toString(16).padStart(10, '0');
  return { name: `ipei_${ipei}.xml`, text: `<?xml version="1.0" encoding="UTF-8"?>\n<hs_config>\n  <ipei>${ipei}</ipei>\n  <hs_name>HS ${n}</hs_name>\n  <sip>\n    <line>\n      <profile_name>profile${(n % 4) + 1}</profile_name>\n      <user_id>${5000 + n}</user_id>\n      <ring_type>Circular</ring_type>\n    </line>\n  </sip>\n</hs_config>\n` };
}

const folder = mkdtempSync(path.join(tmpdir(), 'hsconfig-bench-index-'));
try {
  for (let n = 0; n < FILES; n++) {
    const { name, text } = handset(n);
    writeFileSync(path.join(folder, name), text);
  }
  const model = factoryWithProvisioning();
  let index;
  const builds = [];
  const problems = [];
  for (let run = 0; run < 5; run++) {
    const start = performance.now();
    index = new HandsetIndex();
    for (const name of readdirSync(folder)) index.set(`file://${folder}/${name}`, name, readFileSync(path.join(folder, name), 'utf8'));
    index.all();
    builds.push(performance.now() - start);
    const fleetStart = performance.now();
    crossFileDiagnostics(model, index.all());
    problems.push(performance.now() - fleetStart);
  }
  row(`index ${FILES} files from disk`, median(builds), 1000);
  row(`  ... and build with the folder's problems`, median(builds) + median(problems), 1000);
  const updates = [];
  const changed = handset(500);
  for (let run = 0; run < 30; run++) {
    const start = performance.now();
    index.set(`file://${folder}/${changed.name}`, changed.name, changed.text.replace('HS 500', `HS 500 ${run}`));
    index.all();
    updates.push(performance.now() - start);
  }
  row(`update the index after one file changed`, median(updates), 20);
  row(`  ... and update with the folder's problems`, median(updates) + median(problems), 20);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
