// `hsconfig diff A B`: what differs between two base-station configs of any shapes, P-value by P-value. Exit 0 when
// they set the same values, 1 when they differ (as diff(1) does).

import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { isBaseConfigText } from '../../../shared/detect/baseConfigText';
import { diffConfigs, diffLines, isEmptyDiff } from '../baseConfig/configDiff';
import { parseBaseConfig, type BaseConfigDocument } from '../baseConfig/parser';
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
    const [a, b] = await Promise.all(positionals.map(readConfig));
    const diff = diffConfigs(a, b);
    if (values.json) console.log(JSON.stringify(diff, null, 2));
    else if (isEmptyDiff(diff)) console.log(`${positionals[0]} and ${positionals[1]} set the same values.`);
    else console.log([`--- ${positionals[0]}`, `+++ ${positionals[1]}`, ...diffLines(diff)].join('\n'));
    return isEmptyDiff(diff) ? 0 : 1;
  },
};

async function readConfig(file: string): Promise<BaseConfigDocument> {
  if (!existsSync(file)) throw new UsageError(`No such file: ${file}`);
  const text = await readText(file);
  if (!isBaseConfigText(text)) throw new UsageError(`${file} is not a base-station config (Pnnn=value lines, or XML with a <gs_provision> root).`);
  return parseBaseConfig(text);
}
