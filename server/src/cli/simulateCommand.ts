// `hsconfig simulate`: every handset file of a folder provisioned in turn against its site's base station.

import { parseArgs } from 'node:util';
import { simulateFleet } from '../baseStation/fleet';
import { freeHandsetsNote, registeredHandsets, type FleetResult } from '../../../shared/baseStation/fleetResult';
import { readBaseStation, reportNotes } from './baseStationInput';
import { CliSites } from './cliSites';
import { runsBySite, type SiteRun } from './siteRuns';
import type { Command } from './command';
import { collectFiles, readText, TextFileError, UsageError } from './files';
import { BASE_USAGE } from './previewCommand';
import { accountTable, assumptionLines, lineSlotTable } from './simulationReport';
import { table } from './table';

export const simulateCommand: Command = {
  usage: [
    '  simulate <folder> [--base FILE] [--json]',
    '      Provision every handset file of a folder in turn (sorted by path) against its base station: which',
    '      handset ends up with which accounts, where account slots or handset numbers run out, and accounts',
    '      that two handsets both set to ring only themselves (DID). A folder of several sites is simulated site',
    '      by site, each on its own base station, under a heading naming its config (--json: an array of',
    '      one object per site, with its config and root folder).',
    BASE_USAGE,
    '      Exit status 0 when every file applies in full without conflicts, else 1.',
  ].join('\n'),
  sites: true,
  async run(args) {
    const { values, positionals } = parseArgs({ args: [...args], allowPositionals: true, options: { base: { type: 'string' }, json: { type: 'boolean' } } });
    if (positionals.length !== 1) throw new UsageError('simulate takes exactly one folder.');
    const given = values.base === undefined ? undefined : await readBaseStation(values.base);
    if (given) reportNotes(given);
    const files = await collectFiles(positionals);
    const { readable, unreadable } = await readEach(files);
    for (const err of unreadable) console.error(`hsconfig: ${err.message} The file is left out of the simulation.`);
    const runs = given ? [{ label: given.source, base: given, files: readable }] : runsBySite(readable, positionals[0], new CliSites());
    const fleets = runs.map((run) => ({ run, fleet: simulateFleet(run.base.model, run.files) }));
    console.log(values.json ? jsonReport(fleets) : textReport(fleets));
    return fleets.every(({ fleet }) => isClean(fleet)) && unreadable.length === 0 ? 0 : 1;
  },
};

interface SiteFleet {
  readonly run: SiteRun;
  readonly fleet: FleetResult;
}

/** One site: the report as it always was; several: each under a heading that names its config. */
function textReport(fleets: readonly SiteFleet[]): string {
  if (fleets.length === 1) return fleetReport(fleets[0].fleet, fleets[0].run.base.source).join('\n');
  const sections = fleets.map(({ run, fleet }, i) => [`=== Site ${i + 1} of ${fleets.length}: ${run.label} ===`, '', ...fleetReport(fleet, run.base.source)].join('\n'));
  const clean = fleets.filter(({ fleet }) => isClean(fleet)).length;
  return [...sections, `${fleets.length} sites: ${clean} applied in full without conflicts, ${fleets.length - clean} not.`].join('\n\n');
}

/** One site: an object as it always was; several: an array of them, each naming its site. */
function jsonReport(fleets: readonly SiteFleet[]): string {
  if (fleets.length === 1) return JSON.stringify({ base: fleets[0].run.base.source, ...fleets[0].fleet }, null, 2);
  return JSON.stringify(fleets.map(({ run, fleet }) => ({ config: run.config, root: run.root, base: run.base.source, ...fleet })), null, 2);
}

/** The files' texts; those that are not UTF-8 are set aside to be reported, not run. */
async function readEach(files: readonly string[]): Promise<{ readable: { name: string; text: string }[]; unreadable: TextFileError[] }> {
  const readable: { name: string; text: string }[] = [];
  const unreadable: TextFileError[] = [];
  for (const name of files) {
    try {
      readable.push({ name, text: await readText(name) });
    } catch (err) {
      if (!(err instanceof TextFileError)) throw err;
      unreadable.push(err);
    }
  }
  return { readable, unreadable };
}

function isClean(f: FleetResult): boolean {
  return f.conflicts.length === 0 && f.runs.every((r) => r.result?.outcome === 'applied');
}

function fleetReport(f: FleetResult, base: string): string[] {
  const runs = table(f.runs.map((r) => [r.file, r.result ? `HS${r.result.handset ?? '?'}` : '', r.result?.outcome ?? 'not run', r.problem ?? firstFailure(r.result?.steps)]));
  const { registered, free } = registeredHandsets(f);
  const handsets = table([
    ['HS', 'IPEI', 'name', 'lines (slot:account user ID)'],
    ...registered.map((h) => [`HS${h.number}`, h.ipei ?? '—', h.name, h.lines.map((l) => `${l.lineSlot}:${l.account} ${l.userId || '(empty)'}`).join(', ') || '—']),
  ]);
  return [
    `Base station: ${base}`,
    `${f.runs.length} handset file${f.runs.length === 1 ? '' : 's'}, in this order:`,
    ...runs,
    '',
    'Handsets afterwards',
    ...handsets,
    ...(free.length ? [`  ${freeHandsetsNote(free)}`] : []),
    '',
    ...section('Shortages', f.shortages.map((s) => `${s.file}: ${s.message}`)),
    ...section('Conflicts', f.conflicts.map((c) => c.message)),
    ...section('Warnings', f.warnings.map((w) => `${w.file}: ${w.message}`), '⚠'),
    ...assumptionLines(f.assumptions),
    ...accountTable(f.before, f.after),
    ...lineSlotTable(f.before, f.after),
  ];
}

function firstFailure(steps: readonly { status: string; message: string }[] | undefined): string {
  return steps?.find((s) => s.status === 'fail')?.message ?? '';
}

function section(title: string, lines: readonly string[], mark = '✖'): string[] {
  return lines.length === 0 ? [`${title}: none`, ''] : [title, ...lines.map((l) => `  ${mark} ${l}`), ''];
}
