// `hsconfig encrypt`: handset files → `[prefix][IPEI].xml[postfix]`, encrypted as the base station reads them.

import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { passwordProblem } from '../../../shared/domain/configPassword';
import { affixProblem, encryptedFileName } from '../../../shared/domain/encryptedFileName';
import { ipeiForFileName } from '../domain/handsetFileIpei';
import { encrypt, isXmlText } from '../../../shared/domain/opensslEnc';
import { decodeHandsetBytes } from '../../../shared/domain/textBytes';
import { getLanguageService, type LanguageService } from '../handset/languageService';
import { writeFileAtomic } from '../../../shared/files/atomicWrite';
import type { Command } from './command';
import { describeFsError } from '../../../shared/files/fsErrors';
import { readRegularFileSync } from '../../../shared/files/readRegularFile';
import { collectFiles, reportStaleTemporary, UsageError } from './files';
import { CliSites } from './cliSites';
import { digestOption, profilesOption } from './options';
import { PASSWORD_OPTIONS, PASSWORD_USAGE, readPassword, refusePasswordArgument } from './password';
import { formatText } from './validateCommand';
import { HANDSET_LANGUAGE_ID } from '../../../shared/languageIds';

export const encryptCommand: Command = {
  usage: [
    '  encrypt [--out-dir DIR | --out FILE] [--md md5|sha256] [--prefix P] [--postfix P] [--force]',
    '          [--profiles a,b,...] <files or folders>',
    '      Encrypt handset files as `openssl enc -e -aes-256-cbc -md md5` does, named [prefix][IPEI].xml[postfix]',
    '      after their <ipei>, into DIR (default: an encrypted/ folder beside each file). Files with errors are',
    '      skipped unless --force; --force also replaces existing outputs. Each file is checked against its site',
    '      (see Sites) and named with its site\'s prefix and postfix (P27015, P27016; factory: ipei_ and none)',
    '      unless --prefix or --postfix is given; --profiles gives the profile names of every file.',
    PASSWORD_USAGE,
  ].join('\n'),
  sites: true,
  async run(args) {
    refusePasswordArgument(args);
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        ...PASSWORD_OPTIONS,
        out: { type: 'string' },
        'out-dir': { type: 'string' },
        md: { type: 'string' },
        prefix: { type: 'string' },
        postfix: { type: 'string' },
        force: { type: 'boolean' },
        profiles: { type: 'string' },
      },
    });
    const options = checkOptions(values, positionals);
    const files = await collectFiles(positionals);
    if (values.out !== undefined && files.length !== 1) throw new UsageError('--out takes exactly one input file; use --out-dir for more.');
    const password = await readPassword(values);
    const problem = passwordProblem(password);
    if (problem) throw new Error(problem);
    return encryptFiles(files, password, options);
  },
};

interface EncryptOptions {
  readonly out?: string;
  readonly outDir?: string;
  readonly digest: 'md5' | 'sha256';
  readonly prefix?: string;
  readonly postfix?: string;
  readonly force: boolean;
  readonly profiles?: string[];
}

function checkOptions(values: Record<string, string | boolean | undefined>, positionals: readonly string[]): EncryptOptions {
  if (positionals.length === 0) throw new UsageError('encrypt needs at least one file or folder.');
  const str = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  if (str('out') !== undefined && str('out-dir') !== undefined) throw new UsageError('Give either --out or --out-dir, not both.');
  const digest = digestOption(str('md'));
  const prefix = str('prefix');
  const postfix = str('postfix');
  const affix = affixProblem('prefix', prefix ?? '') ?? affixProblem('postfix', postfix ?? '');
  if (affix) throw new UsageError(affix);
  const profiles = profilesOption(str('profiles'));
  return { out: str('out'), outDir: str('out-dir'), digest, prefix, postfix, force: values.force === true, profiles };
}

function encryptFiles(files: readonly string[], password: string, options: EncryptOptions): number {
  if (files.length === 0) {
    console.error('hsconfig: no handset files found (folders are searched for .xml files whose root is <hs_config>).');
    return 1;
  }
  if (options.digest === 'sha256') {
    console.error('hsconfig: warning: with --md sha256 the base station probably cannot decrypt the files; it expects MD5.');
  }
  const sites = new CliSites({ profiles: options.profiles });
  const run: EncryptRun = { password, options, sites, service: getLanguageService({}, { site: sites.lookup() }), written: new Map() };
  let failed = 0;
  for (const file of files) {
    try {
      const target = encryptFile(file, run);
      console.log(`${file} -> ${target}`);
    } catch (err) {
      failed++;
      console.error(`hsconfig: ${file}: ${describeFsError(err)}`);
    }
  }
  console.error(`${files.length - failed} of ${files.length} file${files.length === 1 ? '' : 's'} encrypted.`);
  return failed > 0 ? 1 : 0;
}

/** What every file of a run is encrypted with; `written` maps this run's outputs to their sources. */
interface EncryptRun {
  readonly password: string;
  readonly options: EncryptOptions;
  readonly sites: CliSites;
  /** Checks each file against its own site. */
  readonly service: LanguageService;
  readonly written: Map<string, string>;
}

/** Encrypts one file and returns where it went. */
function encryptFile(file: string, { password, options, sites, service, written }: EncryptRun): string {
  const data = readRegularFileSync(file);
  const decoded = decodeHandsetBytes(data);
  if (!decoded.ok) throw new Error(`${decoded.problem} Skipped.`);
  if (!isXmlText(data)) throw new Error('not an XML text file (is it encrypted already?); skipped.');
  const text = decoded.text.replace(/^\uFEFF/, '');
  const ipei = readIpei(text);
  checkValidation(file, text, service, options.force);
  const target = options.out ?? path.join(options.outDir ?? path.join(path.dirname(file), 'encrypted'), encryptedFileName(ipei, affixes(file, options, sites)));
  const key = path.resolve(target);
  if (key === path.resolve(file)) throw new Error('the encrypted file would replace this file itself; choose another --out-dir or --out. Skipped.');
  const earlier = written.get(key);
  if (earlier) throw new Error(`${target} was already written from ${earlier} in this run (same IPEI?); skipped.`);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileAtomic(target, encrypt(data, password, { digest: options.digest }), { overwrite: options.force, onStaleTemporary: reportStaleTemporary });
  written.set(key, file);
  return target;
}

/** The options' prefix and postfix, else the file's site's. */
function affixes(file: string, options: EncryptOptions, sites: CliSites): { prefix: string; postfix: string } {
  const own = sites.affixesOf(sites.of(file));
  const chosen = { prefix: options.prefix ?? own.prefix, postfix: options.postfix ?? own.postfix };
  const problem = affixProblem('prefix', chosen.prefix) ?? affixProblem('postfix', chosen.postfix);
  if (problem) throw new Error(`${problem} (from ${sites.sourceOf(sites.of(file))}; give --prefix and --postfix); skipped.`);
  return chosen;
}

function readIpei(text: string): string {
  const found = ipeiForFileName(text);
  if ('problem' in found) throw new Error(`${found.problem}; skipped.`);
  return found.ipei;
}

/** Prints the file's errors; without --force a file with errors is not encrypted. */
function checkValidation(file: string, text: string, service: LanguageService, force: boolean): void {
  const document = TextDocument.create(pathToFileURL(path.resolve(file)).toString(), HANDSET_LANGUAGE_ID, 1, text);
  const errors = service.doValidation(document).filter((d) => d.severity === DiagnosticSeverity.Error);
  if (errors.length === 0) return;
  for (const line of formatText([{ file, diagnostics: errors }])) console.error(line);
  const count = `${errors.length} error${errors.length === 1 ? '' : 's'}`;
  if (!force) throw new Error(`has ${count}; fix them, or use --force to encrypt anyway; skipped.`);
  console.error(`hsconfig: warning: ${file} has ${count}; encrypting anyway (--force).`);
}
