// `hsconfig convert`: a base-station config in another shape (text, XML v1, XML v2), every P-value kept; what the
// target shape cannot hold is named on stderr and fails the run unless --allow-loss.

import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { isBaseConfigText } from '../../../shared/detect/language';
import { notAConfig } from '../baseConfig/configTools';
import type { ConfigShape } from '../../../shared/protocol/status';
import { OutputExistsError, writeFileAtomic } from '../../../shared/files/atomicWrite';
import { convertConfig, shapeName } from '../baseConfig/convert';
import { parseBaseConfig } from '../baseConfig/parser';
import type { Command } from './command';
import { readText, UsageError } from './files';

const TARGETS: Record<string, ConfigShape> = { text: 'text', v1: 'xml-v1', v2: 'xml-v2' };

export const convertCommand: Command = {
  usage: [
    '  convert <config file> --to text|v1|v2 [--out FILE] [--force] [--allow-loss]',
    '      Write a base-station config in another shape: Pnnn=value text, XML v1 (<P27762>) or XML v2',
    '      (<item name="profile.1.name">). Values and standalone comments are kept. A P-value the target cannot',
    '      hold (v2 has no name for some) is listed and the run fails, unless --allow-loss. Prints the result,',
    '      or writes it to --out, never replacing a file without --force.',
  ].join('\n'),
  async run(args) {
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: { to: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' }, 'allow-loss': { type: 'boolean' } },
    });
    if (positionals.length !== 1) throw new UsageError('convert takes exactly one config file.');
    const to = values.to === undefined ? undefined : Object.hasOwn(TARGETS, values.to) ? TARGETS[values.to] : undefined;
    if (to === undefined) throw new UsageError(`convert needs --to text, v1 or v2${values.to === undefined ? '' : `, not ${values.to}`}.`);
    const file = positionals[0];
    if (!existsSync(file)) throw new UsageError(`No such file: ${file}`);
    const text = await readText(file);
    if (!isBaseConfigText(text)) throw new UsageError(notAConfig(file));
    const parsed = parseBaseConfig(text);
    const converted = convertConfig(parsed, to, /\r\n/.test(text) ? '\r\n' : '\n');
    for (const l of converted.leftOut) console.error(`hsconfig: ${file}: ${l.key}=${l.value} is not written: ${l.reason}.`);
    console.error(`${file}: ${shapeName(parsed.shape)} to ${shapeName(to)}, ${converted.written} settings${converted.leftOut.length ? `, ${converted.leftOut.length} left out` : ''}.`);
    if (converted.leftOut.length > 0 && values['allow-loss'] !== true) {
      console.error('hsconfig: nothing written; --allow-loss writes the rest.');
      return 1;
    }
    if (values.out === undefined) {
      process.stdout.write(converted.text);
      return 0;
    }
    try {
      writeFileAtomic(values.out, Buffer.from(converted.text, 'utf8'), { overwrite: values.force === true });
    } catch (err) {
      if (err instanceof OutputExistsError) throw new UsageError(err.message);
      throw err;
    }
    console.error(`Wrote ${values.out}.`);
    return 0;
  },
};
