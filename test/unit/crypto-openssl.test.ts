// Interop with the real `openssl` binary: what it writes we read, what we write it reads, byte for byte.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { evpBytesToKey, pbkdf2KeyAndIv } from '../../shared/domain/keyDerivation';
import { decrypt, encrypt } from '../../shared/domain/opensslEnc';
import { basePassword, opensslEnc, OpensslFailed, opensslKeyAndIv, xmlText } from './cryptoHelpers';
import { handset } from './helpers';

const PLAIN = Buffer.from(handset());
const SALT_HEX = '0102030405060708';
const SALT = Buffer.from(SALT_HEX, 'hex');

test('our key derivations give the key and IV openssl prints with -P', () => {
  const hex = (b: Buffer) => b.toString('hex').toUpperCase();
  const pw = Buffer.from('secret');
  for (const [args, ours] of [
    [['-md', 'md5'], evpBytesToKey('md5', pw, SALT)],
    [['-md', 'sha256'], evpBytesToKey('sha256', pw, SALT)],
    [['-pbkdf2'], pbkdf2KeyAndIv(pw, SALT)],
  ] as const) {
    const theirs = opensslKeyAndIv([...args, '-S', SALT_HEX], 'secret');
    assert.deepEqual({ key: hex(ours.key), iv: hex(ours.iv) }, theirs, args.join(' '));
  }
});

test('with a fixed salt our bytes equal openssl enc -md md5 -S, byte for byte', () => {
  const ours = encrypt(PLAIN, 'secret', { salt: SALT });
  assert.deepEqual(withHeader(opensslEnc(['-e', '-md', 'md5', '-S', SALT_HEX], PLAIN, 'secret')), ours);
  const sha = encrypt(PLAIN, 'secret', { salt: SALT, digest: 'sha256' });
  assert.deepEqual(withHeader(opensslEnc(['-e', '-md', 'sha256', '-S', SALT_HEX], PLAIN, 'secret')), sha);
});

/** OpenSSL 3 leaves out the `Salted__` header when the salt is given with -S; 1.x writes it. */
function withHeader(out: Buffer): Buffer {
  return out.subarray(0, 8).toString('latin1') === 'Salted__' ? out : Buffer.concat([Buffer.from('Salted__'), SALT, out]);
}

test('openssl enc -d -md md5 decrypts what we encrypt', () => {
  fc.assert(
    fc.property(xmlText, basePassword, (plain, password) => {
      assert.deepEqual(opensslEnc(['-d', '-md', 'md5'], encrypt(plain, password), password), plain);
    }),
    { numRuns: 25 },
  );
});

test('openssl cannot read our MD5 file with its default SHA-256 digest: the pitfall is real', () => {
  // A fixed salt makes the outcome certain (a random one would give valid padding by chance once in 256 runs).
  const data = encrypt(PLAIN, 'secret', { salt: SALT });
  assert.deepEqual(opensslEnc(['-d', '-md', 'md5'], data, 'secret'), PLAIN, 'the same file reads with -md md5');
  assert.throws(
    () => opensslEnc(['-d'], data, 'secret'),
    (err: unknown) => err instanceof OpensslFailed && err.status === 1 && /bad decrypt/i.test(err.stderr),
    'openssl fails for the wrong key, reporting "bad decrypt", and for no other reason',
  );
});

for (const [args, derivation, salted] of [
  [['-md', 'md5'], 'md5', true],
  [[], 'sha256', true],
  [['-pbkdf2'], 'pbkdf2', true],
  [['-nosalt', '-md', 'md5'], 'md5', false],
  [['-nosalt'], 'sha256', false],
  [['-nosalt', '-pbkdf2'], 'pbkdf2', false],
] as const) {
  test(`we decrypt openssl enc -e ${args.join(' ') || '(defaults)'} and report ${derivation}${salted ? '' : ', no salt'}`, () => {
    const password = 'P@ss-w0rd_1359';
    const result = decrypt(opensslEnc(['-e', ...args], PLAIN, password), password);
    assert.deepEqual(result.plaintext, PLAIN);
    assert.equal(result.derivation, derivation);
    assert.equal(result.salted, salted);
  });
}
