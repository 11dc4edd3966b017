// The project file, hsconfig.json, at a repository's or a site's root: what VS Code settings hold, for the CLI, the
// server and any LSP client alike. Every key is optional; a nearer file's key wins over a farther one's, and any
// key wins over the editor's settings (which stay as defaults). Its JSON Schema (shipped as
// schemas/hsconfig.schema.json, which a unit test keeps equal to projectSchema()) is the one statement of its rules.

import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { PROFILE_NAME_MAX, profileNameProblem } from '../domain/profileName';
import { schemaProblems } from '../baseStation/schemaCheck';
import type { JsonSchema } from '../baseStation/shape';
import { PROFILE_COUNT } from '../../../shared/baseStation/model';

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

const AFFIX = { type: 'string', maxLength: 32 };

export function projectSchema(): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'hsconfig project file (hsconfig.json)',
    description: 'Settings for the sites (base stations) in this folder and below. A nearer hsconfig.json wins key by key; a base-station config in a site folder wins over these.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      profiles: {
        description: 'Profile names (P27762–P27765) for handset files whose site has no base-station config.',
        type: 'array',
        minItems: 1,
        maxItems: PROFILE_COUNT,
        uniqueItems: true,
        items: { type: 'string', minLength: 1, maxLength: PROFILE_NAME_MAX },
      },
      handsetFilePrefix: { ...AFFIX, description: 'The handset file prefix (P27015) for a site without a config.' },
      handsetFilePostfix: { ...AFFIX, description: 'The handset file postfix (P27016) for a site without a config.' },
      baseStation: { type: 'string', minLength: 1, description: 'The base-station config (or model JSON) of the handset files below, relative to this file.' },
      servePath: { type: 'string', minLength: 1, description: 'The Config Server Path (P237: host and path, no scheme) to serve at, for a site without a config.' },
    },
  };
}

export function readProjectText(text: string): ProjectRead {
  const errors: ParseError[] = [];
  const raw: unknown = parse(text, errors, { allowTrailingComma: true });
  if (errors.length > 0) return { settings: {}, problems: [`not valid JSON (${printParseErrorCode(errors[0].error)} at offset ${errors[0].offset})`] };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { settings: {}, problems: ['must hold one JSON object'] };
  const problems = schemaProblems(projectSchema, raw).map((p) => ({ key: p.path.split(/[.[]/)[0], text: p.path ? `"${p.path}" ${p.message}` : p.message }));
  const names = (raw as ProjectSettings).profiles;
  const badName = Array.isArray(names) ? names.map((n) => (typeof n === 'string' ? profileNameProblem(n)?.message : undefined)).find((m) => m !== undefined) : undefined;
  if (badName) problems.push({ key: 'profiles', text: `"profiles": ${badName}` });
  const wrong = new Set(problems.map((p) => p.key));
  const settings = Object.fromEntries(Object.entries(raw).filter(([key]) => key !== '$schema' && !wrong.has(key) && key in (projectSchema().properties as object)));
  return { settings: settings as ProjectSettings, problems: problems.map((p) => p.text) };
}

/** Project files from the nearest to the farthest, merged: a nearer file's key wins. */
export function mergeProjectSettings(nearestFirst: readonly ProjectSettings[]): ProjectSettings {
  return nearestFirst.reduceRight<ProjectSettings>((merged, nearer) => ({ ...merged, ...nearer }), {});
}
