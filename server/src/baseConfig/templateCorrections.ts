// Reviewed corrections to what the vendor's template says, each with its reason. The generator applies them after
// reading and fails when one no longer matches what it read (so a new template cannot be corrected silently).

import type { PValueEntry } from './types';

export interface Correction {
  readonly p: readonly number[];
  /** What the template reading gives today, checked before the fix is applied. */
  readonly expect: (entry: PValueEntry) => boolean;
  readonly fix: Partial<PValueEntry>;
  readonly reason: string;
  /** What users are told in hover and `hsconfig explain`, when the correction changes what they may write. */
  readonly note?: string;
}

const setOf = (entry: PValueEntry, ...values: number[]) =>
  entry.type.kind === 'number' && JSON.stringify(entry.type.intervals) === JSON.stringify(values.map((v) => [v, v]));

/** The preferred vocoders, choices 1 to 8 of profiles 1 to 4. */
const VOCODER_CHOICES = [[57, 58, 59, 60, 61, 62, 46, 98], [757, 758, 759, 760, 761, 762, 814, 815], [557, 558, 559, 660, 661, 662, 514, 515], [651, 652, 653, 654, 655, 656, 4657, 658]].flat();

export const CORRECTIONS: readonly Correction[] = [
  {
    p: [26023, 26123, 26223, 26323],
    expect: (e) => setOf(e, 0, 2),
    fix: { type: { kind: 'number', intervals: [[0, 2]] } },
    reason: 'Allow Unsolicited REFER: the type line says "0, 2" but its labels name 0 (disabled), 1 (enabled) and 2 (enabled, force auth).',
    note: 'The template\'s list says 0 and 2, its labels 0, 1 and 2; hsconfig takes all three.',
  },
  {
    p: [30700, 30701, 30702, 30703, 30704],
    expect: (e) => setOf(e, 0, 10),
    fix: { type: { kind: 'number', intervals: [[0, 10]] } },
    reason: 'Custom Ringtone: the type line says "0,10" but the same comment says 1 to 10 pick custom ringtones 1 to 10.',
    note: 'The template\'s list says 0 and 10, its labels 0 (off) and 1–10 (custom ringtones 1–10); hsconfig takes 0–10.',
  },
  {
    p: [27008],
    expect: (e) => e.type.kind === 'number' && !e.type.intervals && e.default === '0000',
    fix: { type: { kind: 'string', minLength: 4, maxLength: 4, charset: 'digits' } },
    reason: 'Admin PIN: "4 digit number" with the default 0000; as a number the leading zeros would be lost, so it is four digits.',
  },
  {
    p: [1359],
    expect: (e) => e.mandatory && e.default === '',
    fix: { mandatory: false, type: { kind: 'string', maxLength: 40, charset: 'printable' } },
    reason: 'XML Config File Password: its "Mandatory" line carries the character rule (ASCII 33-126); the factory value is empty (no encryption), so empty is allowed.',
  },
  {
    p: [27016],
    expect: (e) => e.name === 'Handset Config File Prefix',
    fix: { name: 'Handset Config File Postfix' },
    reason: 'The title says "Prefix" but the description, the v2 alias (file_postfix) and P27015 beside it make it the postfix.',
  },
  {
    p: [5047],
    expect: (e) => e.alias === undefined && e.name === 'Layer 3 QoS SIP Diff-Serv',
    fix: { alias: 'profile.2.network.layer3_qos.sip_dscp' },
    reason: 'Profile 2\'s SIP Diff-Serv: the text template lost the "#" of its title and the v2 template its description, so the two could not be paired by title; profiles 1, 3 and 4 pair the same way.',
  },
  {
    p: VOCODER_CHOICES,
    expect: (e) => setOf(e, 0, 2, 4, 8, 9, 18, 98, 100, 102, 103, 104),
    fix: { type: { kind: 'number' } },
    reason: 'Preferred Vocoder: the labelled codes (PCMU … G.722) are not all there is: the v2 template sets choice 8 to 125, which the list does not name (125 is the OPUS payload type the v2 template sets in P2385), so any whole number is taken and the labels stay.',
    note: 'The labels name the common codecs; the v2 template sets choice 8 to 125, which they do not name, so any whole number is taken.',
  },
  {
    p: [197, 792, 592, 618],
    expect: (e) => e.name.startsWith('Proxy-Require') && e.type.kind === 'string' && e.type.format === 'ip',
    fix: { type: { kind: 'string' } },
    reason: 'Proxy-Require: the type line says "ipaddress", but the value is the SIP option tag sent in a Proxy-Require header, not an address.',
  },
];
