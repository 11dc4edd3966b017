// The human-readable report of a provisioning preview: request, steps, the account table before → after with
// changed cells marked, and the handset's line slots.

import type { Assumption } from '../../../shared/baseStation/assumption';
import { ACCOUNT_FIELDS, type AccountField } from '../../../shared/baseStation/diff';
import { describeHsMode, handsetsUsing, profileName, type Account, type BaseStation } from '../../../shared/baseStation/model';
import { OUTCOME_TEXT, STEP_MARK, type SimulationResult, type Step } from '../../../shared/baseStation/simulation';
import { changeCell, table } from './table';


export function stepLines(steps: readonly Step[], lineOf: (offset: number) => number): string[] {
  return steps.map((s) => `  ${STEP_MARK[s.status]} ${s.message}${s.span ? `  (line ${lineOf(s.span.start)})` : ''}`);
}

export function previewReport(r: SimulationResult, file: string, base: string, text: string): string[] {
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  const head = table(
    [
      ['File', file],
      ['Base station', base],
      ['Handset', `IPEI ${r.ipei}${r.handset ? ` → HS${r.handset}` : ''}`],
      ['Request', r.url],
      ['Outcome', OUTCOME_TEXT[r.outcome].long],
    ],
    '',
  );
  return [...head, '', 'Steps', ...stepLines(r.steps, lineOf), '', ...assumptionLines(r.assumptions), ...accountTable(r.before, r.after), ...lineSlotTable(r.before, r.after)];
}

/** The points the guide leaves open that a result rests on, in a block of their own; nothing when there are none. */
export function assumptionLines(assumptions: readonly Assumption[]): string[] {
  if (assumptions.length === 0) return [];
  const block = (a: Assumption) => [
    `  ? ${a.id}`,
    ...(a.guideSays ? [`      The guide says: ${a.guideSays}`] : []),
    `      It does not say: ${a.silentOn}`,
    `      Assumed: ${a.assumed}`,
    `      Why: ${a.why}`,
  ];
  return ['Assumptions (where the guide is silent)', ...assumptions.flatMap(block), ''];
}

const HEADERS: Record<AccountField, string> = { userId: 'user ID', authId: 'auth ID', displayName: 'display name', profile: 'profile', hsMode: 'HS mode', active: 'active' };

function cellText(model: BaseStation, account: Account, field: AccountField): string {
  const v = account[field];
  if (field === 'profile') return profileName(model, v as number);
  if (field === 'hsMode') return describeHsMode(v as number);
  if (field === 'active') return v ? 'yes' : 'no';
  return v === '' ? '—' : String(v);
}

/** Accounts that are set before or after, changed cells as `before → after` and their rows marked with `*`. */
export function accountTable(before: BaseStation, after: BaseStation): string[] {
  const rows = after.accounts
    .map((a, i) => ({ a, b: before.accounts[i] }))
    .filter(({ a, b }) => a.userId !== '' || b.userId !== '')
    .map(({ a, b }) => {
      const cells = ACCOUNT_FIELDS.map((f) => changeCell(cellText(before, b, f), cellText(after, a, f)));
      const on = changeCell(handsetList(before, a.slot), handsetList(after, a.slot));
      const changed = ACCOUNT_FIELDS.some((f) => a[f] !== b[f]) || on.includes('→');
      return [`${changed ? '*' : ' '}${a.slot}`, ...cells, on];
    });
  if (rows.length === 0) return ['Accounts: none set before or after.'];
  return ['Accounts (* changed; a changed cell shows before → after)', ...table([[' slot', ...ACCOUNT_FIELDS.map((f) => HEADERS[f]), 'handsets'], ...rows])];
}

function handsetList(model: BaseStation, slot: number): string {
  const on = handsetsUsing(model, slot);
  return on.length ? on.map((n) => `HS${n}`).join(' ') : '—';
}

/** Each handset whose line slots changed: the account on each slot before and after, changed slots marked. */
export function lineSlotTable(before: BaseStation, after: BaseStation): string[] {
  const out: string[] = [];
  after.handsets.forEach((h, i) => {
    const old = before.handsets[i].lines;
    if (old.join() === h.lines.join()) return;
    const show = (n: number) => (n === 0 ? '·' : String(n));
    const mark = h.lines.map((n, j) => (n !== old[j] ? '*' : ''));
    out.push('', `HS${h.number} line slots: account on each slot (· none, * changed)`);
    out.push(...table([['slot', ...h.lines.map((_, j) => String(j + 1))], ['before', ...old.map(show)], ['after', ...h.lines.map((n, j) => show(n) + mark[j])]]));
  });
  return out;
}
