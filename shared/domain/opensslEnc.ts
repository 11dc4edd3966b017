// Handset file encryption exactly as `openssl enc -aes-256-cbc` does it, on Buffers, with node's crypto only.
// Layout: `Salted__` + 8-byte salt + AES-256-CBC with PKCS#7 padding (or, with `-nosalt`, the ciphertext alone).

import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { deriveKeyAndIv, evpBytesToKey, type Derivation } from './keyDerivation';
import { SALTED_HEADER } from './textBytes';

export type { Derivation } from './keyDerivation';

const MAGIC = Buffer.from(SALTED_HEADER, 'latin1');
const SALT_LENGTH = 8;
const HEADER_LENGTH = MAGIC.length + SALT_LENGTH;
const BLOCK = 16;
const CIPHER = 'aes-256-cbc';

export interface EncryptOptions {
  /** EVP_BytesToKey digest. MD5 (the default) is what the base station's pre-1.1 OpenSSL expects. */
  readonly digest?: 'md5' | 'sha256';
  /** Exactly 8 bytes, like `openssl enc -S HEX`; random when absent. Only tests should fix it. */
  readonly salt?: Buffer;
}

export interface DecryptResult {
  readonly plaintext: Buffer;
  readonly derivation: Derivation;
  /** False for a file written with `-nosalt` (no `Salted__` header). */
  readonly salted: boolean;
}

export type DecryptFailure = 'wrong-password' | 'truncated' | 'not-encrypted';

export class DecryptError extends Error {
  constructor(
    readonly reason: DecryptFailure,
    message: string,
  ) {
    super(message);
    this.name = 'DecryptError';
  }
}

/** What `openssl enc -e -aes-256-cbc -md <digest> -k <password>` writes. */
export function encrypt(plaintext: Buffer, password: string, options: EncryptOptions = {}): Buffer {
  const salt = options.salt ?? randomBytes(SALT_LENGTH);
  if (salt.length !== SALT_LENGTH) throw new RangeError(`The salt must be ${SALT_LENGTH} bytes, not ${salt.length}.`);
  const { key, iv } = evpBytesToKey(options.digest ?? 'md5', Buffer.from(password, 'utf8'), salt);
  const cipher = createCipheriv(CIPHER, key, iv);
  return Buffer.concat([MAGIC, salt, cipher.update(plaintext), cipher.final()]);
}

const DERIVATIONS: readonly Derivation[] = ['md5', 'sha256', 'pbkdf2'];

/**
 * Undoes any `openssl enc -aes-256-cbc` variant: MD5 or SHA-256 EVP_BytesToKey, or PBKDF2, salted or not. The file
 * does not say which, so each is tried; a result counts only when its padding is valid and it is XML text.
 */
export function decrypt(data: Buffer, password: string): DecryptResult {
  const { salted, body } = encryptedLayout(data);
  const salt = salted ? data.subarray(MAGIC.length, HEADER_LENGTH) : Buffer.alloc(0);
  const secret = Buffer.from(password, 'utf8');
  for (const derivation of DERIVATIONS) {
    const plaintext = tryDecrypt(body, deriveKeyAndIv(derivation, secret, salt));
    if (plaintext && isXmlText(plaintext)) return { plaintext, derivation, salted };
  }
  throw new DecryptError(
    'wrong-password',
    'The file could not be decrypted: the password is wrong, or the file was not made with openssl enc -aes-256-cbc.',
  );
}

/** Why these bytes cannot be an `openssl enc` file, found without a password; `undefined` when they may be one. */
export function notEncryptedReason(data: Buffer): string | undefined {
  try {
    encryptedLayout(data);
    return undefined;
  } catch (err) {
    if (err instanceof DecryptError) return err.message;
    throw err;
  }
}

function encryptedLayout(data: Buffer): { salted: boolean; body: Buffer } {
  if (isXmlText(data)) throw new DecryptError('not-encrypted', 'The file is not encrypted: it is already plain XML.');
  const salted = startsWithMagic(data);
  const body = salted ? data.subarray(HEADER_LENGTH) : data;
  checkLength(data, body, salted);
  return { salted, body };
}

/** True when the bytes are UTF-8 text that starts, after an optional byte-order mark and white space, with `<`. */
export function isXmlText(data: Buffer): boolean {
  let text: string;
  try {
    text = UTF8.decode(data);
  } catch {
    return false;
  }
  return /^\uFEFF?\s*</.test(text);
}

// `ignoreBOM` keeps a leading byte-order mark in the decoded text so the pattern above can see and allow it.
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function startsWithMagic(data: Buffer): boolean {
  // A file cut off inside the header still counts as salted, so it is reported as truncated.
  const n = Math.min(data.length, MAGIC.length);
  return n > 0 && data.subarray(0, n).equals(MAGIC.subarray(0, n));
}

function checkLength(data: Buffer, body: Buffer, salted: boolean): void {
  if (data.length === 0) throw new DecryptError('truncated', 'The file is empty.');
  if (salted && data.length < HEADER_LENGTH + BLOCK) {
    throw new DecryptError('truncated', `The file is truncated: ${data.length} bytes is too short for an encrypted file.`);
  }
  if (body.length < BLOCK || body.length % BLOCK !== 0) {
    const what = salted ? `after the ${HEADER_LENGTH}-byte Salted__ header` : 'and has no Salted__ header';
    throw new DecryptError(
      'truncated',
      `The file is truncated or not encrypted: it holds ${body.length} bytes ${what}, not a whole number of 16-byte blocks.`,
    );
  }
}

function tryDecrypt(body: Buffer, { key, iv }: { key: Buffer; iv: Buffer }): Buffer | undefined {
  const decipher = createDecipheriv(CIPHER, key, iv);
  try {
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    return undefined; // bad padding: not this key
  }
}
