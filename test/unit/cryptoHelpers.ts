// Test helpers for encryption: the real `openssl` binary, and arbitraries for fast-check.

import { spawnSync } from 'node:child_process';
import fc from 'fast-check';

const PASSWORD_VARIABLE = 'HSCONFIG_TEST_OPENSSL_PASSWORD';

/** Runs `openssl enc -aes-256-cbc <args>` on `input`; the password goes through the environment, not the command line. */
export function opensslEnc(args: readonly string[], input: Buffer, password: string): Buffer {
  const result = spawnSync('openssl', ['enc', '-aes-256-cbc', ...args, '-pass', `env:${PASSWORD_VARIABLE}`], {
    input,
    env: { ...process.env, [PASSWORD_VARIABLE]: password },
  });
  if (result.error) throw new Error(`These tests need the openssl binary (.ci/run installs it): ${result.error.message}`);
  if (result.status !== 0) throw new OpensslFailed(result.status, result.stderr.toString());
  return result.stdout;
}

export class OpensslFailed extends Error {
  constructor(
    readonly status: number | null,
    readonly stderr: string,
  ) {
    super(`openssl exited with ${status}: ${stderr}`);
  }
}

/** `openssl enc -P`: the key and IV a derivation yields, as upper-case hex. */
export function opensslKeyAndIv(args: readonly string[], password: string): { key: string; iv: string } {
  const out = opensslEnc([...args, '-P'], Buffer.alloc(0), password).toString();
  const field = (name: string) => new RegExp(`^${name}\\s*=\\s*([0-9A-F]+)$`, 'm').exec(out)?.[1] ?? '';
  return { key: field('key'), iv: field('iv') };
}

/** Passwords the base station can store (P1359): 1–40 printable ASCII characters 33–126. */
export const basePassword = fc.string({
  unit: fc.integer({ min: 33, max: 126 }).map((c) => String.fromCharCode(c)),
  minLength: 1,
  maxLength: 40,
});

/** Any UTF-8 text that passes as XML: optional BOM and white space, `<`, then anything. */
export const xmlText = fc
  .tuple(fc.constantFrom('', '\uFEFF'), fc.constantFrom('', ' ', '\n', '\r\n\t'), fc.string({ unit: 'binary', maxLength: 300 }))
  .map(([bom, space, rest]) => Buffer.from(`${bom}${space}<${rest}`, 'utf8'));
