// A DP750/DP752 base station as far as handset provisioning sees it: profiles, accounts, handsets with their line
// slots, and the provisioning settings. Plain JSON-serialisable data, so an editor view can render it as it is.

export const MODELS = ['DP750', 'DP752'] as const;
export type ModelName = (typeof MODELS)[number];

/** Both models share one layout (vendor config template 1.0.13.8). */
export const PROFILE_COUNT = 4;
export const ACCOUNT_COUNT = 10;
export const HANDSET_COUNT = 5;
export const LINE_SLOTS = 10;

export const PROTOCOLS = ['TFTP', 'HTTP', 'HTTPS'] as const;
export type Protocol = (typeof PROTOCOLS)[number];

export interface Profile {
  /** 1–4. */
  readonly index: number;
  name: string;
  /** Primary SIP server; empty when not set. */
  sipServer: string;
  active: boolean;
}

/** HS mode of an account: 1–5 ring only that handset; 101 Circular, 102 Linear, 103 Parallel, 104 Shared. */
export type HsMode = number;

export const HUNT_MODES: Readonly<Record<string, HsMode>> = { Circular: 101, Linear: 102, Parallel: 103, Shared: 104 };
export const HS_MODES: readonly HsMode[] = [1, 2, 3, 4, 5, 101, 102, 103, 104];

export interface Account {
  /** 1–10. */
  readonly slot: number;
  /** SIP user ID; an account with an empty user ID is an empty slot. */
  userId: string;
  authId: string;
  displayName: string;
  /** The profile (1–4) the account registers with. */
  profile: number;
  hsMode: HsMode;
  active: boolean;
}

export interface Handset {
  /** 1–5: HS1 … HS5. */
  readonly number: number;
  /** 10 lowercase hex digits, or null when no handset is registered under this number. */
  ipei: string | null;
  name: string;
  /** Line slots 1–10 in order: the account slot (1–10) each holds, 0 for none. Always 10 entries. */
  lines: number[];
}

export interface ProvisioningSettings {
  /** P27014: fetch a file per handset IPEI. */
  handsetProvisioning: boolean;
  /** P212. */
  protocol: Protocol;
  /** P237: host and path, without a scheme. */
  serverPath: string;
  /** P27015 and P27016. */
  filePrefix: string;
  filePostfix: string;
  /** Whether P1359 (the XML config file password) is set; the password itself is not kept. */
  filePasswordSet: boolean;
}

export interface BaseStation {
  model: ModelName;
  profiles: Profile[];
  accounts: Account[];
  handsets: Handset[];
  provisioning: ProvisioningSettings;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** The values of a base station fresh from the factory, as the vendor's config template gives them. */
export function factoryDefault(model: ModelName = 'DP750'): BaseStation {
  return {
    model,
    profiles: range(PROFILE_COUNT).map((index) => ({ index, name: `profile${index}`, sipServer: '', active: true })),
    accounts: range(ACCOUNT_COUNT).map((slot) => ({
      slot,
      userId: '',
      authId: '',
      displayName: '',
      profile: 1,
      // The template rings account 1 on HS1 only; the rest use the factory hunt mode.
      hsMode: slot === 1 ? 1 : HUNT_MODES.Circular,
      active: true,
    })),
    handsets: range(HANDSET_COUNT).map((number) => ({
      number,
      ipei: null,
      name: `DECT ${number}`,
      lines: [1, ...Array<number>(LINE_SLOTS - 1).fill(0)],
    })),
    provisioning: {
      handsetProvisioning: false,
      protocol: 'HTTP',
      serverPath: 'fm.grandstream.com/gs',
      filePrefix: 'ipei_',
      filePostfix: '',
      filePasswordSet: false,
    },
  };
}

/**
 * A deep copy. Written out rather than `structuredClone`, which costs ten times as much: a folder simulation may
 * copy the model once per file.
 */
export function cloneBaseStation(model: BaseStation): BaseStation {
  return {
    ...model,
    profiles: model.profiles.map((p) => ({ ...p })),
    accounts: cloneAccounts(model.accounts),
    handsets: model.handsets.map((h) => ({ ...h, lines: [...h.lines] })),
    provisioning: { ...model.provisioning },
  };
}

export function cloneAccounts(accounts: readonly Account[]): Account[] {
  return accounts.map((a) => ({ ...a }));
}

/** `HS2`, `Circular`, … as the web UI names an HS mode. */
export function describeHsMode(mode: HsMode): string {
  if (mode >= 1 && mode <= HANDSET_COUNT) return `HS${mode}`;
  return Object.entries(HUNT_MODES).find(([, v]) => v === mode)?.[0] ?? `mode ${mode}`;
}

export function isEmptyAccount(account: Account): boolean {
  return account.userId === '';
}

/** The first profile with exactly this name (names are case-sensitive). */
export function profileByName(model: BaseStation, name: string): Profile | undefined {
  return model.profiles.find((p) => p.name === name);
}

export function profileName(model: BaseStation, index: number): string {
  return model.profiles.find((p) => p.index === index)?.name ?? `profile ${index}`;
}

/** The handsets whose line slots hold this account. */
export function handsetsUsing(model: BaseStation, slot: number): number[] {
  return model.handsets.filter((h) => h.lines.includes(slot)).map((h) => h.number);
}
