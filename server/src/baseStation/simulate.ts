// What the base station does with a handset file when a handset asks for it, step by step, following the handset
// provisioning workflow and nothing more: registration, request, IPEI check, profile and user-ID checks (any failure
// stops everything), then the lines the file dropped are removed, the file's lines are applied in order, then the
// name and the settings. Where the guide leaves a point open, the step says what was assumed (assumptions.ts).

import { MAX_LINES } from '../handset/catalogue';
import type { ParsedDocument, Span } from '../xml/parser';
import { isHexIpei } from '../../../shared/domain/ipei';
import { planProvisioning, type AccountPlan } from './accounts';
import { assumptionsFor } from './assumptions';
import type { AssumptionId } from '../../../shared/baseStation/assumption';
import { diffModels } from '../../../shared/baseStation/diff';
import type { LineResult, Outcome, SettingResult, SimulationResult, Step, StepKind, StepStatus } from '../../../shared/baseStation/simulation';
import { readHandsetFile, type FileLine, type FileSetting, type HandsetFile } from './handsetFile';
import { cloneBaseStation, describeHsMode, HANDSET_COUNT, handsetsUsing, HUNT_MODES, profileByName, profileName, type BaseStation, type HsMode } from '../../../shared/baseStation/model';

/** `http://server/path/[prefix][IPEI].xml[postfix]`, the file the base station asks for. */
export function requestUrl(model: BaseStation, ipei: string): string {
  const p = model.provisioning;
  const server = p.serverPath.replace(/(?<!\/)\/+$/, '');
  return `${p.protocol.toLowerCase()}://${server}/${p.filePrefix}${ipei.toLowerCase()}.xml${p.filePostfix}`;
}

/**
 * Runs the file against `model`, which is not changed. The result shares objects with `model` (its `before`, and its
 * `after` when the file changes nothing): a folder of files run in turn would otherwise copy the model twice per
 * file. Read the result; do not change it.
 */
export function simulate(model: BaseStation, ipei: string, text: string, parsed?: ParsedDocument): SimulationResult {
  return new Simulation(model, ipei.toLowerCase(), text, parsed).run();
}

/** How a check stops the run. Not an Error: it is control flow, and an Error's stack trace would cost more than the run. */
class Stop {}

interface WantedLine {
  readonly line: FileLine;
  readonly profile: number;
  readonly userId: string;
}

class Simulation {
  /** `before` until the first change, then a copy of it that the run changes (writable()). */
  private after: BaseStation;
  private readonly steps: Step[] = [];
  private readonly lines: LineResult[] = [];
  private readonly settings: SettingResult[] = [];
  private handset?: number;

  constructor(
    private readonly before: BaseStation,
    private readonly ipei: string,
    private readonly text: string,
    /** The editor's parse of `text` (the model cache's), when there is one. */
    private readonly parsed?: ParsedDocument,
  ) {
    this.after = before;
  }

  private writable(): BaseStation {
    if (this.after === this.before) this.after = cloneBaseStation(this.before);
    return this.after;
  }

  run(): SimulationResult {
    const outcome = this.outcome();
    // A stop comes before any change but the handset's registration, which happens whatever its file says: a stopped
    // run has no lines or settings to report.
    const after = this.after;
    return {
      outcome,
      ipei: this.ipei,
      url: requestUrl(this.before, this.ipei),
      handset: this.handset,
      steps: this.steps,
      assumptions: assumptionsFor(this.steps.flatMap((s) => s.assumptions ?? [])),
      lines: this.lines,
      before: this.before,
      after,
      difference: { ...diffModels(this.before, after), settings: this.settings },
    };
  }

  private outcome(): Outcome {
    try {
      // The workflow starts with the handset registering (or booting while registered); only then is a file asked
      // for. So registration happens whether provisioning is on and whatever the file says.
      this.handset = this.register();
      if (!this.before.provisioning.handsetProvisioning) {
        this.step('info', 'provisioning', 'Handset provisioning is off on the base station (P27014 = 0): no file is requested and the file changes nothing.');
        return 'not-requested';
      }
      const file = this.request();
      this.check(file);
      this.apply(file);
    } catch (err) {
      if (err instanceof Stop) return 'stopped';
      throw err;
    }
    return this.lines.some((l) => l.how === 'no-slot') ? 'partly-applied' : 'applied';
  }

  private step(status: StepStatus, kind: StepKind, message: string, span?: Span, assumptions?: readonly AssumptionId[]): void {
    this.steps.push({ status, kind, message, ...(span ? { span } : {}), ...(assumptions?.length ? { assumptions } : {}) });
  }

  private stop(kind: StepKind, message: string, span?: Span): never {
    this.step('fail', kind, `${message} Provisioning stops here: the file changes nothing.`, span);
    throw new Stop();
  }

  private register(): number {
    if (!isHexIpei(this.ipei)) this.stop('handset', `'${this.ipei}' is not an IPEI (10 hex digits).`);
    const known = this.after.handsets.find((h) => h.ipei === this.ipei);
    if (known) {
      this.step('info', 'handset', `IPEI ${this.ipei} is registered as HS${known.number}.`, undefined, ['registration']);
      return known.number;
    }
    const free = this.after.handsets.find((h) => h.ipei === null);
    if (!free) this.stop('handset', `IPEI ${this.ipei} is not registered and all ${this.after.handsets.length} handset numbers are taken: the handset cannot register.`);
    this.writable().handsets[free.number - 1].ipei = this.ipei;
    this.step('info', 'handset', `IPEI ${this.ipei} is new: it registers as HS${free.number}, the first free handset number, before any file is read.`, undefined, ['registration', 'handset-number']);
    return free.number;
  }

  private request(): HandsetFile {
    this.step('info', 'request', `The base station requests ${requestUrl(this.before, this.ipei)}.`);
    const read = readHandsetFile(this.text, this.parsed);
    if ('problem' in read) this.stop('file', read.problem, read.span);
    return read.file;
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
    this.writable();
    this.applyLines(file.lines);
    for (const extra of file.extraLines) this.step('info', 'account', `Line ${extra.number} is past the ${MAX_LINES} line slots of a handset and is not applied.`, extra.span);
    this.applyName(file);
    this.applySettings(file);
  }

  /**
   * The lines, in the order the guide gives (field `<line>` and the workflow):
   * 1. the handset's line slots whose accounts no line of the file maps to are cleared; their accounts stay on the
   *    base station, and count as stale from now on unless another handset holds them;
   * 2. then line 1, 2, 3 … in turn: an account with the line's user ID on its profile is reused; else the line is
   *    written as a new account into the first empty account slot; else, all slots being occupied, into the first
   *    stale one (on no handset's line slot); else the line fails. An account another handset holds is never taken.
   */
  private applyLines(lines: readonly FileLine[]): void {
    const wanted = lines.map((l): WantedLine => ({ line: l, profile: profileByName(this.before, l.profileName?.value ?? '')?.index ?? 0, userId: l.userId?.value ?? '' }));
    const handset = this.after.handsets[(this.handset as number) - 1];
    const plan = planProvisioning(this.before, handset.number, wanted);
    this.removeLines(handset.number, handset.lines, plan.removed);
    // A file without lines (New Handset File writes one) is applied, but it takes every line off the handset.
    if (lines.length === 0 && plan.removed.length > 0) {
      this.step('warn', 'line-removed', `The file has no <line>: HS${handset.number} is left without the ${plan.removed.length === 1 ? 'line it had' : `${plan.removed.length} lines it had`}. Add a <sip><line> for each account the handset should keep.`);
    }
    wanted.forEach((w, i) => this.applyLine(handset.number, handset.lines, w, plan.lines[i]));
  }

  private removeLines(handset: number, slots: number[], removed: readonly number[]): void {
    for (const lineSlot of removed) {
      const account = slots[lineSlot - 1];
      slots[lineSlot - 1] = 0;
      const a = this.before.accounts[account - 1];
      if (!a.userId) {
        this.step('info', 'line-removed', `HS${handset} line slot ${lineSlot} held account ${account}, which is empty: the slot is cleared first.`);
        continue;
      }
      const others = handsetsUsing(this.after, account).filter((n) => n !== handset);
      const fate = others.length ? `still on ${others.map((n) => `HS${n}`).join(', ')}` : 'stale from now on: a line that needs a slot may replace it';
      this.step('info', 'line-removed', `HS${handset} line slot ${lineSlot} held account ${account} (${a.userId} on ${profileName(this.before, a.profile)}), which no line of the file asks for: the line is removed first; the account stays on the base station, ${fate}.`, undefined, ['removal-first']);
    }
  }

  private applyLine(handset: number, slots: number[], w: WantedLine, plan: AccountPlan): void {
    const { line, profile } = w;
    const label = `Line ${line.number} (${w.userId} on ${profileName(this.before, profile)})`;
    const base = { line: line.number, userId: w.userId, profile, span: line.span };
    const lineSlot = plan.kind === 'none' ? -1 : slots.includes(plan.slot) ? slots.indexOf(plan.slot) : slots.indexOf(0);
    if (plan.kind === 'none' || lineSlot < 0) {
      this.lines.push({ ...base, how: 'no-slot' });
      this.step('fail', 'account', `${label}: no account matches, no slot is empty and every account is on a handset, so there is no slot for it. The line is not applied.`, line.span, ['account-match']);
      return;
    }
    const where = slots[lineSlot] === plan.slot ? `already on HS${handset} line slot ${lineSlot + 1}, where it stays` : `put on HS${handset} line slot ${lineSlot + 1}, the first free one`;
    slots[lineSlot] = plan.slot;
    this.writeAccount(line, profile, plan);
    this.step('pass', 'account', `${label}: ${this.accountStory(plan)}; ${where}.`, line.span, ACCOUNT_ASSUMPTIONS[plan.kind]);
    const ring = this.applyRingType(line, plan, handset);
    if (plan.kind !== 'reuse') this.warnAboutKeptSettings(plan.slot, handset, line);
    if (plan.kind === 'new') this.warnAboutSharedSlot(plan.slot, handset, line);
    const how = plan.kind === 'reuse' ? 'reused' : plan.kind === 'new' ? 'new' : 'replaced';
    this.lines.push({ ...base, how, account: plan.slot, lineSlot: lineSlot + 1, ...ring });
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

  private applyRingType(line: FileLine, plan: Exclude<AccountPlan, { kind: 'none' }>, handset: number): { hsMode?: HsMode; ringType?: string } {
    const slot = plan.slot;
    const ring = line.ringType;
    const kept = describeHsMode(this.after.accounts[slot - 1].hsMode);
    if (!ring) {
      if (plan.kind === 'new') this.step('info', 'ring-type', `Line ${line.number} has no <ring_type>: the guide does not say which HS mode a new account gets; assumed account ${slot} keeps HS mode ${kept}.`, line.span, ['new-account-hs-mode']);
      if (plan.kind === 'replace') this.step('info', 'ring-type', `Line ${line.number} has no <ring_type>: the guide does not say whether a replaced account keeps its HS mode; assumed account ${slot} keeps HS mode ${kept}.`, line.span, ['stale-account-settings']);
      return {};
    }
    // DID and the hunt modes are the catalogue's ring_type choices (a test keeps them so): nothing else sets a mode.
    const mode = ring.value === 'DID' ? handset : Object.hasOwn(HUNT_MODES, ring.value) ? HUNT_MODES[ring.value] : undefined;
    if (mode === undefined) {
      const open: AssumptionId[] = plan.kind === 'new' ? ['new-account-hs-mode'] : plan.kind === 'replace' ? ['stale-account-settings'] : [];
      this.step('info', 'ring-type', `<ring_type> '${ring.value}' is not a ring type; account ${slot} keeps HS mode ${kept}.`, ring.span, open);
      return {};
    }
    this.after.accounts[slot - 1].hsMode = mode;
    const what = ring.value === 'DID' ? `rings only HS${handset}` : `hunts ${ring.value}`;
    this.step('info', 'ring-type', `<ring_type> ${ring.value}: account ${slot} ${what} (HS mode ${describeHsMode(mode)}).`, ring.span);
    return { hsMode: mode, ringType: ring.value };
  }

  /** A new or replaced account keeps the HS mode and active flag its slot had: a trap when they do not fit this handset. */
  private warnAboutKeptSettings(slot: number, handset: number, line: FileLine): void {
    const a = this.after.accounts[slot - 1];
    const open: AssumptionId[] = [this.before.accounts[slot - 1].userId ? 'stale-account-settings' : 'new-account-hs-mode'];
    // HS modes 1–5 ring one handset (the loader and the import refuse any other below 101, the hunt groups).
    if (a.hsMode <= HANDSET_COUNT && a.hsMode !== handset) {
      this.step('warn', 'hs-mode', `Account ${slot} rings only HS${a.hsMode}, not HS${handset}: calls to line ${line.number} would not ring this handset. Give the line a <ring_type> (DID to ring only HS${handset}).`, line.span, open);
    }
    if (!a.active) {
      this.step('warn', 'account', `Account ${slot} is not active on the base station, and nothing in the file activates it: line ${line.number} would not register. Activate the account on the base station.`, line.span, open);
    }
  }

  /** An empty account that other handsets' line slots point at: the new account shows on them too. */
  private warnAboutSharedSlot(slot: number, handset: number, line: FileLine): void {
    // Only registered handsets: an unregistered one's line slots are cleared by its own file when it registers.
    const others = handsetsUsing(this.after, slot).filter((n) => n !== handset && this.after.handsets[n - 1].ipei !== null);
    if (!others.length) return;
    const on = others.map((n) => `HS${n}`).join(', ');
    this.step('warn', 'account', `Account ${slot} was empty but is on a line slot of ${on}: the new account shows there too. Clear that line slot on the base station, or give those handsets files of their own.`, line.span, ['empty-slot-on-handsets']);
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

/** The points the guide leaves open that each way of finding an account rests on. */
const ACCOUNT_ASSUMPTIONS: Readonly<Record<Exclude<AccountPlan['kind'], 'none'>, readonly AssumptionId[]>> = {
  reuse: ['account-match', 'reused-account-fields', 'line-slot'],
  new: ['account-match', 'line-slot'],
  replace: ['account-match', 'new-account-fields', 'line-slot'],
};
