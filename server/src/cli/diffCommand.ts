// `hsconfig diff A B`: what differs between two base-station configs of any shapes, P-value by P-value. Exit 0 when
// they set the same values, 1 when they differ (as diff(1) does).

import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { compareConfigs } from '../baseConfig/configTools';
import type { Command } from './command';
import { readText, UsageError } from './files';

export const diffCommand: Command = {
  usage: [
    '  diff [--json] <config A> <config B>',
    '      What differs between two base-station configs (text, XML v1 or v2, in any pairing), P-value by',
    '      P-value: ~ changed, + only in B, - only in A, each with its name. Exit status 0 when they set the same',
    '      values, 1 when they differ.',
  ].join('\n'),
  async run(args) {
    const { values, positionals } = parseArgs({ args: [...args], allowPositionals: true, options: { json: { type: 'boolean' } } });
    if (positionals.length !== 2) throw new UsageError('diff takes two config files.');
    const [a, b] = await Promise.all(positionals.map(async (name) => ({ name, text: await readConfigText(name) })));
    const compared = compareConfigs(a, b);
    if ('problem' in compared) throw new UsageError(compared.problem);
    console.log(values.json ? JSON.stringify(compared.diff, null, 2) : compared.report);
    return compared.same ? 0 : 1;
  },
};

async function readConfigText(file: string): Promise<string> {
  if (!existsSync(file)) throw new UsageError(`No such file: ${file}`);
  return readText(file);
}
