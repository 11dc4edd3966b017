// The `hsconfig` command line. Exit codes: 0 success, 1 a check failed, 2 bad usage or an unusable input.

import { cliVersion } from './version';
import { removePendingTemporaries, removeTemporariesOnSignals } from '../../../shared/files/atomicWrite';
import { convertCommand } from './convertCommand';
import { decryptCommand } from './decryptCommand';
import { diffCommand } from './diffCommand';
import { encryptCommand } from './encryptCommand';
import { explainCommand } from './explainCommand';
import { UsageError } from './files';
import { SITES_HELP } from './cliSites';
import { importBaseCommand } from './importBaseCommand';
import { previewCommand } from './previewCommand';
import { schemaCommand } from './schemaCommand';
import { simulateCommand } from './simulateCommand';
import { generateCommand } from './generateCommand';
import { ipeiCommand } from './ipeiCommand';
import { serveCommand } from './serveCommand';
import { validateCommand } from './validateCommand';
import type { Command } from './command';

const COMMANDS: Record<string, Command> = {
  validate: validateCommand,
  encrypt: encryptCommand,
  decrypt: decryptCommand,
  schema: schemaCommand,
  preview: previewCommand,
  simulate: simulateCommand,
  'import-base': importBaseCommand,
  generate: generateCommand,
  ipei: ipeiCommand,
  serve: serveCommand,
  explain: explainCommand,
  convert: convertCommand,
  diff: diffCommand,
};

const EXIT_STATUS = 'Exit status: 0 success, 1 a check failed (a file has errors, or more warnings than --max-warnings), 2 bad usage or unusable input.';

function usage(): string {
  return [
    'Usage: hsconfig <command> [options]',
    '',
    'Commands:',
    ...Object.values(COMMANDS).map((c) => c.usage),
    '',
    'Options:',
    '  -h, --help     Show this help.',
    '  -v, --version  Show the version.',
    '',
    EXIT_STATUS,
    '',
    SITES_HELP,
  ].join('\n');
}


export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    (name === undefined ? console.error : console.log)(usage());
    return name === undefined ? 2 : 0;
  }
  if (name === '-v' || name === '--version') {
    console.log(cliVersion());
    return 0;
  }
  // Own keys only: `hsconfig constructor` is an unknown command, not Object's constructor.
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (command && (rest.includes('--help') || rest.includes('-h'))) {
    console.log(`Usage: hsconfig ${command.usage.trimStart()}\n\n${EXIT_STATUS}${command.sites ? `\n\n${SITES_HELP}` : ''}`);
    return 0;
  }
  try {
    if (!command) throw new UsageError(`Unknown command: ${name}`);
    return await command.run(rest);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    console.error(err instanceof UsageError || isParseArgsError(err) ? `hsconfig: ${message}\n\n${usage()}` : `hsconfig: ${message}`);
    return 2;
  }
}

function isParseArgsError(err: unknown): boolean {
  return err instanceof TypeError && String((err as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS');
}

/** A reader that closed the pipe (`| head`) wants no more: stop quietly, as Unix tools do. */
function exitQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    removePendingTemporaries();
    process.exit(process.exitCode ?? 0);
  });
}

/** The command line's start: the arguments after `hsconfig`, the exit code when the command is done. */
export function runCli(): void {
  removeTemporariesOnSignals();
  exitQuietlyOnClosedPipe(process.stdout);
  exitQuietlyOnClosedPipe(process.stderr);
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
