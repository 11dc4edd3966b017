// When to ask for the XML config file password (P1359), when to reuse one, and when to offer to remember it. Pure:
// the questions go through `PasswordUi` and the secret storage through `SecretSlot`, so plain-Node tests walk every
// path. The rules:
// - a password is offered to be remembered only after it decrypted something, or after it was typed twice for
//   encrypting; never one that was only typed;
// - a new encryption password is typed twice;
// - reusing a known password for encrypting says which one (remembered for the workspace, or typed earlier in this
//   window) and offers to use another;
// - a known password that does not decrypt a file is not thrown away: the user is asked for that file's password.

import { passwordProblem } from '../../../shared/domain/configPassword';

export interface PasswordUi {
  /** A masked input box; `undefined` when cancelled. */
  enter(question: { title: string; prompt: string; validate: (value: string) => string | undefined }): Promise<string | undefined>;
  /** A pick list; `undefined` when cancelled. */
  choose<T extends string>(title: string, options: readonly { label: string; detail?: string; value: T }[]): Promise<T | undefined>;
  /** Asked on the side (not awaited by the command): remember this password for the workspace? */
  offerToRemember(message: string): Promise<boolean>;
}

export interface SecretSlot {
  get(): Promise<string | undefined>;
  store(value: string): Promise<void>;
  delete(): Promise<void>;
}

/** What a decryption attempt with one password came to. */
export type Attempt<T> = { readonly ok: T } | { readonly wrongPassword: string };

type Origin = 'remembered' | 'typed' | 'api';

const DESCRIBE: Record<Origin, string> = {
  remembered: "the password remembered for this workspace (VS Code's secret storage)",
  typed: 'the password typed earlier in this window',
  api: 'the password set by an extension',
};

const MAX_TRIES = 3;
const PROMPT = 'The XML Config File Password of the base station (P1359)';

export class PasswordFlow {
  private known: { value: string; origin: Origin } | undefined;
  private offers: Promise<void>[] = [];

  constructor(
    private readonly ui: PasswordUi,
    private readonly secret: SecretSlot,
  ) {}

  /** How the password in use was obtained, for messages (never the password itself). */
  describeKnown(): string | undefined {
    return this.known && DESCRIBE[this.known.origin];
  }

  /**
   * Decrypts with the known password, else (or when it does not fit this file) with one the user types, up to three
   * tries. `undefined` when the user cancels; non-password failures are thrown by `attempt`.
   */
  async decrypt<T>(fileName: string, attempt: (password: string) => Attempt<T>): Promise<T | undefined> {
    const known = await this.load();
    let reason = '';
    if (known) {
      const result = attempt(known.value);
      if ('ok' in result) return result.ok;
      reason = `${capitalise(DESCRIBE[known.origin])} does not decrypt ${fileName}. `;
    }
    for (let tries = 0; tries < MAX_TRIES; tries++) {
      const typed = await this.ui.enter({
        title: `Password to decrypt ${fileName}`,
        prompt: `${reason}${PROMPT}`,
        validate: (v) => (v ? undefined : 'Enter the password.'),
      });
      if (typed === undefined) return undefined;
      const result = attempt(typed);
      if ('ok' in result) {
        this.use(typed, 'typed');
        return result.ok;
      }
      reason = `${result.wrongPassword} `;
    }
    throw new Error(`${fileName}: ${reason.trim()} (${MAX_TRIES} tries)`);
  }

  /** The password to encrypt with: a known one the user agrees to reuse, else a new one typed twice. */
  async forEncrypt(what: string): Promise<string | undefined> {
    const known = await this.load();
    if (known?.origin === 'api') return known.value;
    if (known) {
      const choice = await this.ui.choose(`Password to encrypt ${what}`, [
        { label: `Use ${DESCRIBE[known.origin]}`, value: 'reuse' },
        { label: 'Enter a different password…', detail: 'typed twice; offered to be remembered instead', value: 'new' },
      ]);
      if (choice === undefined) return undefined;
      if (choice === 'reuse') return known.value;
    }
    return this.askNew(what);
  }

  /** Sets the password without asking (the extension's API); kept in secret storage if `remember`. */
  async set(password: string, remember: boolean): Promise<void> {
    const problem = passwordProblem(password);
    if (problem) throw new Error(problem);
    this.known = { value: password, origin: 'api' };
    if (remember) await this.secret.store(password);
  }

  async forget(): Promise<void> {
    this.known = undefined;
    await this.secret.delete();
  }

  /** Settles once every "remember?" question asked so far is answered (for tests). */
  async settled(): Promise<void> {
    await Promise.all(this.offers);
  }

  private async askNew(what: string): Promise<string | undefined> {
    const first = await this.ui.enter({ title: `New password to encrypt ${what}`, prompt: PROMPT, validate: (v) => passwordProblem(v) });
    if (first === undefined) return undefined;
    const again = await this.ui.enter({
      title: `New password to encrypt ${what}: type it again`,
      prompt: 'The same password once more, to be sure it has no typing mistake',
      validate: (v) => (v === first ? undefined : 'The two passwords differ.'),
    });
    if (again !== first) return undefined;
    this.use(first, 'typed');
    return first;
  }

  private async load(): Promise<{ value: string; origin: Origin } | undefined> {
    if (!this.known) {
      const stored = await this.secret.get();
      if (stored) this.known = { value: stored, origin: 'remembered' };
    }
    return this.known;
  }

  /** A password proven to work (it decrypted, or it was typed twice): used from now on, and offered to be remembered. */
  private use(password: string, origin: Origin): void {
    this.known = { value: password, origin };
    this.offers.push(
      (async () => {
        const stored = await this.secret.get();
        if (stored === password) return;
        const instead = stored ? ' instead of the one remembered now' : '';
        const yes = await this.ui.offerToRemember(`Remember this password for this workspace${instead}? It is kept in VS Code's secret storage, not in your settings.`);
        if (yes && this.known?.value === password) {
          await this.secret.store(password);
          this.known = { value: password, origin: 'remembered' };
        }
      })().catch(() => undefined),
    );
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
