import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { passwordProblem } from '../../shared/domain/configPassword';
import { encryptedFileName } from '../../shared/domain/encryptedFileName';
import { ipeiForFileName } from '../../server/src/domain/handsetFileIpei';
import { decrypt, DecryptError, encrypt, isXmlText, notEncryptedReason, type DecryptFailure } from '../../shared/domain/opensslEnc';
import { basePassword, xmlText } from './cryptoHelpers';
import { handset } from './helpers';

const SALT = Buffer.from('0102030405060708', 'hex');

function failure(fn: () => unknown): DecryptFailure {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof DecryptError, `expected a DecryptError, got ${String(err)}`);
    return err.reason;
  }
  assert.fail('expected the call to throw');
}

test('encrypted output is Salted__, the salt, then whole AES blocks', () => {
  const plain = Buffer.from(handset());
  const out = encrypt(plain, 'secret', { salt: SALT });
  assert.equal(out.subarray(0, 8).toString('latin1'), 'Salted__');
  assert.deepEqual(out.subarray(8, 16), SALT);
  assert.equal(out.length - 16, (Math.floor(plain.length / 16) + 1) * 16, 'PKCS#7 always adds 1–16 bytes');
});

test('a random salt makes every encryption different; a fixed one makes it repeatable', () => {
  const plain = Buffer.from(handset());
  assert.notDeepEqual(encrypt(plain, 'secret'), encrypt(plain, 'secret'));
  assert.deepEqual(encrypt(plain, 'secret', { salt: SALT }), encrypt(plain, 'secret', { salt: SALT }));
  assert.notDeepEqual(encrypt(plain, 'secret', { salt: SALT }), encrypt(plain, 'secret', { salt: SALT, digest: 'sha256' }));
});

test('a salt that is not 8 bytes is refused', () => {
  assert.throws(() => encrypt(Buffer.from('<a/>'), 'pw', { salt: Buffer.alloc(7) }), RangeError);
});

test('round trip: any XML text and any valid password come back unchanged, found as MD5 by default', () => {
  fc.assert(
    fc.property(xmlText, basePassword, fc.constantFrom<'md5' | 'sha256'>('md5', 'sha256'), (plain, password, digest) => {
      const result = decrypt(encrypt(plain, password, digest === 'md5' ? {} : { digest }), password);
      assert.deepEqual(result.plaintext, plain);
      assert.equal(result.derivation, digest);
      assert.equal(result.salted, true);
    }),
    { numRuns: 300 },
  );
});

test('a wrong password is reported as such, never as a result and never as an untyped error', () => {
  fc.assert(
    fc.property(xmlText, basePassword, basePassword, (plain, password, other) => {
      fc.pre(password !== other);
      assert.equal(failure(() => decrypt(encrypt(plain, password), other)), 'wrong-password');
    }),
    { numRuns: 100 },
  );
});

test('a file cut short is reported as truncated, whatever the cut', () => {
  const data = encrypt(Buffer.from(handset()), 'secret');
  for (let length = 0; length < data.length; length++) {
    const reason = failure(() => decrypt(data.subarray(0, length), 'secret'));
    const wholeBlocks = length >= 32 && (length - 16) % 16 === 0;
    // Cut at a block boundary the length looks fine; the missing last block then fails the padding check.
    assert.equal(reason, wholeBlocks ? 'wrong-password' : 'truncated', `cut to ${length} bytes`);
  }
});

test('what a truncated or wrong file is told, in words', () => {
  const message = (data: Buffer) => {
    try {
      decrypt(data, 'secret');
    } catch (err) {
      return err instanceof DecryptError ? err.message : String(err);
    }
    return 'decrypted';
  };
  const data = encrypt(Buffer.from(handset()), 'secret');
  assert.equal(message(Buffer.alloc(0)), 'The file is empty.');
  assert.equal(message(data.subarray(0, 4)), 'The file is truncated: 4 bytes is too short for an encrypted file.', 'cut inside Salted__');
  assert.equal(message(data.subarray(0, 31)), 'The file is truncated: 31 bytes is too short for an encrypted file.');
  assert.equal(message(data.subarray(0, 37)), 'The file is truncated or not encrypted: it holds 21 bytes after the 16-byte Salted__ header, not a whole number of 16-byte blocks.');
  assert.equal(message(Buffer.alloc(17, 1)), 'The file is truncated or not encrypted: it holds 17 bytes and has no Salted__ header, not a whole number of 16-byte blocks.');
  assert.equal(message(Buffer.alloc(15, 1)), 'The file is truncated or not encrypted: it holds 15 bytes and has no Salted__ header, not a whole number of 16-byte blocks.');
  assert.equal(message(encrypt(Buffer.from(handset()), 'other')), 'The file could not be decrypted: the password is wrong, or the file was not made with openssl enc -aes-256-cbc.');
  assert.equal(message(Buffer.from(handset())), 'The file is not encrypted: it is already plain XML.');
  assert.throws(() => decrypt(Buffer.alloc(0), 'secret'), { name: 'DecryptError', reason: 'truncated' });
  assert.throws(() => encrypt(Buffer.from('<a/>'), 'pw', { salt: Buffer.alloc(9) }), { name: 'RangeError', message: 'The salt must be 8 bytes, not 9.' });
});


test('a plain XML file is reported as not encrypted', () => {
  assert.equal(failure(() => decrypt(Buffer.from(handset()), 'secret')), 'not-encrypted');
  assert.equal(failure(() => decrypt(Buffer.from('\uFEFF\n<hs_config/>'), 'secret')), 'not-encrypted');
});

test('without a password: why bytes cannot be an encrypted file, or nothing when they may be one', () => {
  assert.equal(notEncryptedReason(encrypt(Buffer.from(handset()), 'secret')), undefined);
  assert.equal(notEncryptedReason(Buffer.alloc(32, 7)), undefined, 'two whole blocks without a header may be -nosalt');
  assert.equal(notEncryptedReason(Buffer.from(handset())), 'The file is not encrypted: it is already plain XML.');
  assert.equal(notEncryptedReason(Buffer.alloc(0)), 'The file is empty.');
  assert.equal(notEncryptedReason(Buffer.alloc(15, 1)), 'The file is truncated or not encrypted: it holds 15 bytes and has no Salted__ header, not a whole number of 16-byte blocks.');
});

test('random bytes never decrypt and never throw anything but a DecryptError', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 80 }), basePassword, (bytes, password) => {
      failure(() => decrypt(Buffer.from(bytes), password));
    }),
    { numRuns: 200 },
  );
});

test('XML text: UTF-8, then optional BOM and white space, then <', () => {
  assert.ok(isXmlText(Buffer.from('<a/>')));
  assert.ok(isXmlText(Buffer.from('\uFEFF \r\n\t<a/>')));
  assert.ok(!isXmlText(Buffer.from('a<b/>')));
  assert.ok(!isXmlText(Buffer.from('')));
  assert.ok(!isXmlText(Buffer.from([0x3c, 0xff, 0x3e])), 'invalid UTF-8');
  assert.ok(!isXmlText(Buffer.from([0x3c, 0xc3])), 'UTF-8 cut inside a character');
});

test('the base station password rule (P1359): 1–40 printable ASCII characters, no spaces', () => {
  assert.equal(passwordProblem('s3cret!~'), undefined);
  assert.equal(passwordProblem('x'.repeat(40)), undefined);
  assert.match(passwordProblem('') ?? '', /empty/);
  assert.match(passwordProblem('x'.repeat(41)) ?? '', /41 characters.*at most 40/);
  assert.match(passwordProblem('two words') ?? '', /space/);
  assert.match(passwordProblem('tab\there') ?? '', /printable ASCII/);
  assert.match(passwordProblem('pässword') ?? '', /printable ASCII/);
  fc.assert(fc.property(basePassword, (p) => passwordProblem(p) === undefined));
});

test('the password problem message never quotes the password', () => {
  for (const p of ['two words', 'pässword', 'ctl\u0001x', 'y'.repeat(41)]) {
    const message = passwordProblem(p) ?? '';
    assert.ok(!message.includes(p) && !message.includes('ä') && !message.includes('\u0001'), message);
  }
});

test('the IPEI for the encrypted file name comes from <ipei>, only when it is 10 hex digits', () => {
  assert.deepEqual(ipeiForFileName(handset({ ipei: ' 02C332B510 ' })), { ipei: '02C332B510' });
  assert.equal(encryptedFileName('02C332B510', { prefix: 'ipei_', postfix: '.enc' }), 'ipei_02c332b510.xml.enc');
  for (const ipei of ['1131501774242', '../../etc/x', '02c332b51', '']) {
    assert.ok('problem' in ipeiForFileName(handset({ ipei })), ipei);
  }
  assert.ok('problem' in ipeiForFileName('<gs_provision/>'));
  assert.ok('problem' in ipeiForFileName(handset().replace(/ *<ipei>.*\n/, '')));
  assert.throws(() => encryptedFileName('../x'), RangeError);
  assert.throws(() => encryptedFileName('02c332b510', { prefix: 'handset/' }), RangeError);
});
