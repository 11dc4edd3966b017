// `hsconfig generate`: one handset file per CSV row, validated, named as the base station requests it, optionally
// encrypted. Exit 0 when every row became a file, 1 when a row was skipped, 2 when nothing could start.

import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { passwordProblem } from '../../../shared/domain/configPassword';
import { affixProblem } from '../../../shared/domain/encryptedFileName';
import { isBlankRow } from '../deploy/csvTable';
import { readHandsetList, readTemplateText } from '../deploy/prepareGeneration';
import { listRows } from '../deploy/rowList';
import { generateHandsets } from '../deploy/generateHandsets';
import type { DeployWarning, SkippedRow } from '../../../shared/deploy/generated';
import { writeHandsetFiles } from '../../../shared/deploy/writeHandsetFiles';
import { getLanguageService } from '../handset/languageService';
import type { Command } from './command';
import { describeFsError } from '../../../shared/files/fsErrors';
import { readText, TextFileError, UsageError } from './files';
import { CliSites } from './cliSites';
import { digestOption, profilesOption } from './options';
import { PASSWORD_OPTIONS, PASSWORD_USAGE, readPassword, refusePasswordArgument } from './password';
import { formatText } from './validateCommand';

export const generateCommand: Command = {
  usage: [
    '  generate --csv FILE --out-dir DIR [--template FILE] [--encrypt [--md md5|sha256]] [--prefix P]',
    '           [--postfix P] [--force] [--profiles a,b,...]',
    '      Write one handset file per CSV row, named [prefix][IPEI].xml[postfix] (see below). Columns:',
    '      ipei (hex or 13-digit decimal), hs_name, any setting by name (force_apply, auto_answer, ...), and',
    '      line1.user_id, line1.profile_name, ... up to line10. The template supplies what a row leaves empty.',
    '      Rows whose file would have errors are skipped and listed; existing files are replaced only with --force.',
    '      --encrypt encrypts each file as `openssl enc -aes-256-cbc -md md5` does. Profile names come from',
    '      --profiles, the prefix and postfix from --prefix and --postfix; else all three from the site of DIR',
    '      (see Sites: the base-station config or hsconfig.json in DIR or the nearest folder above it).',
    PASSWORD_USAGE,
  ].join('\n'),
  sites: true,
  async run(args) {
    refusePasswordArgument(args);
    const { values } = parseArgs({
      args: [...args],
      options: {
        ...PASSWORD_OPTIONS,
        csv: { type: 'string' },
        template: { type: 'string' },
        'out-dir': { type: 'string' },
        encrypt: { type: 'boolean' },
        md: { type: 'string' },
        prefix: { type: 'string' },
        postfix: { type: 'string' },
        force: { type: 'boolean' },
        profiles: { type: 'string' },
      },
    });
    const options = checkOptions(values);
    const { columns, rows } = await readHandsetListFile(options.csv);
    if (rows.every((r) => isBlankRow(r.cells))) console.error(`hsconfig: warning: ${options.csv} has no handset rows, only its header.`);
    const { profiles, fileName } = siteNames(options);
    const template = options.template === undefined ? undefined : await loadTemplate(options.template, profiles);
    const encryption = values.encrypt ? { password: await checkedPassword(values), digest: options.digest } : undefined;
    const generated = await generateHandsets({ columns, rows, template, fileName, profiles });
    const { written, failed } = await writeHandsetFiles(generated.files, { outDir: options.outDir, force: values.force === true, encryption });
    for (const w of written) console.log(`row ${w.row} -> ${w.file}`);
    printWarnings(generated.warnings);
    const skipped = [...generated.skipped, ...failed].sort((a, b) => a.row - b.row);
    printSummary(written.length, options.outDir, skipped);
    return skipped.length > 0 ? 1 : 0;
  },
};

interface GenerateOptions {
  readonly csv: string;
  readonly outDir: string;
  readonly template?: string;
  readonly digest: 'md5' | 'sha256';
  readonly prefix?: string;
  readonly postfix?: string;
  readonly profiles?: string[];
}

/** Profile names and file affixes: the options', else those of the output folder's site, as validate finds it. */
function siteNames(options: GenerateOptions): { profiles: readonly string[]; fileName: { prefix: string; postfix: string } } {
  const sites = new CliSites({ profiles: options.profiles });
  const site = sites.ofFolder(options.outDir);
  const own = sites.affixesOf(site);
  const fileName = { prefix: options.prefix ?? own.prefix, postfix: options.postfix ?? own.postfix };
  const profiles = sites.settingsOf(site).profiles;
  const from = sites.sourceOf(site);
  const affix = affixProblem('prefix', fileName.prefix) ?? affixProblem('postfix', fileName.postfix);
  if (affix) throw new UsageError(`${affix} (from ${from}; give --prefix and --postfix)`);
  const taken = [!options.profiles && `profiles ${profiles.join(', ')}`, (options.prefix === undefined || options.postfix === undefined) && `files named ${fileName.prefix}<IPEI>.xml${fileName.postfix}`];
  // Said when a site gives them, so that names unlike the factory's are not a surprise.
  if (from && taken.some(Boolean)) console.error(`hsconfig: from ${from}, the site of ${options.outDir}: ${taken.filter(Boolean).join('; ')}.`);
  return { profiles, fileName };
}

function checkOptions(values: Record<string, string | boolean | undefined>): GenerateOptions {
  const str = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const csv = str('csv');
  const outDir = str('out-dir');
  if (csv === undefined) throw new UsageError('generate needs --csv FILE, the list of handsets.');
  if (outDir === undefined) throw new UsageError('generate needs --out-dir DIR, where the handset files go.');
  const digest = digestOption(str('md'));
  if (str('md') !== undefined && !values.encrypt) throw new UsageError('--md only applies with --encrypt.');
  const prefix = str('prefix');
  const postfix = str('postfix');
  const affix = affixProblem('prefix', prefix ?? '') ?? affixProblem('postfix', postfix ?? '');
  if (affix) throw new UsageError(affix);
  const profiles = profilesOption(str('profiles'));
  return { csv, outDir, template: str('template'), digest, prefix, postfix, profiles };
}

/** Why a file could not be read, in words: missing, unreadable, or not UTF-8 (with where and how to convert it). */
function unreadable(file: string): (err: unknown) => never {
  return (err) => {
    if (err instanceof TextFileError) throw err;
    throw new Error(`${file}: ${describeFsError(err)}.`);
  };
}

/** The CSV's rows and what each column means; an unreadable file or an unusable header stops everything. */
async function readHandsetListFile(file: string) {
  const text = await readText(file).catch(unreadable(file));
  const list = readHandsetList(text);
  if ('problem' in list) throw new UsageError(`${file}: ${list.problem}`);
  return list;
}

async function loadTemplate(file: string, profiles: readonly string[] | undefined) {
  const text = await readText(file).catch(unreadable(file));
  const service = getLanguageService(profiles ? { profiles } : {});
  const template = readTemplateText(pathToFileURL(path.resolve(file)).toString(), text, service);
  for (const line of formatText([{ file, diagnostics: template.diagnostics }])) console.error(line);
  if (!template.config) throw new UsageError(`The template ${file} has errors that would spoil every file; fix them first.`);
  return template.config;
}

async function checkedPassword(values: Parameters<typeof readPassword>[0] & { readonly md?: string }): Promise<string> {
  const password = await readPassword(values);
  const problem = passwordProblem(password);
  if (problem) throw new UsageError(problem);
  if (values.md === 'sha256') console.error('hsconfig: warning: with --md sha256 the base station probably cannot decrypt the files; it expects MD5.');
  return password;
}

function printWarnings(warnings: readonly DeployWarning[]): void {
  for (const w of warnings) {
    const where = `row${w.rows.length === 1 ? '' : 's'} ${listRows(w.rows, 10)}`;
    console.error(`hsconfig: warning: ${where}: ${w.message}`);
  }
}

function printSummary(written: number, outDir: string, skipped: readonly SkippedRow[]): void {
  console.error(`${written} handset file${written === 1 ? '' : 's'} written to ${outDir}; ${skipped.length} row${skipped.length === 1 ? '' : 's'} skipped${skipped.length ? ':' : '.'}`);
  for (const s of skipped) console.error(`  row ${s.row}: ${s.reasons.join(' ')}`);
}
