// The XML config file password as the base station stores it (P1359).

export const MAX_PASSWORD_LENGTH = 40;

const PRINTABLE_NO_SPACE = /^[\x21-\x7e]+$/;

/**
 * Why the base station could not hold this password, in plain words, or `undefined` when it can: P1359 takes
 * 1–40 printable ASCII characters (codes 33–126), so no spaces and no accented letters.
 */
export function passwordProblem(password: string): string | undefined {
  if (password.length === 0) return 'The password is empty.';
  if (password.length > MAX_PASSWORD_LENGTH) {
    return `The password has ${password.length} characters; the base station (P1359) takes at most ${MAX_PASSWORD_LENGTH}.`;
  }
  if (password.includes(' ')) return 'The password contains a space; the base station (P1359) does not allow spaces.';
  if (!PRINTABLE_NO_SPACE.test(password)) {
    // The message names no character: it would leak part of the password into logs.
    return 'The password contains a character the base station (P1359) does not allow: only printable ASCII (codes 33–126) is allowed, no accented letters, tabs or other control characters.';
  }
  return undefined;
}
