// Mass deployment, pure parts: CSV reading, column names, the XML builder and the generate core.

import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { buildHandsetXml } from '../../server/src/deploy/buildHandsetXml';
import { planColumns } from '../../server/src/deploy/columns';
import { CsvError, readCsv } from '../../server/src/deploy/csvTable';
import { generateHandsets, type GenerateInput } from '../../server/src/deploy/generateHandsets';
import type { GenerateResult } from '../../shared/deploy/generated';
import { readTemplate } from '../../server/src/deploy/readTemplate';
import { writeHandsetFiles } from '../../shared/deploy/writeHandsetFiles';
import { getLanguageService } from '../../server/src/handset/languageService';
import { elementValue, parseDocument } from '../../server/src/xml/parser';
import { diagnose, doc, handset } from './helpers';

// The count scales with HSCONFIG_PROPERTY_RUNS (default 10,000 gives the full count); Stryker's config sets it low.
const PROPERTY_RUNS = Math.max(20, Math.round((200 * Number(process.env.HSCONFIG_PROPERTY_RUNS ?? 10_000)) / 10_000));

/** Runs the whole pure pipeline on CSV text. */
async function generate(csv: string, extra: Partial<GenerateInput> = {}): Promise<GenerateResult> {
  const table = readCsv(csv);
  const plan = planColumns(table.header);
  assert.deepEqual(plan.problems, []);
  return generateHandsets({ columns: plan.columns, rows: table.rows, ...extra });
}

const LINE = 'line1.profile_name,line1.user_id';

test('CSV: quoted cells keep commas, quotes and line breaks; the BOM goes', () => {
  const t = readCsv('\uFEFFipei,hs_name,line1.display_name\n02c332b510,"Desk, 1","He said ""hi""\nthen left"\n');
  assert.equal(t.delimiter, ',');
  assert.deepEqual(t.header, ['ipei', 'hs_name', 'line1.display_name']);
  assert.deepEqual(t.rows, [{ row: 2, cells: ['02c332b510', 'Desk, 1', 'He said "hi"\nthen left'] }]);
});

test('CSV: semicolons are detected from the header line, even with commas in the cells', () => {
  const t = readCsv('ipei;hs_name;line1.display_name\r\n02c332b510;Desk;"Smith, John"\r\n');
  assert.equal(t.delimiter, ';');
  assert.deepEqual(t.rows[0].cells, ['02c332b510', 'Desk', 'Smith, John']);
  assert.equal(readCsv('"a;b",c\n').delimiter, ',', 'a semicolon inside quotes does not count');
});

test('CSV: rows are numbered as a spreadsheet shows them, multi-line cells included', () => {
  const t = readCsv('ipei,hs_name\n02c332b510,"A\nB"\n\n02c332b511,C\n');
  assert.deepEqual(t.rows.map((r) => r.row), [2, 3, 4]);
});

test('CSV: an unclosed quote or a missing header cannot be read', () => {
  assert.throws(() => readCsv('ipei,hs_name\n02c332b510,"open\n'), (e: Error) => e instanceof CsvError && /Quote Not Closed/.test(e.message));
  assert.throws(() => readCsv(''), CsvError);
  assert.throws(() => readCsv('\uFEFF,,\n'), /no header/);
});

test('CSV: the separator is read from the header line alone, outside quotes, and a tie is a comma', () => {
  assert.equal(readCsv('"a;b;c",d\n').delimiter, ',', 'semicolons inside quotes do not count');
  assert.deepEqual(readCsv('"x\ny;z;w",v\n').header, ['x\ny;z;w', 'v'], 'nor does a line break inside quotes end the header');
  for (const eol of ['\n', '\r\n', '\r']) {
    const t = readCsv(`ipei,hs_name${eol}02c332b510;a;b;c${eol}`);
    assert.equal(t.delimiter, ',', `the rows after the header do not count (${JSON.stringify(eol)})`);
    assert.deepEqual(t.rows, [{ row: 2, cells: ['02c332b510;a;b;c'] }]);
  }
  assert.deepEqual(readCsv('a,b,c;d\n').header, ['a', 'b', 'c;d'], 'more commas than semicolons');
  assert.deepEqual(readCsv('a;b,c\n').header, ['a;b', 'c'], 'as many of each');
});

test('CSV: a byte-order mark is dropped only at the start; an unnamed column among named ones is fine', () => {
  assert.deepEqual(readCsv('ipei,hs_name\n02c332b510,A\uFEFFB\n').rows[0].cells, ['02c332b510', 'A\uFEFFB']);
  const trailing = readCsv('ipei,hs_name,\n02c332b510,A,\n');
  assert.deepEqual(trailing.header, ['ipei', 'hs_name', '']);
  assert.deepEqual(trailing.rows, [{ row: 2, cells: ['02c332b510', 'A', ''] }]);
  assert.throws(() => readCsv(' , \t\n02c332b510,A\n'), /no header/, 'names of spaces only name nothing');
});

test('generate: a row of spaces only is blank too', async () => {
  const r = await generate(`ipei,${LINE}\n02c332b510,profile1,1\n  , ,\t\n`);
  assert.deepEqual(r.files.map((f) => f.row), [2]);
  assert.deepEqual(r.skipped, []);
});

test('columns: every catalogue setting by name, line fields as lineN.field, case and spaces ignored', () => {
  const plan = planColumns(['IPEI', ' hs_name ', 'force_apply', 'custom_ringtone', 'key_up_idle_function', 'line1.user_id', 'Line10.Ring_Type', '']);
  assert.deepEqual(plan.problems, []);
  assert.deepEqual(plan.columns, [
    { kind: 'value', element: 'ipei' },
    { kind: 'value', element: 'hs_name' },
    { kind: 'value', element: 'force_apply' },
    { kind: 'value', element: 'custom_ringtone' },
    { kind: 'value', element: 'key_up_idle_function' },
    { kind: 'line', line: 0, element: 'user_id' },
    { kind: 'line', line: 9, element: 'ring_type' },
    { kind: 'unnamed' },
  ]);
});

test('columns: unknown names get a "did you mean", line fields need their line, line11 does not exist', () => {
  const { problems } = planColumns(['ipei', 'hs_nmae', 'line2.usr_id', 'user_id', 'line11.user_id', 'line0.user_id', 'admin', 'colour', 'ipei']);
  assert.deepEqual(problems, [
    'Unknown column "hs_nmae": did you mean "hs_name"?',
    'Unknown column "line2.usr_id": did you mean "line2.user_id"?',
    'Unknown column "user_id": it is a field of a line, so name the line, as in "line1.user_id".',
    'Unknown column "line11.user_id": a handset has at most 10 lines, numbered line1 to line10.',
    'Unknown column "line0.user_id": a handset has at most 10 lines, numbered line1 to line10.',
    'Unknown column "admin": <admin> groups other settings; give each setting its own column.',
    'Unknown column "colour": no handset setting has this name.',
    'Column 9 repeats the column "ipei" (column 1).',
  ]);
  assert.deepEqual(planColumns(['hs_name']).problems, ['The CSV has no "ipei" column: each row needs the IPEI of its handset.']);
});

test('columns: a misspelt line column is matched in full; with no close field, the message lists what a line takes', () => {
  const { problems } = planColumns(['ipei', 'line1user_id', 'xline1.user_id', 'line3.user_id\nx', 'line2.colour']);
  assert.deepEqual(problems, [
    'Unknown column "line1user_id": did you mean "line1.user_id"?',
    'Unknown column "xline1.user_id": did you mean "line1.user_id"?',
    'Unknown column "line3.user_id\nx": did you mean "line1.user_id"?',
    'Unknown column "line2.colour": a line takes profile_name, user_id, display_name, auth_id, password, ring_type.',
  ]);
});

test('XML: the declaration, catalogue order, two-space indentation, escaping, empty containers left out', () => {
  const xml = buildHandsetXml({
    values: { auto_answer: '1', ipei: '02c332b510', force_apply: '1', hs_name: 'A & <B>' },
    lines: [{ user_id: '5328', profile_name: 'profile1' }],
  });
  assert.equal(
    xml,
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<hs_config>',
      '  <ipei>02c332b510</ipei>',
      '  <hs_name>A &amp; &lt;B&gt;</hs_name>',
      '  <sip>',
      '    <line>',
      '      <profile_name>profile1</profile_name>',
      '      <user_id>5328</user_id>',
      '    </line>',
      '  </sip>',
      '  <hs_settings>',
      '    <force_apply>1</force_apply>',
      '    <user>',
      '      <auto_answer>1</auto_answer>',
      '    </user>',
      '  </hs_settings>',
      '</hs_config>',
      '',
    ].join('\n'),
  );
  assert.deepEqual(diagnose(xml, 'file:///srv/ipei_02c332b510.xml'), []);
});

test('generate: hex and decimal IPEIs, names with prefix and postfix, each file valid under its name', async () => {
  const r = await generate(`ipei,hs_name,${LINE}\n02C332B510,Desk,profile1,5328\n11315 0177425 3,,profile2,5329\n`, {
    fileName: { prefix: 'ipei_', postfix: '.enc' },
  });
  assert.deepEqual(r.skipped, []);
  assert.deepEqual(r.files.map((f) => [f.row, f.ipei, f.name]), [
    [2, '02c332b510', 'ipei_02c332b510.xml.enc'],
    [3, '02c332b511', 'ipei_02c332b511.xml.enc'],
  ]);
  assert.match(r.files[0].xml, /<ipei>02c332b510<\/ipei>/);
  for (const f of r.files) assert.deepEqual(diagnose(f.xml, `file:///srv/${f.name}`), []);
});

test('generate: a decimal IPEI is converted; a wrong check digit, an empty or a bad IPEI skips the row', async () => {
  const r = await generate(`ipei,${LINE}\n11315 0177424 2,profile1,1\n1131501774243,profile1,2\n,profile1,3\nnot-an-ipei,profile1,4\n`);
  assert.deepEqual(r.files.map((f) => f.ipei), ['02c332b510']);
  assert.deepEqual(r.skipped, [
    { row: 3, reasons: ['The check digit of IPEI 11315 0177424 3 is wrong: it should be 2. Check the IPEI for a typo.'] },
    { row: 4, reasons: ['Its ipei cell is empty.'] },
    { row: 5, reasons: ['"not-an-ipei" is not an IPEI: give 10 hex digits (02c332b510) or the 13-digit decimal form (11315 0177424 2).'] },
  ]);
});

test('generate: a second row with the same IPEI, in either form, is skipped', async () => {
  const r = await generate(`ipei,${LINE}\n02c332b510,profile1,1\n1131501774242,profile1,2\n02C332B510,profile1,3\n`);
  assert.deepEqual(r.files.map((f) => f.row), [2]);
  assert.deepEqual(r.skipped.map((s) => [s.row, s.reasons[0]]), [
    [3, 'IPEI 02c332b510 is already on row 2; a handset gets one file.'],
    [4, 'IPEI 02c332b510 is already on row 2; a handset gets one file.'],
  ]);
});

test('generate: a duplicate IPEI is reported even when its first row failed validation', async () => {
  const r = await generate(`ipei,hs_name,${LINE}\n02c332b510,Far too long,profile1,1\n02c332b510,ok,profile1,2\n`);
  assert.deepEqual(r.files, []);
  assert.deepEqual(r.skipped.map((s) => [s.row, s.reasons[0]]), [
    [2, '<hs_name> takes at most 10 characters; this has 12.'],
    [3, 'IPEI 02c332b510 is already on row 2; a handset gets one file.'],
  ]);
});

test('generate: rows with the wrong cell count are skipped by number; blank rows are ignored', async () => {
  const r = await generate(`ipei;${LINE.replace(',', ';')}\n02c332b510;profile1;1\n02c332b511;profile1\n;;\n\n02c332b512;profile1;3;extra\n02c332b513;profile1;4\n`);
  assert.deepEqual(r.files.map((f) => f.row), [2, 7]);
  assert.deepEqual(r.skipped, [
    { row: 3, reasons: ['It has 2 cells but the header has 3 columns.'] },
    { row: 6, reasons: ['It has 4 cells but the header has 3 columns.'] },
  ]);
});

test('generate: a file that would not validate is skipped with the validator\'s messages', async () => {
  const r = await generate(`ipei,hs_name,${LINE},auto_answer\n02c332b510,Far too long,nosuch,1,2\n02c332b511,ok,profile1,,\n`, { profiles: ['profile1'] });
  assert.deepEqual(r.files, []);
  assert.deepEqual(r.skipped.map((s) => s.row), [2, 3]);
  assert.match(r.skipped[0].reasons.join('\n'), /<hs_name> takes at most 10 characters/);
  assert.match(r.skipped[0].reasons.join('\n'), /No base-station profile is named 'nosuch'/);
  assert.match(r.skipped[0].reasons.join('\n'), /<auto_answer> takes/);
  assert.match(r.skipped[1].reasons.join('\n'), /<line> needs a <user_id>/);
});

test('generate: settings go where the catalogue puts them; empty cells set nothing', async () => {
  const r = await generate(`ipei,${LINE},force_apply,disable_transfer,mute_as_dnd,hs_name\n02c332b510,profile1,1,1,1,1,\n`);
  const xml = r.files[0].xml;
  assert.match(xml, /<hs_settings>\n {4}<force_apply>1<\/force_apply>\n {4}<admin>\n {6}<disable_transfer>1<\/disable_transfer>\n {4}<\/admin>\n {4}<user>\n {6}<mute_as_dnd>1<\/mute_as_dnd>/);
  assert.doesNotMatch(xml, /hs_name/);
});

test('generate: ten lines are fine, in order; an empty line in between closes ranks', async () => {
  const header = ['ipei', ...Array.from({ length: 10 }, (_, i) => `line${i + 1}.profile_name,line${i + 1}.user_id`)].join(',');
  const cells = ['02c332b510', ...Array.from({ length: 10 }, (_, i) => (i === 4 ? ',' : `profile1,${100 + i}`))].join(',');
  const r = await generate(`${header}\n${cells}\n`);
  assert.deepEqual(r.skipped, []);
  const ids = [...r.files[0].xml.matchAll(/<user_id>(\d+)<\/user_id>/g)].map((m) => m[1]);
  assert.deepEqual(ids, ['100', '101', '102', '103', '105', '106', '107', '108', '109']);
});

test('generate: two handsets on one account with ring_type DID is a warning, not a skip', async () => {
  const r = await generate(`ipei,${LINE},line1.ring_type\n02c332b510,profile1,5328,DID\n02c332b511,profile1,5328,\n02c332b512,profile2,5328,DID\n02c332b513,profile1,7000,Parallel\n02c332b514,profile1,7000,Parallel\n`);
  assert.equal(r.files.length, 5);
  assert.deepEqual(r.warnings, [
    {
      rows: [2, 3],
      message: "User ID '5328' on 'profile1' is on 2 handsets, and row 2 sets its ring_type to DID, which makes the account ring one handset only: the handset provisioned last takes it over.",
    },
  ]);
});

test('generate: validator warnings come back grouped by message', async () => {
  const r = await generate('ipei,auto_answer\n02c332b510,1\n02c332b511,1\n');
  assert.equal(r.files.length, 2);
  assert.deepEqual(r.warnings.map((w) => w.rows), [[2, 3]]);
  assert.match(r.warnings[0].message, /user settings will not be applied/);
});

const TEMPLATE = handset({
  ipei: 'TEMPLATE',
  name: '  <hs_name>Spare</hs_name>\n',
  sip: '  <sip>\n    <line>\n      <profile_name>profile2</profile_name>\n      <user_id>9000</user_id>\n    </line>\n  </sip>\n',
  settings: '  <hs_settings>\n    <force_apply>1</force_apply>\n    <admin>\n      <disable_conference>1</disable_conference>\n    </admin>\n  </hs_settings>\n',
});

test('template: its <ipei> is ignored; row values override it; row lines replace its lines', async () => {
  const template = readTemplate(doc(TEMPLATE, 'file:///t/template.xml'), getLanguageService());
  assert.deepEqual(template.errors, []);
  assert.deepEqual(template.config, {
    values: { hs_name: 'Spare', force_apply: '1', disable_conference: '1' },
    lines: [{ profile_name: 'profile2', user_id: '9000' }],
  });
  const r = await generate(`ipei,hs_name,${LINE},disable_conference\n02c332b510,,,,\n02c332b511,Desk,profile1,5328,0\n`, { template: template.config });
  assert.deepEqual(r.skipped, []);
  const [keep, override] = r.files.map((f) => f.xml);
  assert.match(keep, /<hs_name>Spare<\/hs_name>[\s\S]*<user_id>9000<\/user_id>[\s\S]*<disable_conference>1</);
  assert.match(override, /<hs_name>Desk<\/hs_name>[\s\S]*<user_id>5328<\/user_id>[\s\S]*<disable_conference>0</);
  assert.doesNotMatch(override, /9000/);
  assert.match(override, /<force_apply>1<\/force_apply>/);
});

test('template: real errors are reported, problems with its own <ipei> are not', () => {
  const service = getLanguageService();
  assert.deepEqual(readTemplate(doc(handset().replace(/ *<ipei>.*\n/, '')), service).errors, []);
  assert.deepEqual(readTemplate(doc(handset({ ipei: '' })), service).errors, []);
  assert.deepEqual(readTemplate(doc(handset({ ipei: '1131501774242' })), service).errors, []);
  const bad = readTemplate(doc(handset({ name: '  <hs_name>Much too long</hs_name>\n  <colour>red</colour>\n' })), service);
  assert.deepEqual(bad.errors.map((d) => d.code), ['value-too-long']);
  assert.deepEqual(bad.warnings.map((d) => d.code), ['unknown-element']);
});

test('template: a syntax error inside its <ipei> still makes it unusable', () => {
  const service = getLanguageService();
  for (const ipei of ['<ipei>02c332b510</ipei x>', '<ipei><</ipei>', '<ipei>02c332b510</ipe>']) {
    const template = readTemplate(doc(handset().replace('<ipei>02c332b510</ipei>', ipei)), service);
    assert.deepEqual(template.errors.map((d) => d.code), ['xml-not-well-formed'], ipei);
    assert.deepEqual(template.config, { values: {}, lines: [] }, ipei);
  }
});

test('template: only its own top-level <ipei> is ignored; misplaced settings are left out of what it gives', () => {
  const service = getLanguageService();
  const line = (inner: string) => `  <sip>\n    <line>\n${inner}    </line>\n  </sip>\n`;
  // An <ipei> inside a line is misplaced (a warning); its value is no problem of the generated files.
  const inLine = readTemplate(doc(handset({ sip: line('      <profile_name>profile1</profile_name>\n      <user_id>1</user_id>\n      <ipei>zz</ipei>\n') })), service);
  assert.deepEqual(inLine.errors, []);
  assert.deepEqual(inLine.warnings.map((d) => d.code), ['misplaced-element']);
  // A setting outside the element the catalogue puts it in is warned about, and not carried into the files.
  const misplaced = readTemplate(doc(handset({ settings: '  <force_apply>1</force_apply>\n' })), service);
  assert.deepEqual(misplaced.warnings.map((d) => d.code), ['misplaced-element']);
  assert.deepEqual(misplaced.config.values, { hs_name: 'Front desk' });
  // Without an <ipei>, the other problems are still reported.
  const noIpei = readTemplate(doc(handset({ name: '  <colour>red</colour>\n' }).replace(/ *<ipei>.*\n/, '')), service);
  assert.deepEqual([noIpei.errors, noIpei.warnings.map((d) => d.code)], [[], ['unknown-element']]);
  // A missing element other than <ipei> is a real error.
  const noUser = readTemplate(doc(handset({ sip: line('      <profile_name>profile1</profile_name>\n') })), service);
  assert.deepEqual(noUser.errors.map((d) => [d.code, d.message]), [['missing-element', '<line> needs a <user_id>: SIP user ID of this line.']]);
  // A problem before the <ipei> is not taken for one of the <ipei>'s.
  const first = readTemplate(doc(handset({ name: '' }).replace('  <ipei>', '  <hs_name>Much too long</hs_name>\n  <ipei>')), service);
  assert.deepEqual(first.errors.map((d) => d.code), ['value-too-long']);
});

test('a run pauses every 200 rows, and a cancel request from the event loop is taken there', async () => {
  const csv = `ipei,${LINE}\n` + Array.from({ length: 401 }, (_, i) => `02c3${i.toString(16).padStart(6, '0')},profile1,${i}`).join('\n');
  const table = readCsv(csv);
  const columns = planColumns(table.header).columns;
  let cancel = false;
  setImmediate(() => (cancel = true));
  const cut = await generateHandsets({ columns, rows: table.rows }, { isCancelled: () => cancel });
  assert.deepEqual([cut.cancelled, cut.files.length], [true, 200]);
  const dir = mkdtempSync(path.join(tmpdir(), 'hsconfig-deploy-pause-'));
  try {
    cancel = false;
    setImmediate(() => (cancel = true));
    const written = await writeHandsetFiles(cut.files.concat(cut.files.map((f) => ({ ...f, name: `b${f.name}` })), cut.files.slice(0, 1).map((f) => ({ ...f, name: `c${f.name}` }))), { outDir: dir }, { isCancelled: () => cancel });
    assert.deepEqual([written.cancelled, written.written.length, readdirSync(dir).length], [true, 200, 200]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('progress is reported per row and a cancel request stops the run', async () => {
  const csv = `ipei,${LINE}\n` + Array.from({ length: 500 }, (_, i) => `02c3${i.toString(16).padStart(6, '0')},profile1,${i}`).join('\n');
  const table = readCsv(csv);
  const columns = planColumns(table.header).columns;
  const seen: [number, number][] = [];
  const all = await generateHandsets({ columns, rows: table.rows }, { onProgress: (done, total) => seen.push([done, total]) });
  assert.equal(all.files.length, 500);
  assert.equal(all.cancelled, false);
  assert.deepEqual(seen[0], [1, 500]);
  assert.deepEqual(seen.at(-1), [500, 500]);
  let done = 0;
  const cut = await generateHandsets({ columns, rows: table.rows }, { onProgress: (d) => (done = d), isCancelled: () => done >= 120 });
  assert.equal(cut.cancelled, true);
  assert.equal(cut.files.length, 120);
});

test('writing: progress, no overwriting without force, and a cancel request stops it', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hsconfig-deploy-write-'));
  try {
    const { files } = await generate(`ipei,${LINE}\n` + [0, 1, 2, 3].map((i) => `02c332b51${i},profile1,${i}`).join('\n'));
    const seen: number[] = [];
    const first = await writeHandsetFiles(files.slice(0, 2), { outDir: path.join(dir, 'out') }, { onProgress: (d) => seen.push(d) });
    assert.deepEqual(first.written.map((w) => path.basename(w.file)), ['02c332b510.xml', '02c332b511.xml']);
    assert.deepEqual(seen, [1, 2]);
    let done = 0;
    const again = await writeHandsetFiles(files, { outDir: path.join(dir, 'out') }, { onProgress: (d) => (done = d), isCancelled: () => done >= 3 });
    assert.deepEqual(again.failed.map((f) => f.row), [2, 3]);
    assert.match(again.failed[0].reasons[0], /already exists; use --force/);
    assert.deepEqual(again.written.map((w) => w.row), [4]);
    assert.equal(again.cancelled, true);
    assert.deepEqual(readdirSync(path.join(dir, 'out')).sort(), ['02c332b510.xml', '02c332b511.xml', '02c332b512.xml']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Cells a spreadsheet might hold: XML specials, quotes, separators, line breaks, non-ASCII. */
const cell = fc.string({ unit: fc.constantFrom('a', 'Z', '9', ' ', '&', '<', '>', '"', "'", ',', ';', '\n', 'é', '€'), maxLength: 12 });

test('property: whatever the cells hold, every generated file validates and reads back to the row', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: 0, max: 0xfffff }), cell, cell, cell), { minLength: 1, maxLength: 8 }), async (rows) => {
      const csvCell = (v: string) => `"${v.replace(/"/g, '""')}"`;
      const csv = 'ipei,line1.profile_name,line1.user_id,line1.display_name,line1.password\n' +
        rows.map(([psn, user, name, pw]) => [`02c33${psn.toString(16).padStart(5, '0')}`, 'profile1', `u${user}`, name, pw].map(csvCell).join(',')).join('\n');
      const r = await generate(csv);
      for (const f of r.files) {
        const errors = diagnose(f.xml, `file:///out/${f.name}`).filter((d) => d.severity === 1);
        assert.deepEqual(errors, [], f.xml);
        const back = readTemplate(doc(f.xml), getLanguageService()).config.lines[0];
        const [, user, name, pw] = rows.find(([psn]) => f.ipei.endsWith(psn.toString(16).padStart(5, '0'))) as [number, string, string, string];
        const expected: Record<string, string> = { profile_name: 'profile1', user_id: `u${user}`.trim() };
        if (name.trim()) expected.display_name = name.trim();
        if (pw.trim()) expected.password = pw.trim();
        assert.deepEqual(back, expected);
        const root = parseDocument(f.xml).root;
        const ipei = root?.children.find((c) => c.name === 'ipei');
        assert.equal(ipei && elementValue(f.xml, ipei).value, f.ipei);
      }
      // Outside the loop above, so that a run skipping every row cannot pass: each row gives a file, but a repeated IPEI.
      const hex = (psn: number) => `02c33${psn.toString(16).padStart(5, '0')}`;
      const first = (psn: number, i: number) => rows.findIndex(([other]) => other === psn) === i;
      assert.deepEqual(r.files.map((f) => [f.row, f.ipei]), rows.flatMap(([psn], i) => (first(psn, i) ? [[i + 2, hex(psn)]] : [])), JSON.stringify(r.skipped));
      assert.deepEqual(r.skipped.map((s) => s.row), rows.flatMap(([psn], i) => (first(psn, i) ? [] : [i + 2])));
    }),
    { numRuns: PROPERTY_RUNS },
  );
});
