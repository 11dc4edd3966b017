// Options several commands share, parsed and refused with the same words everywhere.

import { UsageError } from './files';

/** `--profiles a,b,c` → the names, or `undefined` when the option was not given. */
export function profilesOption(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const profiles = value.split(',').map((p) => p.trim()).filter(Boolean);
  if (!profiles.length) throw new UsageError('--profiles needs at least one name.');
  return profiles;
}

/** `--md md5|sha256`, MD5 (what the base station reads) when not given. */
export function digestOption(value: string | undefined): 'md5' | 'sha256' {
  const digest = value ?? 'md5';
  if (digest !== 'md5' && digest !== 'sha256') throw new UsageError(`--md takes md5 or sha256, not ${digest}.`);
  return digest;
}

/** `--format text|json|github` (`--json` is `--format json`), text when neither is given. */
export function formatOption(format: string | undefined, json: boolean | undefined): 'text' | 'json' | 'github' | 'sarif' {
  if (json && format !== undefined && format !== 'json') throw new UsageError(`Give either --json or --format ${format}, not both.`);
  const chosen = format ?? (json ? 'json' : 'text');
  if (chosen !== 'text' && chosen !== 'json' && chosen !== 'github' && chosen !== 'sarif') throw new UsageError(`--format takes text, json, github or sarif, not ${chosen}.`);
  return chosen;
}

/** `--max-warnings N`: a whole number from 0, or `undefined` when the option was not given. */
export function maxWarningsOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings takes a whole number from 0, not ${value}.`);
  return Number(value);
}
