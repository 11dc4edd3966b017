// What the base station does with a handset file when a handset asks for it, step by step, following the handset
// provisioning workflow and nothing more: request, IPEI check, profile and user-ID checks (any failure stops
// everything), then the lines in order, the name and the settings.

import { getElement, MAX_LINES } from '../languageService/catalogue';
import type { Span } from '../languageService/parser';
import { isHexIpei } from '../domain/ipei';
import { planLines, type AccountPlan } from './accounts';
import { diffModels, type ModelDifference } from './diff';
import { readHandsetFile, type FileLine, type FileSetting, type HandsetFile } from './handsetFile';
import { cloneBaseStation, describeHsMode, HUNT_MODES, profileByName, profileName, type BaseStation, type HsMode } from './model';

export type StepStatus = 'pass' | 'fail' | 'info';

export type StepKind =
  | 'provisioning'
  | 'handset'
  | 'request'
  | 'file'
  | 'ipei'
  | 'profile'
  | 'user-id'
  | 'account'
  | 'line-removed'
  | 'ring-type'
  | 'hs-name'
  | 'force-apply'
  | 'setting';

export interface Step {
  readonly status: StepStatus;
  readonly kind: StepKind;
  readonly message: string;
  /** The part of the handset file the step concerns, as UTF-16 offsets, for an editor to reveal. */
  readonly span?: Span;
}

export type Outcome = 'not-requested' | 'stopped' | 'applied' | 'partly-applied';

/** How reports name an outcome: a badge word, and a sentence that says what it means. */
export const OUTCOME_TEXT: Readonly<Record<Outcome, { readonly short: string; readonly long: string }>> = {
  'not-requested': { short: 'Not requested', long: 'not requested: handset provisioning is off' },
  stopped: { short: 'Stopped', long: 'stopped: the file changes nothing' },
  applied: { short: 'Applied', long: 'applied' },
  'partly-applied': { short: 'Partly applied', long: 'applied, but some lines found no account slot' },
};

/** The mark reports put before a step. */
export const STEP_MARK: Readonly<Record<StepStatus, string>> = { pass: '✔', fail: '✖', info: '•' };

export interface LineResult {
  readonly line: number;
  readonly userId: string;
  readonly profile: number;
  readonly how: 'reused' | 'new' | 'replaced' | 'no-slot';
  /** The account slot the line ends up on. */
  readonly account?: number;
  /** The handset line slot (1–10) that holds it. */
  readonly lineSlot?: number;
  /** The HS mode the line's `<ring_type>` set, if it set one. */
  readonly hsMode?: HsMode;
  readonly ringType?: string;
  readonly span: Span;
}

export interface SettingResult {
  readonly name: string;
  readonly value: string;
  readonly settingClass: 'admin' | 'user';
  readonly applied: boolean;
  readonly reason: string;
  readonly span: Span;
}

export interface Difference extends ModelDifference {
  readonly settings: readonly SettingResult[];
}

export interface SimulationResult {
  readonly outcome: Outcome;
  /** The IPEI that asked for the file. */
  readonly ipei: string;
  readonly url: string;
  /** The handset number the IPEI has (or gets) on the base station. */
  readonly handset?: number;
  readonly steps: readonly Step[];
  readonly lines: readonly LineResult[];
  readonly before: BaseStation;
  readonly after: BaseStation;
  readonly difference: Difference;
}

/** `http://server/path/[prefix][IPEI].xml[postfix]`, the file the base station asks for. */
export function requestUrl(model: BaseStation, ipei: string): string {
  const p = model.provisioning;
  const server = p.serverPath.replace(/\/+$/, '');
  return `${p.protocol.toLowerCase()}://${server}/${p.filePrefix}${ipei.toLowerCase()}.xml${p.filePostfix}`;
}

export function simulate(model: BaseStation, ipei: string, text: string): SimulationResult {
  return new Simulation(model, ipei.toLowerCase(), text).run();
}

class Stop extends Error {}

class Simulation {
  private readonly after: BaseStation;
  private readonly steps: Step[] = [];
  private readonly lines: LineResult[] = [];
  private readonly settings: SettingResult[] = [];
  private handset?: number;

  constructor(
    private readonly before: BaseStation,
    private readonly ipei: string,
    private readonly text: string,
  ) {
    this.after = cloneBaseStation(before);
  }

  run(): SimulationResult {
    const outcome = this.outcome();
    // A stop comes before any change but the handset's registration, which happens whatever its file says.
    const stopped = outcome === 'stopped' || outcome === 'not-requested';
    const after = this.after;
    return {
      outcome,
      ipei: this.ipei,
      url: requestUrl(this.before, this.ipei),
      handset: this.handset,
      steps: this.steps,
      lines: stopped ? [] : this.lines,
      before: cloneBaseStation(this.before),
      after,
      difference: { ...diffModels(this.before, after), settings: stopped ? [] : this.settings },
    };
  }

  private outcome(): Outcome {
    if (!this.before.provisioning.handsetProvisioning) {
      this.step('info', 'provisioning', 'Handset provisioning is off on the base station (P27014 = 0): no file is requested and nothing changes.');
      return 'not-requested';
    }
    try {
      const file = this.request();
      this.check(file);
      this.apply(file);
    } catch (err) {
      if (err instanceof Stop) return 'stopped';
      throw err;
    }
    return this.lines.some((l) => l.how === 'no-slot') ? 'partly-applied' : 'applied';
  }

  private step(status: StepStatus, kind: StepKind, message: string, span?: Span): void {
    this.steps.push(span ? { status, kind, message, span } : { status, kind, message });
  }

  private stop(kind: StepKind, message: string, span?: Span): never {
    this.step('fail', kind, `${message} Provisioning stops here: the file changes nothing.`, span);
    throw new Stop();
  }

  private request(): HandsetFile {
    if (!isHexIpei(this.ipei)) this.stop('handset', `'${this.ipei}' is not an IPEI (10 hex digits).`);
    this.handset = this.handsetNumber();
    this.step('info', 'request', `The base station requests ${requestUrl(this.before, this.ipei)}.`);
    const read = readHandsetFile(this.text);
    if ('problem' in read) this.stop('file', read.problem, read.span);
    return read.file;
  }

  private handsetNumber(): number {
    const known = this.after.handsets.find((h) => h.ipei === this.ipei);
    if (known) {
      this.step('info', 'handset', `IPEI ${this.ipei} is registered as HS${known.number}.`);
      return known.number;
    }
    const free = this.after.handsets.find((h) => h.ipei === null);
    if (!free) this.stop('handset', `IPEI ${this.ipei} is not registered and all ${this.after.handsets.length} handset numbers are taken: the handset cannot register.`);
    free.ipei = this.ipei;
    this.step('info', 'handset', `IPEI ${this.ipei} is new: it registers as HS${free.number}, the first free handset number.`);
    return free.number;
  }

  private check(file: HandsetFile): void {
    const ipei = file.ipei;
    if (!ipei?.value) this.stop('ipei', 'The file has no <ipei>.', ipei?.span ?? file.root.nameSpan);
    if (ipei.value.toLowerCase() !== this.ipei) this.stop('ipei', `The file is for IPEI '${ipei.value}', not for ${this.ipei}, the handset that asked for it.`, ipei.span);
    this.step('pass', 'ipei', `The file's <ipei> matches the handset (${this.ipei}).`, ipei.span);
    for (const line of file.lines) this.checkProfile(line);
    if (file.lines.length > 0) this.step('pass', 'profile', `Every line names a profile of the base station.`);
    for (const line of file.lines) this.checkUserId(line);
    if (file.lines.length > 0) this.step('pass', 'user-id', `Every line has a user ID.`);
  }

  private checkProfile(line: FileLine): void {
    const name = line.profileName;
    if (!name?.value) this.stop('profile', `Line ${line.number} has no profile name.`, name?.span ?? line.span);
    if (!profileByName(this.before, name.value)) {
      const names = this.before.profiles.map((p) => `'${p.name}'`).join(', ');
      this.stop('profile', `Line ${line.number} names profile '${name.value}', which the base station does not have (it has ${names}).`, name.span);
    }
  }

  private checkUserId(line: FileLine): void {
    if (!line.userId?.value) this.stop('user-id', `Line ${line.number} has no user ID.`, line.userId?.span ?? line.span);
  }

  private apply(file: HandsetFile): void {
    this.applyLines(file.lines);
    for (const extra of file.extraLines) this.step('info', 'account', `Line ${extra.number} is past the ${MAX_LINES} line slots of a handset and is not applied.`, extra.span);
    this.applyName(file);
    this.applySettings(file);
  }

  private applyLines(lines: readonly FileLine[]): void {
    const wanted = lines.map((l) => ({ line: l, profile: (profileByName(this.before, l.profileName?.value ?? '')?.index ?? 0), userId: l.userId?.value ?? '' }));
    const plans = planLines(this.before, wanted);
    wanted.forEach((w, i) => this.writeAccount(w.line, w.profile, plans[i]));
    const handset = this.after.handsets[(this.handset as number) - 1];
    const kept = new Set(plans.flatMap((p) => (p.kind === 'none' ? [] : [p.slot])));
    this.removeLines(handset.number, handset.lines, kept);
    wanted.forEach((w, i) => this.placeLine(handset.number, handset.lines, w.line, w.profile, plans[i]));
  }

  private writeAccount(line: FileLine, profile: number, plan: AccountPlan): void {
    if (plan.kind !== 'new' && plan.kind !== 'replace') return;
    Object.assign(this.after.accounts[plan.slot - 1], {
      userId: line.userId?.value ?? '',
      authId: line.authId?.value ?? '',
      displayName: line.displayName?.value ?? '',
      profile,
    });
  }

  private removeLines(handset: number, slots: number[], kept: ReadonlySet<number>): void {
    slots.forEach((account, i) => {
      if (account === 0 || kept.has(account)) return;
      slots[i] = 0;
      const a = this.before.accounts[account - 1];
      const who = a.userId ? `account ${account} (${a.userId} on ${profileName(this.before, a.profile)})` : `account ${account} (empty)`;
      this.step('info', 'line-removed', `HS${handset} line slot ${i + 1} held ${who}, which no line of the file asks for: the slot is cleared; the account stays on the base station.`);
    });
  }

  private placeLine(handset: number, slots: number[], line: FileLine, profile: number, plan: AccountPlan): void {
    const label = `Line ${line.number} (${line.userId?.value} on ${profileName(this.before, profile)})`;
    const base = { line: line.number, userId: line.userId?.value ?? '', profile, span: line.span };
    if (plan.kind === 'none') {
      this.lines.push({ ...base, how: 'no-slot' });
      this.step('fail', 'account', `${label}: no account matches, no slot is empty and every account is on a handset, so there is no slot for it. The line is not applied.`, line.span);
      return;
    }
    const held = slots.indexOf(plan.slot);
    const lineSlot = held >= 0 ? held : slots.indexOf(0);
    slots[lineSlot] = plan.slot;
    const where = held >= 0 ? `already on HS${handset} line slot ${lineSlot + 1}` : `put on HS${handset} line slot ${lineSlot + 1}`;
    const how = plan.kind === 'reuse' ? 'reused' : plan.kind === 'new' ? 'new' : 'replaced';
    this.step('pass', 'account', `${label}: ${this.accountStory(plan)}; ${where}.`, line.span);
    const ring = this.applyRingType(line, plan.slot, handset);
    this.lines.push({ ...base, how, account: plan.slot, lineSlot: lineSlot + 1, ...ring });
  }

  private accountStory(plan: Exclude<AccountPlan, { kind: 'none' }>): string {
    switch (plan.kind) {
      case 'reuse':
        return `account ${plan.slot} already has this user ID on this profile and is reused as it is`;
      case 'new':
        return `written as a new account into slot ${plan.slot}, the first empty one`;
      case 'replace':
        return `every account slot is in use, so it replaces account ${plan.slot} (${plan.previous.userId}), the first that is on no handset`;
    }
  }

  private applyRingType(line: FileLine, slot: number, handset: number): { hsMode?: HsMode; ringType?: string } {
    const ring = line.ringType;
    if (!ring) return {};
    const spec = getElement('ring_type')?.value;
    const known = spec?.kind === 'choice' && spec.choices.some((c) => c.value === ring.value);
    const mode = ring.value === 'DID' ? handset : Object.hasOwn(HUNT_MODES, ring.value) ? HUNT_MODES[ring.value] : undefined;
    if (!known || mode === undefined) {
      this.step('info', 'ring-type', `<ring_type> '${ring.value}' is not a ring type; account ${slot} keeps HS mode ${describeHsMode(this.after.accounts[slot - 1].hsMode)}.`, ring.span);
      return {};
    }
    this.after.accounts[slot - 1].hsMode = mode;
    const what = ring.value === 'DID' ? `rings only HS${handset}` : `hunts ${ring.value}`;
    this.step('info', 'ring-type', `<ring_type> ${ring.value}: account ${slot} ${what} (HS mode ${describeHsMode(mode)}).`, ring.span);
    return { hsMode: mode, ringType: ring.value };
  }

  private applyName(file: HandsetFile): void {
    const name = file.hsName;
    if (!name) return;
    const handset = this.after.handsets[(this.handset as number) - 1];
    if (!name.value) {
      this.step('info', 'hs-name', `<hs_name> is empty: HS${handset.number} keeps its name '${handset.name}'.`, name.span);
      return;
    }
    handset.name = name.value;
    this.step('info', 'hs-name', `HS${handset.number} is named '${name.value}'.`, name.span);
  }

  private applySettings(file: HandsetFile): void {
    const force = file.forceApply?.value === '1';
    if (file.settings.some((s) => s.settingClass === 'user')) {
      const why = force ? '<force_apply> is 1: user settings are applied' : `${file.forceApply ? `<force_apply> is ${file.forceApply.value}` : 'There is no <force_apply>'}: user settings are not applied`;
      this.step('info', 'force-apply', `${why}.`, file.forceApply?.span);
    }
    for (const s of file.settings) this.applySetting(s, force);
  }

  private applySetting(s: FileSetting, force: boolean): void {
    const reason = s.problem ?? (s.settingClass === 'admin' ? 'admin setting: always applied' : force ? 'user setting: <force_apply> is 1' : 'user setting: <force_apply> is not 1');
    const applied = !s.problem && (s.settingClass === 'admin' || force);
    this.settings.push({ name: s.name, value: s.value, settingClass: s.settingClass, applied, reason, span: s.span });
    this.step(applied ? 'pass' : 'info', 'setting', `<${s.name}> ${s.value}: ${applied ? 'applied' : 'not applied'} (${reason}).`, s.span);
  }
}
