// The encrypted file's name: what a prefix or postfix may hold, and what the user is told when it may not.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { affixProblem, encryptedFileName } from '../../shared/domain/encryptedFileName';
import { ipeiForFileName } from '../../server/src/domain/handsetFileIpei';
import { handset } from './helpers';

test('a prefix or postfix with a slash is refused with a pointer to the output folder', () => {
  for (const value of ['handset/', 'a\\b']) {
    assert.equal(affixProblem('prefix', value), `The prefix "${value}" contains a slash; put the folder in the output folder instead.`);
  }
  assert.equal(affixProblem('postfix', '/x'), 'The postfix "/x" contains a slash; put the folder in the output folder instead.');
});

test('each character a file name cannot hold is refused, control characters included; others pass', () => {
  for (const c of ['<', '>', ':', '"', '|', '?', '*', '\0', '\t', '\n', '\x1f']) {
    assert.equal(affixProblem('postfix', `x${c}`), `The postfix "x${c}" contains a character file names cannot hold.`, JSON.stringify(c));
  }
  for (const ok of ['', 'ipei_', '.enc', 'x y', 'é-€', '\x20', '~']) assert.equal(affixProblem('prefix', ok), undefined, JSON.stringify(ok));
});

test('the file name takes both affixes around the lower-case IPEI, and refuses a bad one of either', () => {
  assert.equal(encryptedFileName('02C332B510'), '02c332b510.xml');
  assert.equal(encryptedFileName('02c332b510', { postfix: '.enc' }), '02c332b510.xml.enc');
  assert.throws(() => encryptedFileName('02c332b510', { postfix: 'a|b' }), { name: 'RangeError', message: 'The postfix "a|b" contains a character file names cannot hold.' });
  assert.throws(() => encryptedFileName('02c332b51', {}), { name: 'RangeError', message: 'Not a 10-hex-digit IPEI: 02c332b51' });
});

test('why a file cannot be named after its IPEI, in words', () => {
  assert.deepEqual(ipeiForFileName('<gs_provision/>'), { problem: 'not a handset file (its root element is not <hs_config>)' });
  assert.deepEqual(ipeiForFileName('not xml'), { problem: 'not a handset file (its root element is not <hs_config>)' });
  assert.deepEqual(ipeiForFileName(handset().replace(/ *<ipei>.*\n/, '')), { problem: 'has no <ipei>, so the encrypted file cannot be named' });
  assert.deepEqual(ipeiForFileName(handset({ ipei: '1131501774242' })), { problem: '<ipei> must be 10 hex digits to name the encrypted file, found "1131501774242"' });
  // Only the root's own <ipei> counts, not one further down.
  assert.deepEqual(ipeiForFileName('<hs_config><sip><ipei>02c332b510</ipei></sip></hs_config>'), { problem: 'has no <ipei>, so the encrypted file cannot be named' });
});
