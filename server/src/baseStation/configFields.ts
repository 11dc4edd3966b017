// The base-station configuration values the model is read from: each named by its v2 alias, with how it changes the
// model. The P-number of each comes from the generated catalogue (the vendor's templates), the one place P-numbers
// are kept; handset 4's irregular line P-values (4250, 4251, 21320…) come from there too.

import { ACCOUNT_COUNT, HANDSET_COUNT, HS_MODES, LINE_SLOTS, PROFILE_COUNT, PROTOCOLS, type BaseStation } from '../../../shared/baseStation/model';
import { pNumberOf } from '../baseConfig/catalogue';

export interface ConfigField {
  /** `P27762`. */
  readonly p: string;
  /** `profile.1.name`. */
  readonly alias: string;
  /** Applies a value to the model; returns what is wrong with it, if anything. An empty number leaves the default. */
  readonly apply: (model: BaseStation, value: string) => string | undefined;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);


/** Numbers as the templates write them: `1`, and in v2 also `1.0`. */
function wholeNumber(value: string): number | undefined {
  return /^-?\d+(\.0+)?$/.test(value) ? Math.trunc(Number(value)) : undefined;
}

function numberField(alias: string, allowed: (n: number) => boolean, expected: string, set: (m: BaseStation, n: number) => void): ConfigField {
  return {
    p: `P${pNumberOf(alias)}`,
    alias,
    apply(model, value) {
      if (value === '') return undefined;
      const n = wholeNumber(value);
      if (n === undefined || !allowed(n)) return `expected ${expected}, found "${value}"`;
      set(model, n);
      return undefined;
    },
  };
}

const between = (lo: number, hi: number) => (n: number) => n >= lo && n <= hi;

function switchField(alias: string, set: (m: BaseStation, on: boolean) => void): ConfigField {
  return numberField(alias, between(0, 1), '0 or 1', (m, n) => set(m, n === 1));
}

function textField(alias: string, set: (m: BaseStation, v: string) => void): ConfigField {
  return { p: `P${pNumberOf(alias)}`, alias, apply: (model, value) => void set(model, value) };
}

function profileFields(i: number): ConfigField[] {
  const profile = (m: BaseStation) => m.profiles[i - 1];
  return [
    switchField(`profile.${i}.enable`, (m, on) => void (profile(m).active = on)),
    textField(`profile.${i}.name`, (m, v) => void (profile(m).name = v)),
    textField(`profile.${i}.sip.server.1.address`, (m, v) => void (profile(m).sipServer = v)),
  ];
}

function accountFields(a: number): ConfigField[] {
  const account = (m: BaseStation) => m.accounts[a - 1];
  return [
    textField(`account.${a}.sip.user_id`, (m, v) => void (account(m).userId = v)),
    textField(`account.${a}.sip.subscriber.user_id`, (m, v) => void (account(m).authId = v)),
    textField(`account.${a}.sip.subscriber.name`, (m, v) => void (account(m).displayName = v)),
    numberField(`account.${a}.sip.profile_id`, between(0, PROFILE_COUNT - 1), '0–3 (profile 1–4)', (m, n) => void (account(m).profile = n + 1)),
    numberField(`account.${a}.ring.mode`, (n) => HS_MODES.includes(n), '1–5 or 101–104', (m, n) => void (account(m).hsMode = n)),
    switchField(`account.${a}.enable`, (m, on) => void (account(m).active = on)),
  ];
}

const lineAlias = (h: number, l: number) => `handset.${h}.line.${l}.sip.account`;

/** P-values of each handset's 10 line slots. */
export const HANDSET_LINE_P_VALUES: readonly (readonly number[])[] = range(HANDSET_COUNT).map((h) => range(LINE_SLOTS).map((l) => pNumberOf(lineAlias(h, l))));

function handsetFields(h: number): ConfigField[] {
  const handset = (m: BaseStation) => m.handsets[h - 1];
  return [
    textField(`handset.${h}.name`, (m, v) => void (handset(m).name = v)),
    ...range(LINE_SLOTS).map((l) =>
      numberField(lineAlias(h, l), between(0, ACCOUNT_COUNT), '0–10 (none or account 1–10)', (m, n) => void (handset(m).lines[l - 1] = n)),
    ),
  ];
}

const PROVISIONING_FIELDS: ConfigField[] = [
  switchField('provisioning.handset.enable', (m, on) => void (m.provisioning.handsetProvisioning = on)),
  numberField('provisioning.protocol', between(0, 2), '0 (TFTP), 1 (HTTP) or 2 (HTTPS)', (m, n) => void (m.provisioning.protocol = PROTOCOLS[n])),
  textField('provisioning.server_path', (m, v) => void (m.provisioning.serverPath = v)),
  textField('provisioning.handset.file_prefix', (m, v) => void (m.provisioning.filePrefix = v)),
  textField('provisioning.handset.file_postfix', (m, v) => void (m.provisioning.filePostfix = v)),
  textField('provisioning.file_password', (m, v) => void (m.provisioning.filePasswordSet = v !== '')),
];

export const CONFIG_FIELDS: readonly ConfigField[] = [
  ...range(PROFILE_COUNT).flatMap(profileFields),
  ...range(ACCOUNT_COUNT).flatMap(accountFields),
  ...range(HANDSET_COUNT).flatMap(handsetFields),
  ...PROVISIONING_FIELDS,
];

const BY_KEY: ReadonlyMap<string, ConfigField> = new Map(CONFIG_FIELDS.flatMap((f) => [[f.p, f], [f.alias, f]] as [string, ConfigField][]));

/** The field a P-value (`P27762`) or a v2 alias (`profile.1.name`) names, if the model uses it. */
export function configField(key: string): ConfigField | undefined {
  return BY_KEY.get(key);
}
