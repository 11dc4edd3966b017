// `hsconfig schema --xsd`: the catalogue as an XML Schema, for XML tools that do not know hsconfig.

import { parseArgs } from 'node:util';
import { generateXsd } from '../schema/xsd';
import { writeFileAtomic } from '../../../shared/files/atomicWrite';
import type { Command } from './command';
import { UsageError } from './files';
import { profilesOption } from './options';

export const schemaCommand: Command = {
  usage: [
    '  schema --xsd [--profiles a,b,...] [--out FILE] [--force]',
    '      Print an XML Schema (XSD) of handset files, or write it to FILE (replaced only with --force).',
    '      --profiles names the base station\'s SIP profiles (default: profile1,profile2,profile3,profile4).',
  ].join('\n'),
  async run(args) {
    const { values } = parseArgs({
      args: [...args],
      options: { xsd: { type: 'boolean' }, profiles: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' } },
    });
    if (!values.xsd) throw new UsageError('schema needs a format: --xsd.');
    const profiles = profilesOption(values.profiles);
    const xsd = generateXsd(profiles ? { profiles } : {});
    if (values.out === undefined) {
      process.stdout.write(xsd);
      return 0;
    }
    try {
      writeFileAtomic(values.out, Buffer.from(xsd, 'utf8'), { overwrite: values.force === true });
    } catch (err) {
      console.error(`hsconfig: ${err instanceof Error ? err.message : String(err)}`);
      return 1;
    }
    console.error(`Wrote ${values.out}.`);
    return 0;
  },
};
