// The field catalogue: every element an hs_config file may hold, with where it stands, how often, what value it
// takes and what it does. Validation, hover, completion, quick fixes, the preview and generators all read this table;
// no rule about an element is written anywhere else.

import { KEY_MAPPINGS } from './keyMappings';
import { HANDSET_ROOT } from '../../../shared/detect/handsetText';

export type SettingClass = 'admin' | 'user';

export interface Choice {
  readonly value: string;
  /** Short name shown in completion lists and inlay hints. */
  readonly label: string;
  /** Longer explanation for hover. */
  readonly detail?: string;
}

export type ValueSpec =
  /** Free text; `required` means an empty value is an error. */
  | { readonly kind: 'text'; readonly required: boolean; readonly maxLength?: number }
  /** The handset's IPEI, 10 hex digits. */
  | { readonly kind: 'ipei' }
  /** The name of one of the base station's SIP profiles. */
  | { readonly kind: 'profile'; readonly maxLength: number }
  /** One of a fixed set of values. `numeric` sets are contiguous whole-number ranges. */
  | { readonly kind: 'choice'; readonly numeric: boolean; readonly choices: readonly Choice[] };

export interface ElementSpec {
  readonly name: string;
  /** The element it must stand directly inside; `null` for the root. */
  readonly parent: string | null;
  readonly mandatory: boolean;
  readonly maxOccurs: number;
  /** Absent for containers, which hold elements rather than a value. */
  readonly value?: ValueSpec;
  readonly settingClass?: SettingClass;
  /** One line for completion lists. */
  readonly summary: string;
  /** Markdown for hover. */
  readonly doc: string;
}

export const ROOT = HANDSET_ROOT;
export const MAX_LINES = 10;

function switchValue(no: string, yes: string): ValueSpec {
  return {
    kind: 'choice',
    numeric: true,
    choices: [
      { value: '0', label: 'No', detail: no },
      { value: '1', label: 'Yes', detail: yes },
    ],
  };
}

const KEY_MAPPING_VALUE: ValueSpec = {
  kind: 'choice',
  numeric: true,
  choices: KEY_MAPPINGS.map((k) => ({
    value: String(k.value),
    label: k.label,
    detail: k.group ? `${k.group} › ${k.label}` : k.label,
  })),
};

const RINGTONE_VALUE: ValueSpec = {
  kind: 'choice',
  numeric: true,
  choices: [
    { value: '0', label: 'Off', detail: 'No custom ringtone: the handset keeps its own.' },
    ...Array.from({ length: 10 }, (_, i) => ({
      value: String(i + 1),
      label: `ring${i + 1}.bin`,
      detail: `Plays the base station's custom ringtone ring${i + 1}.bin, fetched from the provisioning server.`,
    })),
  ],
};

function keyMapping(name: string, key: string, state: 'idle' | 'call'): ElementSpec {
  const when = state === 'idle' ? 'while the handset is idle' : 'during a call';
  return user(
    name,
    KEY_MAPPING_VALUE,
    `Function of the ${key} ${when}.`,
    `Chooses what the ${key} does ${when}. The value is a number from the key-mapping table ` +
      '(0 = no function, 1–20 = a menu, call-history, phonebook, status or call function).',
  );
}

function admin(name: string, value: ValueSpec, summary: string, doc: string): ElementSpec {
  return { name, parent: 'admin', mandatory: false, maxOccurs: 1, value, settingClass: 'admin', summary, doc };
}

function user(name: string, value: ValueSpec, summary: string, doc: string): ElementSpec {
  return { name, parent: 'user', mandatory: false, maxOccurs: 1, value, settingClass: 'user', summary, doc };
}

const ELEMENTS: readonly ElementSpec[] = [
  {
    name: 'hs_config',
    parent: null,
    mandatory: true,
    maxOccurs: 1,
    summary: 'Root of a handset provisioning file.',
    doc:
      'The root element of a handset provisioning file. The base station fetches one such file per handset, ' +
      'named after the handset\'s IPEI, when the handset first registers and each time it boots.',
  },
  {
    name: 'ipei',
    parent: 'hs_config',
    mandatory: true,
    maxOccurs: 1,
    value: { kind: 'ipei' },
    summary: 'IPEI of the handset this file is for (10 hex digits).',
    doc:
      'The IPEI of the one handset this file is meant for, written as 10 hexadecimal digits (for example ' +
      '`02c332b510`). The base station compares it with the IPEI of the handset that asked for the file and ' +
      'ignores the whole file when they differ.',
  },
  {
    name: 'hs_name',
    parent: 'hs_config',
    mandatory: false,
    maxOccurs: 1,
    value: { kind: 'text', required: false, maxLength: 10 },
    summary: 'Name shown for the handset (at most 10 characters).',
    doc: 'Sets the handset\'s name on the base station. At most 10 characters. Leave it out to keep the current name.',
  },
  {
    name: 'sip',
    parent: 'hs_config',
    mandatory: false,
    maxOccurs: 1,
    summary: 'Holds the SIP lines of the handset.',
    doc:
      'Groups the handset\'s SIP lines. Each `<line>` inside it assigns one SIP account to one of the ' +
      'handset\'s line slots, in order.',
  },
  {
    name: 'line',
    parent: 'sip',
    mandatory: false,
    maxOccurs: MAX_LINES,
    summary: 'One SIP account for the handset (up to 10).',
    doc:
      'One SIP account for the handset. Up to 10 lines, applied in the order they appear. The base station ' +
      'reuses an account that already has this user ID on the same profile, otherwise it writes the account ' +
      'into a free account slot. Lines that disappear from the file are taken off the handset at the next ' +
      'provisioning; their accounts stay on the base station until a slot is needed.',
  },
  {
    name: 'profile_name',
    parent: 'line',
    mandatory: true,
    maxOccurs: 1,
    value: { kind: 'profile', maxLength: 32 },
    summary: 'The base-station profile (SIP server) of this line.',
    doc:
      'Names the SIP profile, and so the SIP server, this line uses. It must match the name of a profile on ' +
      'the base station exactly; if it matches none, the base station rejects the whole file.',
  },
  {
    name: 'user_id',
    parent: 'line',
    mandatory: true,
    maxOccurs: 1,
    value: { kind: 'text', required: true },
    summary: 'SIP user ID of this line.',
    doc:
      'The SIP user ID of the account. Mandatory: without a valid user ID the base station stops provisioning. ' +
      'An account with the same user ID on the same profile is reused; otherwise a new account is created.',
  },
  {
    name: 'display_name',
    parent: 'line',
    mandatory: false,
    maxOccurs: 1,
    value: { kind: 'text', required: false, maxLength: 256 },
    summary: 'SIP display name of the account.',
    doc: 'The caller name sent with outgoing calls on this account.',
  },
  {
    name: 'auth_id',
    parent: 'line',
    mandatory: false,
    maxOccurs: 1,
    value: { kind: 'text', required: false },
    summary: 'SIP authentication ID of the account.',
    doc: 'The name the account authenticates with at the SIP server, when it differs from the user ID.',
  },
  {
    name: 'password',
    parent: 'line',
    mandatory: false,
    maxOccurs: 1,
    value: { kind: 'text', required: false },
    summary: 'SIP authentication password of the account.',
    doc:
      'The SIP password of the account. It is stored in the file as plain text: encrypt the file before you ' +
      'put it on a provisioning server.',
  },
  {
    name: 'ring_type',
    parent: 'line',
    mandatory: false,
    maxOccurs: 1,
    value: {
      kind: 'choice',
      numeric: false,
      choices: [
        {
          value: 'DID',
          label: 'Ring this handset only',
          detail:
            'Incoming calls on this account ring only this handset: the account\'s HS mode becomes "HS X", ' +
            'where X is the handset\'s number on the base station.',
        },
        {
          value: 'Circular',
          label: 'Hunt in rotation',
          detail:
            'Handsets sharing the account are tried in rotation, each call starting after the handset that ' +
            'took the previous one. The base station\'s factory default.',
        },
        {
          value: 'Linear',
          label: 'Hunt in fixed order',
          detail: 'Handsets sharing the account are tried one after another, always from the first.',
        },
        {
          value: 'Parallel',
          label: 'Ring all at once',
          detail: 'Every handset sharing the account rings at once; the first to answer takes the call.',
        },
        {
          value: 'Shared',
          label: 'Shared line',
          detail: 'Every handset sharing the account rings at once and the handsets share the line\'s calls.',
        },
      ],
    },
    summary: 'How incoming calls on this account ring (HS mode).',
    doc:
      'Sets the account\'s HS mode on the base station: which handsets ring for an incoming call on this ' +
      'account, and in what order.',
  },
  {
    name: 'hs_settings',
    parent: 'hs_config',
    mandatory: false,
    maxOccurs: 1,
    summary: 'Handset settings: admin and user settings.',
    doc:
      'Groups the handset\'s settings. `<admin>` settings are always applied; `<user>` settings only when ' +
      '`<force_apply>` is 1.',
  },
  {
    name: 'force_apply',
    parent: 'hs_settings',
    mandatory: false,
    maxOccurs: 1,
    value: switchValue(
      'User settings in this file are not applied; the handset keeps what its user chose.',
      'User settings in this file are applied, overwriting what the handset\'s user chose.',
    ),
    summary: 'Whether the user settings are applied (0 or 1).',
    doc:
      'Decides whether the `<user>` settings of this file are applied. Admin settings can only be changed on ' +
      'the base station and are always applied; user settings can also be changed on the handset, so they are ' +
      'only applied when this is 1. Missing means 0.',
  },
  {
    name: 'admin',
    parent: 'hs_settings',
    mandatory: false,
    maxOccurs: 1,
    summary: 'Admin settings: always applied.',
    doc: 'Settings that only the base station can change. They are applied whatever `<force_apply>` says.',
  },
  admin(
    'disable_private_phonebook',
    switchValue('The handset\'s own phonebook stays available.', 'The handset\'s own phonebook is locked.'),
    'Locks the handset\'s private phonebook (0 or 1).',
    'Locks or unlocks the handset\'s private phonebook.',
  ),
  admin(
    'disable_shared_phonebook',
    switchValue('The shared phonebook stays available.', 'The shared phonebook is locked on this handset.'),
    'Locks the shared phonebook on this handset (0 or 1).',
    'Locks or unlocks the base station\'s shared phonebook on this handset.',
  ),
  admin(
    'disable_conference',
    switchValue('Conference calls stay available.', 'The conference option is removed from the handset.'),
    'Removes the conference option (0 or 1).',
    'Removes or restores the conference option on the handset.',
  ),
  admin(
    'disable_transfer',
    switchValue('Call transfer stays available.', 'The transfer option is removed from the handset.'),
    'Removes the transfer option (0 or 1).',
    'Removes or restores the call-transfer option on the handset.',
  ),
  admin(
    'custom_ringtone',
    RINGTONE_VALUE,
    'Custom ringtone for this handset (0–10).',
    'Picks one of the base station\'s custom ringtones for this handset: 0 turns the custom ringtone off, ' +
      '1–10 select `ring1.bin` … `ring10.bin` from the provisioning server.',
  ),
  {
    name: 'user',
    parent: 'hs_settings',
    mandatory: false,
    maxOccurs: 1,
    summary: 'User settings: applied only when force_apply is 1.',
    doc:
      'Settings the handset\'s user can also change on the handset. They are applied only when ' +
      '`<force_apply>` is 1; otherwise the base station leaves them as they are.',
  },
  user(
    'auto_answer',
    switchValue('Incoming calls ring until answered.', 'Incoming calls are answered automatically.'),
    'Answers incoming calls automatically (0 or 1).',
    'Makes the handset answer incoming calls by itself.',
  ),
  user(
    'cradle_answer',
    switchValue('Lifting the handset does not answer.', 'Lifting the handset from its cradle answers a call.'),
    'Answers a call when the handset is lifted from the cradle (0 or 1).',
    'Answers a ringing call when the handset is taken out of its charging cradle.',
  ),
  user(
    'cradle_hangup',
    switchValue('Putting the handset down does not end the call.', 'Putting the handset in its cradle ends a call.'),
    'Ends a call when the handset is put in the cradle (0 or 1).',
    'Ends the call when the handset is put back into its charging cradle.',
  ),
  user(
    'remote_disconnect_tone_disable',
    switchValue('A tone plays when the other party hangs up.', 'No tone plays when the other party hangs up.'),
    'Silences the tone played when the other party hangs up (0 or 1).',
    'Turns off the tone the handset plays when the remote party ends the call.',
  ),
  user(
    'disable_callwaiting_tone',
    switchValue('A tone announces a second incoming call.', 'No tone announces a second incoming call.'),
    'Silences the call-waiting tone (0 or 1).',
    'Turns off the tone that announces a second incoming call during a call.',
  ),
  user(
    'lcd_backlight_cradle',
    {
      kind: 'choice',
      numeric: true,
      choices: [
        { value: '0', label: 'Disabled', detail: 'The screen light is off while the handset sits in its cradle.' },
        { value: '1', label: 'Enabled', detail: 'The screen light stays on at full brightness in the cradle.' },
        { value: '2', label: 'Dim', detail: 'The screen light stays on, dimmed, in the cradle.' },
      ],
    },
    'Screen light while in the cradle (0 off, 1 on, 2 dim).',
    'Chooses whether the screen stays lit while the handset sits in its charging cradle.',
  ),
  keyMapping('key_up_idle_function', 'Up key', 'idle'),
  keyMapping('key_down_idle_function', 'Down key', 'idle'),
  keyMapping('key_left_idle_function', 'Left key', 'idle'),
  keyMapping('key_right_idle_function', 'Right key', 'idle'),
  keyMapping('key_up_call_function', 'Up key', 'call'),
  keyMapping('key_down_call_function', 'Down key', 'call'),
  keyMapping('key_left_call_function', 'Left key', 'call'),
  keyMapping('key_right_call_function', 'Right key', 'call'),
  keyMapping('left_softkey_idle_function', 'left soft key', 'idle'),
  keyMapping('right_softkey_idle_function', 'right soft key', 'idle'),
  keyMapping('left_softkey_call_function', 'left soft key', 'call'),
  keyMapping('right_softkey_call_function', 'right soft key', 'call'),
  user(
    'mute_as_dnd',
    {
      kind: 'choice',
      numeric: true,
      choices: [
        { value: '0', label: 'Disabled', detail: 'The Mute key only mutes.' },
        { value: '1', label: 'Enabled', detail: 'A long press on Mute turns Do Not Disturb on, another turns it off.' },
      ],
    },
    'Long press on Mute toggles Do Not Disturb (0 or 1).',
    'Makes a long press on the Mute key switch Do Not Disturb on and off.',
  ),
];

const BY_NAME: ReadonlyMap<string, ElementSpec> = new Map(ELEMENTS.map((e) => [e.name, e]));

export function allElements(): readonly ElementSpec[] {
  return ELEMENTS;
}

export function getElement(name: string): ElementSpec | undefined {
  return BY_NAME.get(name);
}

/** The elements that may stand directly inside `parent`, in catalogue (document) order. */
export function childrenOf(parent: string): readonly ElementSpec[] {
  return ELEMENTS.filter((e) => e.parent === parent);
}

/** The chain of ancestors from the root down to the element's parent, e.g. `hs_config › hs_settings › user`. */
export function ancestry(spec: ElementSpec): string[] {
  const chain: string[] = [];
  for (let p = spec.parent; p !== null; p = getElement(p)?.parent ?? null) chain.unshift(p);
  return chain;
}
