// The project file, hsconfig.json, at a repository's or a site's root: what VS Code settings hold, for the CLI, the
// server and any LSP client alike. Every key is optional; a nearer file's key wins over a farther one's, and any
// key wins over the editor's settings (which stay as defaults). Pure: parse and check the text.

import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { profileNameProblem } from '../domain/profileName';

export interface ProjectSettings {
  /** Profile names for a site without a base-station config. */
  readonly profiles?: readonly string[];
  /** The handset file prefix and postfix (P27015, P27016) for a site without a config. */
  readonly handsetFilePrefix?: string;
  readonly handsetFilePostfix?: string;
  /** A base-station config or model JSON for the files below, relative to the project file's folder. */
  readonly baseStation?: string;
  /** The path the base station fetches from (P237's form, host/path) for a site without a config. */
  readonly servePath?: string;
}

export interface ProjectRead {
  readonly settings: ProjectSettings;
  /** What was wrong with the file; the keys that were right still count. */
  readonly problems: readonly string[];
}

const KEYS = ['$schema', 'profiles', 'handsetFilePrefix', 'handsetFilePostfix', 'baseStation', 'servePath'];

export function readProjectText(text: string): ProjectRead {
  const errors: ParseError[] = [];
  const raw: unknown = parse(text, errors, { allowTrailingComma: true });
  if (errors.length > 0) return { settings: {}, problems: [`not valid JSON (${printParseErrorCode(errors[0].error)} at offset ${errors[0].offset})`] };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { settings: {}, problems: ['must hold one JSON object'] };
  const problems: string[] = [];
  const object = raw as Record<string, unknown>;
  for (const key of Object.keys(object)) if (!KEYS.includes(key)) problems.push(`unknown key "${key}" is ignored`);
  const settings: Record<string, unknown> = {};
  const text_ = (key: keyof ProjectSettings, allowEmpty: boolean) => {
    const value = object[key];
    if (value === undefined) return;
    if (typeof value !== 'string' || (!allowEmpty && value.trim() === '')) problems.push(`"${key}" must be a${allowEmpty ? '' : ' non-empty'} string`);
    else settings[key] = allowEmpty ? value : value.trim();
  };
  text_('handsetFilePrefix', true);
  text_('handsetFilePostfix', true);
  text_('baseStation', false);
  text_('servePath', false);
  const profiles = object.profiles;
  if (profiles !== undefined) {
    const names = Array.isArray(profiles) ? profiles : [];
    const bad = names.map((n) => (typeof n === 'string' ? profileNameProblem(n)?.message : 'a profile name must be a string')).find((p) => p !== undefined);
    if (!Array.isArray(profiles) || names.length === 0 || names.length > 4) problems.push('"profiles" must list one to four profile names');
    else if (bad) problems.push(`"profiles": ${bad}`);
    else settings.profiles = names as string[];
  }
  return { settings: settings as ProjectSettings, problems };
}

/** Project files from the nearest to the farthest, merged: a nearer file's key wins. */
export function mergeProjectSettings(nearestFirst: readonly ProjectSettings[]): ProjectSettings {
  return nearestFirst.reduceRight<ProjectSettings>((merged, nearer) => ({ ...merged, ...nearer }), {});
}
