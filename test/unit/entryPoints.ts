// Every entry point of the language service and the simulation, run on one text: what a hostile document must
// survive. Each answer must also survive JSON.stringify, as the language server sends it over the wire.

import assert from 'node:assert/strict';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { simulateFleet } from '../../server/src/baseStation/fleet';
import { readHandsetFile } from '../../server/src/baseStation/handsetFile';
import { factoryWithProvisioning } from '../../server/src/baseStation/requester';
import { simulate } from '../../server/src/baseStation/simulate';
import { ipeiForFileName } from '../../server/src/domain/handsetFileIpei';
import { getLanguageService, type LanguageService } from '../../server/src/handset/languageService';
import { doc } from './helpers';

const sharedService = getLanguageService();

function inside(document: TextDocument, range: Range): void {
  const last = document.positionAt(document.getText().length);
  assert.ok(document.offsetAt(range.start) <= document.offsetAt(range.end), 'range starts after it ends');
  for (const p of [range.start, range.end]) {
    assert.ok(p.line >= 0 && p.character >= 0, 'negative position');
    assert.ok(p.line < last.line || (p.line === last.line && p.character <= last.character), 'position past the end');
  }
}

const wire = (value: unknown) => assert.doesNotThrow(() => JSON.stringify(value), 'the answer cannot be sent');

/** Positions to ask at: the start, the end, and a few spread over the text. */
function probes(document: TextDocument, count: number): number[] {
  const n = document.getText().length;
  const step = Math.max(1, Math.floor(n / count));
  const offsets = new Set([0, n]);
  for (let o = step; o < n; o += step) offsets.add(o);
  return [...offsets];
}

/** Runs every entry point on the text; throws (an assertion) when one throws or answers nonsense. */
export function runEveryEntryPoint(text: string, options: { positions?: number; service?: LanguageService } = {}): void {
  const service = options.service ?? sharedService;
  const document = doc(text, 'file:///work/ipei_02c332b510.xml');
  const whole = { start: document.positionAt(0), end: document.positionAt(text.length) };
  const diagnostics = service.doValidation(document);
  for (const d of diagnostics) {
    inside(document, d.range);
    assert.ok(typeof d.message === 'string' && d.message.length > 0);
  }
  wire(diagnostics);
  wire(service.doCodeActions(document, whole, diagnostics));
  const symbols = service.findDocumentSymbols(document);
  wire(symbols);
  for (const f of service.getFoldingRanges(document)) assert.ok(f.startLine <= f.endLine);
  wire(service.getInlayHints(document, whole));
  wire(service.getDocumentStatus(document));
  const positions = probes(document, options.positions ?? 6).map((o) => document.positionAt(o));
  for (const position of positions) {
    const hover = service.doHover(document, position);
    if (hover?.range) inside(document, hover.range);
    wire(hover);
    wire(service.doComplete(document, position));
  }
  const selections = service.getSelectionRanges(document, positions);
  wire(selections);
  for (let s: (typeof selections)[number] | undefined = selections[0]; s; s = s.parent) inside(document, s.range);
  readHandsetFile(text);
  ipeiForFileName(text);
  wire(simulate(factoryWithProvisioning(), '02c332b510', text));
  wire(simulateFleet(factoryWithProvisioning(), [{ name: 'ipei_02c332b510.xml', text }, { name: 'other.xml', text }]));
  service.forget(document.uri);
}
