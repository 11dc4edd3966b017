// What the base station takes as a SIP profile name (P27762–P27765, profile.N.name): the one rule that every path
// writing a profile name checks (rename from either side, the handset and config checks, import).

/** The template's limit for P27762–P27765. Counted in characters (code points): the guide does not say bytes. */
export const PROFILE_NAME_MAX = 32;

// C0 and C1 controls, DEL, the Unicode line and paragraph separators, noncharacters, and lone surrogates (with the
// u flag a surrogate range matches only a half without its pair): none can stand in a text config line or an XML
// value and be read back as written.
// eslint-disable-next-line no-control-regex
const UNWRITABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufdd0-\ufdef\ufffe\uffff\ud800-\udfff]/u;

/** U+000A for "\n": how a character is named in a message. */
function codePoint(c: string): string {
  return `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

export interface ProfileNameProblem {
  readonly kind: 'empty' | 'too-long' | 'character' | 'spaces';
  readonly message: string;
}

/** Why the base station could not take `name` as a profile name; undefined when it could. */
export function profileNameProblem(name: string): ProfileNameProblem | undefined {
  if (name.trim() === '') return { kind: 'empty', message: 'A profile name cannot be empty.' };
  const length = [...name].length;
  if (length > PROFILE_NAME_MAX) return { kind: 'too-long', message: `A profile name has at most ${PROFILE_NAME_MAX} characters; this one has ${length}.` };
  const bad = UNWRITABLE.exec(name);
  if (bad) return { kind: 'character', message: `A profile name cannot hold the control or non-character ${codePoint(bad[0])}: a config line or XML value cannot carry it.` };
  if (name !== name.trim()) return { kind: 'spaces', message: 'A profile name cannot start or end with a space: a handset file that names the profile without it would not match.' };
  return undefined;
}

/** Why `name` cannot be given to a profile whose siblings are named `others`: the rule above, or a name taken. */
export function newProfileNameProblem(name: string, others: readonly string[]): string | undefined {
  return profileNameProblem(name)?.message ?? (others.includes(name) ? `Another profile is already named '${name}': handset files could not tell the two apart.` : undefined);
}
