// Where the CLI gets the encryption password: never from an argument, which other users can see in `ps`.

import { readFile } from 'node:fs/promises';
import { UsageError } from './files';

export const PASSWORD_VARIABLE = 'HSCONFIG_PASSWORD';

/** parseArgs options shared by `encrypt` and `decrypt`. */
export const PASSWORD_OPTIONS = {
  'password-file': { type: 'string' },
  'password-stdin': { type: 'boolean' },
} as const;

export const PASSWORD_USAGE =
  `      The password comes from --password-file F (its first line), --password-stdin, or ${PASSWORD_VARIABLE}.`;

export interface PasswordSource {
  readonly 'password-file'?: string;
  readonly 'password-stdin'?: boolean;
}

/** Refuses `--password …` and `-p …` before parseArgs, whose message would otherwise echo the argument. */
export function refusePasswordArgument(args: readonly string[]): void {
  if (args.some((a) => /^(--password|-p)(=|$)/.test(a) || /^-p./.test(a))) {
    throw new UsageError(
      `The password is never taken as an argument (other users could see it): use ${PASSWORD_VARIABLE}, --password-file F or --password-stdin.`,
    );
  }
}

export async function readPassword(source: PasswordSource): Promise<string> {
  if (source['password-file'] !== undefined && source['password-stdin']) {
    throw new UsageError('Give the password one way: --password-file or --password-stdin, not both.');
  }
  if (source['password-file'] !== undefined) {
    const text = await readFile(source['password-file'], 'utf8').catch((err: NodeJS.ErrnoException) => {
      throw new Error(`Cannot read the password file ${source['password-file']}: ${err.code ?? err.message}`);
    });
    return nonEmpty(firstLine(text), 'The first line of the password file is empty.');
  }
  if (source['password-stdin']) return nonEmpty(firstLine(await readStdin()), 'No password arrived on standard input.');
  const fromEnv = process.env[PASSWORD_VARIABLE];
  if (fromEnv) return fromEnv;
  throw new UsageError(`No password given: set ${PASSWORD_VARIABLE}, or use --password-file F or --password-stdin.`);
}

function firstLine(text: string): string {
  return text.split('\n')[0].replace(/\r$/, '');
}

function nonEmpty(password: string, message: string): string {
  if (!password) throw new Error(message);
  return password;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
