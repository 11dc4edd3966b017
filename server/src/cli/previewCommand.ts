// `hsconfig preview`: what the base station would do with one handset file.

import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { isHexIpei } from '../../../shared/domain/ipei';
import { requesterIpei } from '../baseStation/requester';
import { simulate } from '../baseStation/simulate';
import { readBaseStation, reportNotes } from './baseStationInput';
import { CliSites } from './cliSites';
import { siteBaseStation, type SiteBaseStation } from './siteBaseStation';
import type { Command } from './command';
import { readText, UsageError } from './files';
import { previewReport } from './simulationReport';
import { existsSync } from 'node:fs';

export const BASE_USAGE =
  '      --base takes a base-station model JSON or the base station\'s config file (Pnnn=value text, XML v1 or v2)\n' +
  '      for every file. Without it each file\'s site\'s config is used (see Sites); a site without one is a\n' +
  '      factory-fresh base station with handset provisioning on, its profiles named as its hsconfig.json says.';

export const previewCommand: Command = {
  usage: [
    '  preview <file> [--base FILE] [--ipei HEX] [--json]',
    '      Show, step by step, what the base station does with a handset file: the request URL, the checks,',
    '      which account slot and line slot each line takes, the account table before → after, and what it',
    '      assumed where the vendor\'s guide is silent (--json: the "assumptions" list).',
    '      --ipei is the handset that asks for the file (default: the IPEI in the file name, else its <ipei>).',
    BASE_USAGE,
    '      Exit status 0 when the whole file is applied, 1 when provisioning stops or a line finds no slot.',
  ].join('\n'),
  sites: true,
  async run(args) {
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: { base: { type: 'string' }, ipei: { type: 'string' }, json: { type: 'boolean' } },
    });
    if (positionals.length !== 1) throw new UsageError('preview takes exactly one handset file.');
    const file = positionals[0];
    if (!existsSync(file)) throw new UsageError(`No such file: ${file}`);
    const text = await readText(file);
    const ipei = requestingIpei(values.ipei, text, file);
    const base = await baseStationOf(file, values.base);
    const result = simulate(base.model, ipei, text);
    if (values.json) console.log(JSON.stringify({ file, base: base.source, ...result }, null, 2));
    else console.log(previewReport(result, file, base.source, text).join('\n'));
    return result.outcome === 'applied' ? 0 : 1;
  },
};

/** `--base` when given, else the file's site's base station. */
async function baseStationOf(file: string, given: string | undefined): Promise<SiteBaseStation> {
  if (given === undefined) {
    const sites = new CliSites();
    return siteBaseStation(sites.of(file), (f) => sites.shown(f));
  }
  const base = await readBaseStation(given);
  reportNotes(base);
  return base;
}

function requestingIpei(given: string | undefined, text: string, file: string): string {
  if (given !== undefined) {
    if (!isHexIpei(given)) throw new UsageError(`--ipei takes 10 hex digits, not '${given}'.`);
    return given.toLowerCase();
  }
  const requester = requesterIpei(text, path.basename(file));
  if (requester) return requester;
  throw new UsageError(`Neither the name of ${file} nor its <ipei> gives a handset's IPEI; give it with --ipei.`);
}
