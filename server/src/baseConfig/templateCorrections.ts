// Reviewed corrections to what the vendor's template says, each with its reason. The generator applies them after
// reading and fails when one no longer matches what it read (so a new template cannot be corrected silently).

import type { PValueEntry } from './types';

export interface Correction {
  readonly p: readonly number[];
  /** What the template reading gives today, checked before the fix is applied. */
  readonly expect: (entry: PValueEntry) => boolean;
  readonly fix: Partial<PValueEntry>;
  readonly reason: string;
}

const setOf = (entry: PValueEntry, ...values: number[]) =>
  entry.type.kind === 'number' && JSON.stringify(entry.type.intervals) === JSON.stringify(values.map((v) => [v, v]));

export const CORRECTIONS: readonly Correction[] = [
  {
    p: [26023, 26123, 26223, 26323],
    expect: (e) => setOf(e, 0, 2),
    fix: { type: { kind: 'number', intervals: [[0, 2]] } },
    reason: 'Allow Unsolicited REFER: the type line says "0, 2" but its labels name 0 (disabled), 1 (enabled) and 2 (enabled, force auth).',
  },
  {
    p: [30700, 30701, 30702, 30703, 30704],
    expect: (e) => setOf(e, 0, 10),
    fix: { type: { kind: 'number', intervals: [[0, 10]] } },
    reason: 'Custom Ringtone: the type line says "0,10" but the same comment says 1 to 10 pick custom ringtones 1 to 10.',
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
    p: [64],
    expect: (e) => e.name === 'Time Zone' && e.default === 'customize',
    fix: {
      type: { kind: 'string', maxLength: 9 },
      options: [["TZA+12", "GMT-12:00"], ["TZB+11", "GMT-11:00"], ["TZC+10", "GMT-10:00"], ["TZD+9", "GMT-09:00"], ["TZE+8", "GMT-08:00"], ["TZF+7", "GMT-07:00"], ["TZG+6", "GMT-06:00"], ["TZH+5", "GMT-05:00"], ["TZf+4:30", "GMT-04:30"], ["TZI+4", "GMT-04:00"], ["TZJ+3:30", "GMT-03:30"], ["TZK+3", "GMT-03:00"], ["TZL+2", "GMT-02:00"], ["TZM+1", "GMT-01:00"], ["TZN+0", "GMT"], ["TZO-1", "GMT+01:00"], ["TZP-2", "GMT+02:00"], ["TZQ-3", "GMT+03:00"], ["TZR-4", "GMT+04:00"], ["TZS-5", "GMT+05:00"], ["TZT-5:30", "GMT+05:30"], ["TZU-5:45", "GMT+05:45"], ["TZV-6", "GMT+06:00"], ["TZW-6:30", "GMT+06:30"], ["TZX-7", "GMT+07:00"], ["TZY-8", "GMT+08:00"], ["TZZ-9", "GMT+09:00"], ["TZa-9:30", "GMT+09:30"], ["TZb-10", "GMT+10:00"], ["TZc-11", "GMT+11:00"], ["TZd-12", "GMT+12:00"], ["TZe-13", "GMT+13:00"], ["customize", "Self-Defined Time Zone"]],
    },
    reason: 'Time Zone: the template lists its zones as <value="…"> lines the reader takes for comments, so its type came out as "any"; the base station takes one of the listed values (the label is the GMT offset, the value its POSIX spelling with the sign turned round).',
  },
  {
    p: [197, 792, 592, 618],
    expect: (e) => e.name.startsWith('Proxy-Require') && e.type.kind === 'string' && e.type.format === 'ip',
    fix: { type: { kind: 'string' } },
    reason: 'Proxy-Require: the type line says "ipaddress", but the value is the SIP option tag sent in a Proxy-Require header, not an address.',
  },
];
