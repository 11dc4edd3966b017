// `hsconfig decrypt`: reads any `openssl enc -aes-256-cbc` variant and says which one it was.

import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { decrypt, DecryptError, type DecryptResult } from '../../../shared/domain/opensslEnc';
import { writeFileAtomic } from '../../../shared/files/atomicWrite';
import type { Command } from './command';
import { describeFsError } from '../../../shared/files/fsErrors';
import { readRegularFile } from '../../../shared/files/readRegularFile';
import { reportStaleTemporary, UsageError } from './files';
import { PASSWORD_OPTIONS, PASSWORD_USAGE, readPassword, refusePasswordArgument } from './password';

export const decryptCommand: Command = {
  usage: [
    '  decrypt [--out FILE] [--force] <file>',
    '      Decrypt a handset file to standard output, or to FILE (replaced only with --force). Tells which key',
    '      derivation the file used and warns when it is not the MD5 one the base station expects.',
    PASSWORD_USAGE,
  ].join('\n'),
  async run(args) {
    refusePasswordArgument(args);
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: { ...PASSWORD_OPTIONS, out: { type: 'string' }, force: { type: 'boolean' } },
    });
    if (positionals.length !== 1) throw new UsageError('decrypt takes exactly one file.');
    const [file] = positionals;
    const data = await readEncrypted(file);
    const password = await readPassword(values);
    let result: DecryptResult;
    try {
      result = decrypt(data, password);
    } catch (err) {
      if (!(err instanceof DecryptError)) throw err;
      console.error(`hsconfig: ${file}: ${err.message}`);
      return 1;
    }
    report(file, result);
    return writeOut(result.plaintext, values.out, values.force === true);
  },
};

/** The file's bytes; a folder or a file that cannot be read is said plainly (not a usage error). */
async function readEncrypted(file: string): Promise<Buffer> {
  const info = await stat(file).catch((err: unknown) => {
    throw new Error(`${file}: ${describeFsError(err)}.`);
  });
  if (info.isDirectory()) throw new Error(`${file} is a folder: decrypt takes one encrypted file.`);
  return readRegularFile(file).catch((err: unknown) => {
    throw new Error(`${file}: cannot be read: ${describeFsError(err)}.`);
  });
}

const DERIVATION_NAMES = { md5: 'MD5 (openssl enc -md md5)', sha256: 'SHA-256 (openssl enc -md sha256, its default since 1.1)', pbkdf2: 'PBKDF2 (openssl enc -pbkdf2)' };

function report(file: string, { derivation, salted }: DecryptResult): void {
  console.error(`${file}: decrypted; key derivation ${DERIVATION_NAMES[derivation]}${salted ? '' : ', no salt (-nosalt)'}.`);
  if (derivation !== 'md5') {
    console.error(
      'hsconfig: warning: the base station probably cannot read this file: it expects the MD5 key derivation. Re-encrypt it with `hsconfig encrypt`.',
    );
  }
}

function writeOut(plaintext: Buffer, out: string | undefined, force: boolean): number {
  if (out === undefined) {
    process.stdout.write(plaintext);
    return 0;
  }
  try {
    // The plaintext holds SIP passwords: readable by the owner only.
    writeFileAtomic(out, plaintext, { overwrite: force, mode: 0o600, onStaleTemporary: reportStaleTemporary });
  } catch (err) {
    console.error(`hsconfig: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
  return 0;
}
