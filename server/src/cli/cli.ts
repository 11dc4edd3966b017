// The `hsconfig` command line. Exit codes: 0 success, 1 a file has errors, 2 bad usage.

import { parseArgs } from 'node:util';
import { UsageError } from './files';
import { formatJson, formatText, hasErrors, summary, validateFiles } from './validateCommand';

const USAGE = `Usage: hsconfig <command> [options]

Commands:
  validate [--json] [--profiles a,b,...] <files or folders>
      Check handset files. Folders are searched for .xml files whose root is <hs_config>.
      Prints one line per problem (file:line:col severity code message); --json prints a JSON report.
      --profiles names the base station's SIP profiles (default: profile1,profile2,profile3,profile4).

Options:
  -h, --help     Show this help.
  -v, --version  Show the version.

Exit status: 0 no errors, 1 errors found, 2 bad usage.`;

declare const HSCONFIG_VERSION: string | undefined;

export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    console.log(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === '-v' || command === '--version') {
    console.log(typeof HSCONFIG_VERSION === 'string' ? HSCONFIG_VERSION : 'dev');
    return 0;
  }
  try {
    if (command === 'validate') return await validateCommand(rest);
    throw new UsageError(`Unknown command: ${command}`);
  } catch (err) {
    if (err instanceof UsageError || isParseArgsError(err)) {
      console.error(`hsconfig: ${(err as Error).message}\n\n${USAGE}`);
      return 2;
    }
    console.error(`hsconfig: ${err instanceof Error ? err.message : String(err)}`);
    return 2;
  }
}

function isParseArgsError(err: unknown): boolean {
  return err instanceof TypeError && String((err as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS');
}

async function validateCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { json: { type: 'boolean' }, profiles: { type: 'string' } },
  });
  if (positionals.length === 0) throw new UsageError('validate needs at least one file or folder.');
  const profiles = values.profiles?.split(',').map((p) => p.trim()).filter(Boolean);
  if (values.profiles !== undefined && !profiles?.length) throw new UsageError('--profiles needs at least one name.');
  const reports = await validateFiles(positionals, profiles ? { profiles } : {});
  if (values.json) {
    console.log(formatJson(reports));
  } else {
    for (const line of formatText(reports)) console.log(line);
    console.error(summary(reports));
  }
  return hasErrors(reports) ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      console.error(err);
      process.exitCode = 2;
    },
  );
}
