// Generate from CSV's words (issue 27, a new admin's hour): the question before replacing names the files, and the
// summary gives the first reasons rows were skipped, not only their count.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { replaceQuestion, skippedWords } from '../../client/src/deploy/generateWords';

test('the replace question names the file, or the first three and how many more', () => {
  assert.equal(replaceQuestion(['ipei_02c332b510.xml']), 'ipei_02c332b510.xml exists already. Replace it?');
  assert.equal(replaceQuestion(['a.xml', 'b.xml']), '2 files exist already (a.xml, b.xml). Replace them?');
  assert.equal(replaceQuestion(['a.xml', 'b.xml', 'c.xml', 'd.xml', 'e.xml']), '5 files exist already (a.xml, b.xml, c.xml and 2 more). Replace them?');
});

test('skipped rows are counted with their first reasons; the rest are in the log', () => {
  assert.equal(skippedWords([]), '');
  assert.equal(skippedWords([{ row: 3, reasons: ['IPEI 02c332b5zz is not 10 hex digits.', 'and more'] }]), '; 1 row skipped (row 3: IPEI 02c332b5zz is not 10 hex digits)');
  const rows = [4, 7, 9].map((row) => ({ row, reasons: [`reason ${row}.`] }));
  assert.equal(skippedWords(rows), '; 3 rows skipped (row 4: reason 4; row 7: reason 7; 1 more in the log)');
});
