// The points of a provisioning the vendor's guide leaves open, and the reading the simulation takes on each. A
// simulation lists the ones its result rests on; the README's table is checked against this list.

import { markdownCell } from '../handset/describe';
import type { Assumption, AssumptionId } from '../../../shared/baseStation/assumption';

export const ASSUMPTIONS: readonly Assumption[] = [
  {
    id: 'registration',
    guideSays: 'A handset asks for its file when it registers for the first time or boots while registered.',
    silentOn: 'Whether registering depends on handset provisioning being on, or on what the file then says.',
    assumed: 'The handset registers first, whatever follows: with provisioning off, or with a file that stops, it still holds its handset number.',
    why: 'Registration is the DECT pairing that triggers the request; the file cannot undo it.',
  },
  {
    id: 'handset-number',
    silentOn: 'Which handset number (HS1–HS5) a newly registered handset gets.',
    assumed: 'The lowest free number.',
    why: 'It is the plain reading of a numbered list; a DID account rings "HS X" by that number, so check the number the base station gave.',
  },
  {
    id: 'account-match',
    guideSays: 'A line is mapped to an existing account with the same user ID and server.',
    silentOn: 'How the server of a line is known.',
    assumed: 'An account matches when its user ID equals <user_id> and it uses the profile named by <profile_name>.',
    why: 'A profile holds the SIP server, so the same user ID on another profile is another account.',
  },
  {
    id: 'removal-first',
    guideSays: 'Lines the new file no longer has are removed; their accounts stay until they are removed as stale accounts when a slot is needed.',
    silentOn: 'Whether the removal happens before or after the file\'s own lines take their account slots.',
    assumed: 'Before: the accounts of the removed lines already count as stale (when no other handset holds them) for the lines of the same file.',
    why: 'The guide tells admins to remove a line by deleting it from the file; a removal that only took effect at the next provisioning would refuse lines that fit.',
  },
  {
    id: 'line-slot',
    guideSays: 'An existing account goes on the handset\'s first available line slot.',
    silentOn: 'Which line slot a new account takes, and whether lines the handset keeps move.',
    assumed: 'A line whose account the handset already holds keeps its line slot; every other line takes the first free line slot, after the removed lines have freed theirs.',
    why: 'Keeping lines in place is what a user of the handset expects; the guide\'s "first available line slot" covers the rest.',
  },
  {
    id: 'new-account-fields',
    guideSays: 'A new account is written from the line\'s account information.',
    silentOn: 'What happens to the fields the line leaves out when the slot held an account before.',
    assumed: 'The user ID, auth ID, display name and profile are all written; a field the line leaves out is written empty, not kept from the slot\'s previous account.',
    why: 'A new account belongs to the line\'s user; another user\'s auth ID or name would be wrong for it.',
  },
  {
    id: 'reused-account-fields',
    guideSays: 'A line whose user ID and server match an account is mapped to that account.',
    silentOn: 'Whether the line\'s auth ID, password and display name overwrite the existing account\'s.',
    assumed: 'They do not: the account is used as it is, and only <ring_type> changes it.',
    why: '"Mapped to the existing account" reads as using it, not rewriting it; other handsets may share it.',
  },
  {
    id: 'new-account-hs-mode',
    guideSays: '<ring_type> sets the account\'s HS mode.',
    silentOn: 'The HS mode of a new account when the line has no <ring_type>, and whether a new account is made active.',
    assumed: 'The empty slot keeps the HS mode and active flag it had (factory: active, Circular, but account 1 rings only HS1); a warning is shown when the account then rings only another handset or is not active.',
    why: 'Nothing in the file sets it; the warning makes the safe choice plain: give the line a <ring_type>.',
  },
  {
    id: 'empty-slot-on-handsets',
    guideSays: 'A new account takes the first empty account slot.',
    silentOn: 'What happens to other handsets whose line slots already point at that empty account (the factory puts account 1 on line 1 of every handset).',
    assumed: 'They keep pointing at it, so they get the new account too; a warning names the registered ones.',
    why: 'Nothing in the workflow touches another handset\'s line slots; seeing the account appear on other handsets beforehand is better than finding it there afterwards.',
  },
  {
    id: 'stale-account-settings',
    silentOn: 'Whether a stale account that a new line replaces keeps its old HS mode and active flag.',
    assumed: 'It keeps both; a warning is shown when the account then rings only another handset or is not active.',
    why: 'Nothing in the file sets the active flag, nor the HS mode without <ring_type>; a new account for one handset that rings only another is a trap worth seeing before it happens.',
  },
  {
    id: 'fleet-order',
    silentOn: 'In which order handsets ask for their files: that depends on when each one registers or boots.',
    assumed: 'A folder simulation provisions the files in the order of their paths, each handset once per file.',
    why: 'Some order has to be chosen; a shortage may depend on it, since a handset provisioned with fewer lines frees its accounts only when its own file is applied.',
  },
];

/** The assumptions among `ids`, once each, in the catalogue's order. */
export function assumptionsFor(ids: Iterable<AssumptionId>): Assumption[] {
  const used = new Set(ids);
  return ASSUMPTIONS.filter((a) => used.has(a.id));
}

/** The README's table of every assumption (between its `assumptions` markers), so the two cannot drift apart. */
export function assumptionsTable(): string {
  const cell = (text = '') => markdownCell(text.replace(/<[a-z_]+>/g, (tag) => `\`${tag}\``)) || '—';
  const rows = ASSUMPTIONS.map((a) => `| \`${a.id}\` | ${cell(a.guideSays)} | ${cell(a.silentOn)} | ${cell(a.assumed)} | ${cell(a.why)} |`);
  return ['| Id | The guide says | It leaves open | The simulation assumes | Why |', '|---|---|---|---|---|', ...rows].join('\n');
}
