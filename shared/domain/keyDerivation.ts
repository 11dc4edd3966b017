// How `openssl enc` turns a password (and salt) into the AES-256-CBC key and IV.

import { createHash, pbkdf2Sync } from 'node:crypto';

/** Which derivation produced key and IV: `openssl enc -md md5`, `-md sha256` (its default since 1.1.0), or `-pbkdf2`. */
export type Derivation = 'md5' | 'sha256' | 'pbkdf2';

export interface KeyAndIv {
  readonly key: Buffer;
  readonly iv: Buffer;
}

const KEY_LENGTH = 32;
const IV_LENGTH = 16;
/** `openssl enc -pbkdf2` without `-iter`. */
export const PBKDF2_ITERATIONS = 10000;

/** OpenSSL's EVP_BytesToKey with one iteration: D_i = hash(D_{i-1} ‖ password ‖ salt), concatenated. */
export function evpBytesToKey(digest: 'md5' | 'sha256', password: Buffer, salt: Buffer): KeyAndIv {
  const blocks: Buffer[] = [];
  let previous = Buffer.alloc(0);
  let length = 0;
  while (length < KEY_LENGTH + IV_LENGTH) {
    previous = createHash(digest).update(previous).update(password).update(salt).digest();
    blocks.push(previous);
    length += previous.length;
  }
  return split(Buffer.concat(blocks));
}

/** PBKDF2-HMAC-SHA256 with `openssl enc`'s default iteration count; key and IV are the first 48 bytes. */
export function pbkdf2KeyAndIv(password: Buffer, salt: Buffer): KeyAndIv {
  return split(pbkdf2Sync(password, salt, PBKDF2_ITERATIONS, KEY_LENGTH + IV_LENGTH, 'sha256'));
}

export function deriveKeyAndIv(derivation: Derivation, password: Buffer, salt: Buffer): KeyAndIv {
  return derivation === 'pbkdf2' ? pbkdf2KeyAndIv(password, salt) : evpBytesToKey(derivation, password, salt);
}

function split(material: Buffer): KeyAndIv {
  return { key: material.subarray(0, KEY_LENGTH), iv: material.subarray(KEY_LENGTH, KEY_LENGTH + IV_LENGTH) };
}
