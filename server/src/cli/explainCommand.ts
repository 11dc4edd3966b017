// `hsconfig explain P27762`: what the catalogue knows about a base-station P-value (or v2 item name).

import { parseArgs } from 'node:util';
import { didYouMean, lookup, suggestAlias, suggestPs, type PValueEntry } from '../baseConfig/catalogue';
import { describeEntry } from '../baseConfig/hover';
import type { Command } from './command';
import { UsageError } from './files';

export const explainCommand: Command = {
  usage: [
    '  explain [--json] <P-value or v2 item name>...',
    '      Print what the DP75x config template says about a base-station P-value: name, section, type, template',
    '      value, v2 item name, what each value means, a second meaning where the template gives the P-number two,',
    '      notes, and whether it needs a reboot. Example: hsconfig explain P27762 profile.1.enable',
  ].join('\n'),
  async run(args) {
    const { values, positionals } = parseArgs({ args: [...args], allowPositionals: true, options: { json: { type: 'boolean' } } });
    if (positionals.length === 0) throw new UsageError('explain needs a P-value (P27762) or a v2 item name (profile.1.name).');
    // A person asking may write p27762 or 27762: explain takes those as P27762 (a config file may not).
    const keys = positionals.map((key) => key.trim().replace(/^P?(\d+)$/i, (_, n: string) => `P${Number(n)}`));
    const unknown = keys.filter((key) => !lookup(key));
    for (const key of unknown) {
      const alias = suggestAlias(key);
      const near = /^P?\d+$/i.test(key) ? suggestPs(key) : { keys: alias ? [alias] : [], clear: true };
      console.error(`hsconfig: ${key} is not a P-value or item name of the DP75x template.${didYouMean(near)}`);
    }
    if (unknown.length > 0) return 2;
    const entries = keys.map((key) => lookup(key) as PValueEntry);
    if (values.json) console.log(JSON.stringify(entries, null, 2));
    else console.log(entries.map((e) => describeEntry(e).map(plain).join('\n')).join('\n\n'));
    return 0;
  },
};

/** Markdown to terminal text: no stars, backticks or underscores around words. */
function plain(line: string): string {
  return line.replace(/\*\*(.*?)\*\*/g, '$1').replace(/`([^`]*)`/g, '$1').replace(/^_(.*)_$/, '$1');
}
