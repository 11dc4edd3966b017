// npm run bench: speed and memory of the language service, in-process, as ratios to our targets
// (a ratio at or below 1.00 meets the target). Run `npm run compile` first (the npm script does).

import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const { getLanguageService } = require('../out/server/src/languageService/languageService.js');
const { TextDocument } = require('vscode-languageserver-textdocument');

const TARGETS = { guideMs: 1, tenThousandLinesMs: 50, tenThousandLinesHeapMB: 50, formatGuideMs: 1 };

function tenThousandLines() {
  const line = (i) =>
    `    <line>\n      <profile_name>profile${(i % 4) + 1}</profile_name>\n      <user_id>${1000 + i}</user_id>\n` +
    `      <display_name>Line ${i}</display_name>\n      <ring_type>Circular</ring_type>\n    </line>\n`;
  const body = Array.from({ length: 1666 }, (_, i) => line(i)).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<hs_config>\n  <ipei>02c332b510</ipei>\n  <sip>\n${body}  </sip>\n</hs_config>\n`;
}

function median(fn, runs) {
  for (let i = 0; i < Math.min(5, runs); i++) fn(); // warm up
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b)[times.length >> 1];
}

function row(name, value, unit, target) {
  console.log(`${name.padEnd(44)} ${value.toFixed(3).padStart(9)} ${unit.padEnd(3)} target ${String(target).padStart(4)} ${unit.padEnd(3)} ratio ${(value / target).toFixed(2)}`);
}

const service = getLanguageService();
const guide = TextDocument.create('file:///bench/ipei_02c332b510.xml', 'hsconfig', 1, readFileSync(new URL('../test/fixtures/guide-example.xml', import.meta.url), 'utf8'));
const bigText = tenThousandLines();
const big = TextDocument.create('file:///bench/big.xml', 'hsconfig', 1, bigText);

row("validate the guide's example (median of 500)", median(() => service.doValidation(guide), 500), 'ms', TARGETS.guideMs);
const messy = guide.getText().replace(/\n\s*/g, '');
const options = { tabSize: 2, insertSpaces: true };
let version = 1;
const formatFresh = () => service.format(TextDocument.create('file:///bench/messy.xml', 'hsconfig', version++, messy), options);
row("format the unindented guide example, parse included", median(formatFresh, 500), 'ms', TARGETS.formatGuideMs);
row(`validate ${bigText.split('\n').length - 1} lines (median of 30)`, median(() => service.doValidation(big), 30), 'ms', TARGETS.tenThousandLinesMs);

globalThis.gc?.();
const before = process.memoryUsage().heapUsed;
const kept = service.doValidation(big);
const heapMB = (process.memoryUsage().heapUsed - before) / 1e6;
row('heap growth while validating 10,000 lines', Math.max(heapMB, 0), 'MB', TARGETS.tenThousandLinesHeapMB);
void kept;
