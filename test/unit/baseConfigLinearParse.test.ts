// The config parser on lines made to make a backtracking regular expression slow (issue 27, severe 4): each reads
// right and at once. The inputs are sized so that the old patterns (cubic for a comment of spaces, quadratic for a
// value with a run of spaces inside it) took minutes; the deadline is a hang guard, not a speed target.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BaseConfigDocument } from '../../server/src/baseConfig/parser';
import { parseBaseConfig } from '../../server/src/baseConfig/parser';
import { returnsWithin } from './deadline';

const parseWithin = (text: string): Promise<BaseConfigDocument> => returnsWithin(10_000, 'server/src/baseConfig/parser', 'parseBaseConfig', text);

const LONG = 64_000;

test('a v2 comment of spaces that never closes on its line makes no heading and does not hang', async () => {
  const text = `<gs_provision version="1"><config version="2">\n<!--${' '.repeat(LONG)}\n-->\n\n<item name="profile.1.name">a</item>\n</config></gs_provision>`;
  const doc = await parseWithin(text);
  assert.deepEqual(doc.headings, []);
  assert.deepEqual(doc.settings.map((s) => [s.key, s.value]), [['profile.1.name', 'a']]);
});

test('a lone v2 comment padded with spaces on both sides is a heading titled by its words', async () => {
  const pad = ' '.repeat(LONG);
  const text = `<gs_provision version="1"><config version="2">\n  <!--${pad}Profile 1/General Settings${pad}-->\t \n \t\n<item name="profile.1.name">a</item>\n</config></gs_provision>`;
  const [heading] = (await parseWithin(text)).headings;
  assert.equal(heading.title, 'Profile 1/General Settings');
  assert.equal(text.slice(heading.span.start, heading.span.end), `<!--${pad}Profile 1/General Settings${pad}-->`);
});

test('a text value with a long run of spaces inside it is read whole, at once', async () => {
  const value = `x${' '.repeat(4 * LONG)}y`;
  const [setting] = (await parseWithin(`P27762=${value}\n`)).settings;
  assert.equal(setting.value, value);
});

test('a long dotted key without = is one malformed line, read at once', async () => {
  const line = `a${'.a'.repeat(LONG / 2)}${'.'.repeat(LONG / 2)} x`;
  const doc = await parseWithin(`${line}\n`);
  assert.deepEqual(doc.settings, []);
  assert.equal(doc.malformed.length, 1);
});

test('a text heading padded with spaces is read at once; a line of only # is no heading', async () => {
  const pad = ' '.repeat(LONG);
  const doc = await parseWithin(`##${pad}Network${pad}x${pad}##\n${'#'.repeat(LONG)}\n##${pad}##\n`);
  assert.deepEqual(doc.headings.map((h) => h.title), [`Network${pad}x`]);
});

test('the shapes the patterns accept are kept: P-numbers, v2 names, spaces around =, headings, a comment heading', () => {
  const text = ['##  Network Settings  ##', 'P27762 = Office', 'profile.1.name=Main', 'P1=', 'a.=1', 'Pabc=1', 'P27014 1', '## #x ##', '##a##'].join('\n');
  const doc = parseBaseConfig(text);
  assert.deepEqual(doc.settings.map((s) => [s.key, s.value, s.spacedEquals ?? false]), [
    ['P27762', 'Office', true],
    ['profile.1.name', 'Main', false],
    ['P1', '', false],
  ]);
  assert.deepEqual(doc.malformed.map((m) => [m.text, m.kind]), [
    ['a.=1', 'not-a-setting'],
    ['Pabc=1', 'not-a-setting'],
    ['P27014 1', 'not-a-setting'],
  ]);
  assert.deepEqual(doc.headings.map((h) => h.title), ['Network Settings', 'a']);
  const xml = '<gs_provision><config version="2">\n<!-- Account 1/General Settings --> \r\n\r\n<!-- a --> b -->\n\n<!-- Not a heading -->\n<item name="x.y">1</item>\n</config></gs_provision>';
  assert.deepEqual(parseBaseConfig(xml).headings.map((h) => h.title), ['Account 1/General Settings']);
});

test('the search of a text value for an inline comment or a second setting reads long runs of blanks, "#" and digits at once', async () => {
  type Slips = { comment?: number; second?: { at: number; key: string } };
  const slipsWithin = (value: string) => returnsWithin<Slips>(10_000, 'server/src/baseConfig/valueWriting', 'slipsIn', value);
  assert.deepEqual(await slipsWithin(`x${' \t'.repeat(LONG)}y`), {});
  assert.deepEqual(await slipsWithin(`x${' P1'.repeat(LONG)}`), {});
  assert.deepEqual(await slipsWithin(`x${'a#'.repeat(LONG)}`), {});
  assert.deepEqual(await slipsWithin(`1${' '.repeat(LONG)}P401=1 # on`), { comment: LONG + 7, second: { at: 1, key: 'P401' } });
});
