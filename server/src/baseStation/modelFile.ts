// The base-station file (`.vscode/hsconfig-base-station.json`): its shape, its JSON Schema, and the loader that
// turns a parsed JSON value into a complete model. Every section and entry is optional: what the file leaves out
// keeps its factory value, so a file need only list what differs.

import {
  ACCOUNT_COUNT,
  factoryDefault,
  HANDSET_COUNT,
  HS_MODES,
  LINE_SLOTS,
  MODELS,
  PROFILE_COUNT,
  PROTOCOLS,
  type BaseStation,
} from '../../../shared/baseStation/model';
import { schemaProblems } from './schemaCheck';
import { boolean, formatProblem, integer, list, nullable, object, oneOf, text, type JsonSchema, type Problem } from './shape';

const PROFILE = object(
  {
    index: integer({ minimum: 1, maximum: PROFILE_COUNT, description: 'Profile number, 1–4.' }),
    name: text({ maxLength: 32, description: 'Profile name (P27762–P27765); `<profile_name>` must match it exactly.' }),
    sipServer: text({ description: 'Primary SIP server (P47, P747, P547, P602).' }),
    active: boolean('Profile active (P271, P401, P501, P601).'),
  },
  { required: ['index'], description: 'A SIP profile.' },
);

const ACCOUNT = object(
  {
    slot: integer({ minimum: 1, maximum: ACCOUNT_COUNT, description: 'Account slot, 1–10.' }),
    userId: text({ description: 'SIP user ID (P4060–P4069); empty for an empty slot.' }),
    authId: text({ description: 'Authentication ID (P4090–P4099).' }),
    displayName: text({ maxLength: 256, description: 'Display name (P4180–P4189).' }),
    profile: integer({ minimum: 1, maximum: PROFILE_COUNT, description: 'Profile the account uses, 1–4 (P4150–P4159 hold 0–3).' }),
    hsMode: oneOf(HS_MODES, 'HS mode (P27080–P27089): 1–5 ring only HS1–HS5; 101 Circular, 102 Linear, 103 Parallel, 104 Shared.'),
    active: boolean('Account active (P4595–P4604).'),
  },
  { required: ['slot'], description: 'A SIP account.' },
);

const HANDSET = object(
  {
    number: integer({ minimum: 1, maximum: HANDSET_COUNT, description: 'Handset number, 1–5 (HS1–HS5).' }),
    ipei: nullable(text({ pattern: /^[0-9a-fA-F]{10}$/, patternText: '10 hex digits', description: 'IPEI of the handset registered under this number; null for none.' })),
    name: text({ maxLength: 10, description: 'Handset name (P27020–P27024).' }),
    lines: list(integer({ minimum: 0, maximum: ACCOUNT_COUNT, description: 'Account slot on this line, 0 for none.' }), {
      maxItems: LINE_SLOTS,
      description: 'Line slots 1–10 in order: the account slot each holds, 0 for none. Missing trailing slots are 0.',
    }),
  },
  { required: ['number'], description: 'A handset number on the base station.' },
);

const PROVISIONING = object(
  {
    handsetProvisioning: boolean('Handset provisioning by IPEI file on (P27014).'),
    protocol: oneOf(PROTOCOLS, 'Provisioning via (P212).'),
    serverPath: text({ description: 'Config server path without a scheme (P237).' }),
    filePrefix: text({ maxLength: 32, description: 'Handset config file prefix (P27015); may hold a folder.' }),
    filePostfix: text({ maxLength: 32, description: 'Handset config file postfix (P27016).' }),
    filePasswordSet: boolean('Whether the XML config file password (P1359) is set.'),
  },
  { description: 'Provisioning settings.' },
);

const FILE = object(
  {
    $schema: text({ description: 'Where the schema of this file is.' }),
    model: oneOf(MODELS, 'Base-station model.'),
    profiles: list(PROFILE, { maxItems: PROFILE_COUNT, description: 'Profiles that differ from the factory values.' }),
    accounts: list(ACCOUNT, { maxItems: ACCOUNT_COUNT, description: 'Accounts that differ from the factory values.' }),
    handsets: list(HANDSET, { maxItems: HANDSET_COUNT, description: 'Handsets that differ from the factory values.' }),
    provisioning: PROVISIONING,
  },
  { description: 'A Grandstream DP750/DP752 base station as hsconfig models it for handset provisioning.' },
);

/** The JSON Schema of the base-station file, as `schemas/base-station.schema.json` holds it. */
export function baseStationSchema(): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'hsconfig base station',
    ...FILE.schema,
  };
}

export type LoadResult = { readonly ok: true; readonly model: BaseStation } | { readonly ok: false; readonly problems: readonly Problem[] };

export function loadBaseStation(json: unknown): LoadResult {
  const bySchema = schemaProblems(baseStationSchema, json);
  const problems: Problem[] = [];
  const file = FILE.check(json, '', problems);
  // The schema decides; our own checker words the same problems better, so its words are used when it has any.
  if (bySchema.length > 0 || !file) return { ok: false, problems: problems.length > 0 ? problems : bySchema };
  const model = factoryDefault(file.model);
  checkUnique(file.profiles, 'profiles', 'index', problems);
  checkUnique(file.accounts, 'accounts', 'slot', problems);
  checkUnique(file.handsets, 'handsets', 'number', problems);
  checkIpeisUnique(file.handsets ?? [], problems);
  if (problems.length > 0) return { ok: false, problems };
  for (const p of file.profiles ?? []) Object.assign(model.profiles[p.index - 1], p);
  for (const a of file.accounts ?? []) Object.assign(model.accounts[a.slot - 1], a);
  for (const h of file.handsets ?? []) {
    const target = model.handsets[h.number - 1];
    if (h.ipei !== undefined) target.ipei = h.ipei === null ? null : h.ipei.toLowerCase();
    if (h.name !== undefined) target.name = h.name;
    if (h.lines) target.lines = [...h.lines, ...Array<number>(LINE_SLOTS - h.lines.length).fill(0)];
  }
  Object.assign(model.provisioning, file.provisioning ?? {});
  return { ok: true, model };
}

/** Parses and loads the text of a base-station file; problems are one line each. */
export function parseBaseStationJson(textValue: string): LoadResult {
  let json: unknown;
  try {
    json = JSON.parse(textValue);
  } catch (err) {
    return { ok: false, problems: [{ path: '', message: `not valid JSON: ${err instanceof Error ? err.message : String(err)}` }] };
  }
  return loadBaseStation(json);
}

export function describeProblems(problems: readonly Problem[]): string {
  return problems.map(formatProblem).join('\n');
}

function checkUnique<T extends Record<K, number>, K extends string>(items: readonly T[] | undefined, name: string, key: K, problems: Problem[]): void {
  const seen = new Map<number, number>();
  (items ?? []).forEach((item, i) => {
    const first = seen.get(item[key]);
    if (first !== undefined) problems.push({ path: `${name}[${i}].${key}`, message: `${item[key]} is already given by ${name}[${first}]` });
    else seen.set(item[key], i);
  });
}

function checkIpeisUnique(handsets: readonly { number: number; ipei?: string | null }[], problems: Problem[]): void {
  const seen = new Map<string, number>();
  handsets.forEach((h, i) => {
    if (!h.ipei) return;
    const ipei = h.ipei.toLowerCase();
    const first = seen.get(ipei);
    if (first !== undefined) problems.push({ path: `handsets[${i}].ipei`, message: `${ipei} is already registered as HS${handsets[first].number}` });
    else seen.set(ipei, i);
  });
}

/** The complete model as a base-station file: every profile, account and handset written out. */
export function toBaseStationJson(model: BaseStation): Record<string, unknown> {
  return {
    model: model.model,
    profiles: model.profiles,
    accounts: model.accounts,
    handsets: model.handsets,
    provisioning: model.provisioning,
  };
}

export type { JsonSchema };
