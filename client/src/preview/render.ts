// HTML for the base-station preview. Pure (no vscode import) so it can be tested in plain Node. Every value that
// comes from a file or a model goes through `esc`; nothing here loads remote content.

import type { FleetResponse, PreviewResponse } from '../../../shared/protocol/protocol';
import { OUTCOME_TEXT, STEP_MARK, type SimulationResult, type Step } from '../../../shared/baseStation/simulation';
import { describeHsMode, type Account, type BaseStation } from '../../../shared/baseStation/model';
import type { AccountCellChange, AccountField } from '../../../shared/baseStation/diff';
import type { Assumption } from '../../../shared/baseStation/assumption';
import { freeHandsetsNote, registeredHandsets } from '../../../shared/baseStation/fleetResult';

export function esc(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}


/** Attributes that make an entry reveal its part of the handset file when clicked. */
function reveal(span: { start: number; end: number } | undefined): string {
  return span ? ` class="reveal" tabindex="0" data-start="${span.start}" data-end="${span.end}" title="Show in the file"` : '';
}

export function renderPreview(response: PreviewResponse): string {
  const r = response.result;
  if (!r) return `<p class="problem">${esc(response.problem ?? 'Nothing to preview.')}</p>${sourceLine(response.source)}`;
  const handset = r.handset ? `HS${r.handset}` : 'no handset number';
  return [
    `<header><h1>Handset ${esc(r.ipei)} <span class="badge ${esc(r.outcome)}">${esc(OUTCOME_TEXT[r.outcome].short)}</span></h1>`,
    `<p class="meta">${esc(handset)} · ${sourceLine(response.source)}</p></header>`,
    `<section><h2>Request</h2><p><code class="url">GET ${esc(r.url)}</code></p></section>`,
    `<section><h2>Steps</h2><ol class="steps">${r.steps.map((step, i) => stepItem(step, i + 1)).join('')}</ol></section>`,
    assumptionsSection(r.assumptions),
    accountsSection(r.before, r.after, r.difference.accounts),
    r.handset ? lineSlotsSection(r, r.handset) : '',
    settingsSection(r),
  ].join('\n');
}

function sourceLine(source: string): string {
  return `<span class="source">Base station: ${esc(source)}</span>`;
}

/** A step with its number written out: a list marker was cut to its last digit from step 10 on. */
function stepItem(step: Step, number: number): string {
  const assumed = (step.assumptions ?? []).map((id) => ` <span class="assumed" data-assumption="${esc(id)}" title="Rests on an assumption: see Assumptions">${esc(id)}</span>`).join('');
  return `<li data-status="${esc(step.status)}"${reveal(step.span)}><span class="n">${number}.</span> <span class="icon ${esc(step.status)}" aria-label="${esc(step.status)}">${STEP_MARK[step.status]}</span> ${esc(step.message)}${assumed}</li>`;
}

/** Where the guide is silent: what it leaves open and what the simulation assumed, apart from checks and outcomes. */
export function assumptionsSection(assumptions: readonly Assumption[]): string {
  if (!assumptions.length) return '';
  const item = (a: Assumption) =>
    `<li id="assumption-${esc(a.id)}" data-assumption="${esc(a.id)}"><span class="assumed">${esc(a.id)}</span> ` +
    (a.guideSays ? `<span class="guide">The guide says: ${esc(a.guideSays)}</span> ` : '') +
    `<span class="silent">It does not say: ${esc(a.silentOn)}</span><br><strong>Assumed:</strong> ${esc(a.assumed)} <span class="why">${esc(a.why)}</span></li>`;
  return `<section><h2>Assumptions <small>where the guide is silent</small></h2><ul class="assumptions">${assumptions.map(item).join('')}</ul></section>`;
}

const COLUMNS: readonly [AccountField, string][] = [
  ['userId', 'User ID'],
  ['authId', 'Auth ID'],
  ['displayName', 'Display name'],
  ['profile', 'Profile'],
  ['hsMode', 'HS mode'],
  ['active', 'Active'],
];

function cellText(model: BaseStation, field: AccountField, value: string | number | boolean): string {
  if (field === 'profile') return model.profiles[Number(value) - 1]?.name ?? `profile ${value}`;
  if (field === 'hsMode') return describeHsMode(Number(value));
  if (field === 'active') return value ? 'yes' : 'no';
  return String(value);
}

function accountsSection(before: BaseStation, after: BaseStation, changes: readonly AccountCellChange[]): string {
  const changed = new Map(changes.map((c) => [`${c.slot}:${c.field}`, c]));
  const used = (a: Account | undefined) => a !== undefined && a.userId !== '';
  const rows = after.accounts
    .filter((a, i) => used(a) || used(before.accounts[i]) || changes.some((c) => c.slot === a.slot))
    .map((a) => {
      const cells = COLUMNS.map(([field]) => {
        const change = changed.get(`${a.slot}:${field}`);
        if (!change) return `<td>${esc(cellText(after, field, a[field]))}</td>`;
        const old = cellText(before, field, change.before);
        return `<td class="changed"><del>${esc(old || '—')}</del> → <ins>${esc(cellText(after, field, change.after) || '—')}</ins></td>`;
      });
      return `<tr><th scope="row">${a.slot}</th>${cells.join('')}</tr>`;
    });
  const head = `<tr><th scope="col">Slot</th>${COLUMNS.map(([, label]) => `<th scope="col">${label}</th>`).join('')}</tr>`;
  const body = rows.length ? rows.join('') : `<tr><td colspan="${COLUMNS.length + 1}">No accounts are set, before or after.</td></tr>`;
  return `<section><h2>Accounts <small>before → after</small></h2><table class="accounts"><thead>${head}</thead><tbody>${body}</tbody></table></section>`;
}

function lineSlotsSection(r: SimulationResult, number: number): string {
  const before = r.before.handsets[number - 1]?.lines ?? [];
  const after = r.after.handsets[number - 1]?.lines ?? [];
  const slot = (n: number) => (n ? `account ${n}` : '—');
  const cells = after.map((acc, i) => {
    const old = before[i] ?? 0;
    const body = old === acc ? esc(slot(acc)) : `<del>${esc(slot(old))}</del> → <ins>${esc(slot(acc))}</ins>`;
    return `<li class="${old === acc ? '' : 'changed'}"><span class="slot">Line ${i + 1}</span>${body}</li>`;
  });
  const lines = r.lines
    .map((l) => `<li${reveal(l.span)}>${esc(l.userId)} @ ${esc(r.after.profiles[l.profile - 1]?.name ?? l.profile)}: ${esc(lineOutcome(l))}</li>`)
    .join('');
  return `<section><h2>HS${number} line slots <small>before → after</small></h2><ol class="slots">${cells.join('')}</ol>${lines ? `<ul class="lines">${lines}</ul>` : ''}</section>`;
}

function lineOutcome(l: SimulationResult['lines'][number]): string {
  const where = l.account ? `account ${l.account}${l.lineSlot ? `, line slot ${l.lineSlot}` : ''}` : '';
  const mode = l.hsMode !== undefined ? `; HS mode ${describeHsMode(l.hsMode)}` : '';
  switch (l.how) {
    case 'reused':
      return `reuses ${where}${mode}`;
    case 'new':
      return `new ${where}${mode}`;
    case 'replaced':
      return `replaces a stale account: ${where}${mode}`;
    case 'no-slot':
      return 'no account slot left: not applied';
  }
}

function settingsSection(r: SimulationResult): string {
  const settings = r.difference.settings;
  if (!settings.length) return '';
  const item = (s: (typeof settings)[number]) =>
    `<li${reveal(s.span)}><code>${esc(s.name)}</code> = <code>${esc(s.value)}</code> <span class="why">${esc(s.reason)}</span></li>`;
  const applied = settings.filter((s) => s.applied);
  const skipped = settings.filter((s) => !s.applied);
  return [
    '<section><h2>Settings</h2>',
    applied.length ? `<h3>Applied</h3><ul class="settings applied">${applied.map(item).join('')}</ul>` : '',
    skipped.length ? `<h3>Not applied</h3><ul class="settings skipped">${skipped.map(item).join('')}</ul>` : '',
    '</section>',
  ].join('');
}

/** A folder's simulation; a folder of several sites shows each site's run, on its own base station, in turn. */
export function renderFleet(response: FleetResponse): string {
  const sites = response.sites ?? [];
  if (sites.length < 2) return renderSiteFleet(response, 'Folder simulation');
  const intro = `<header><h1>Folder simulation: ${sites.length} sites</h1><p class="meta">Each site's files are provisioned on its own base station, one after the other.</p></header>`;
  return [intro, ...sites.map((site, i) => `<article class="site">${renderSiteFleet(site, `Site ${i + 1} of ${sites.length}`)}</article>`)].join('\n');
}

/** One base station's run of its files. */
function renderSiteFleet(response: Pick<FleetResponse, 'result' | 'source'>, title: string): string {
  const f = response.result;
  const runs = f.runs
    .map((run) => {
      const outcome = run.result ? OUTCOME_TEXT[run.result.outcome].short : 'Not run';
      const why = run.problem ?? run.result?.steps.find((s) => s.status === 'fail')?.message ?? '';
      const cls = run.result?.outcome ?? 'stopped';
      return `<tr><td><a href="#" class="open" data-file="${esc(run.file)}">${esc(run.file)}</a></td><td><span class="badge ${esc(cls)}">${esc(outcome)}</span></td><td>${esc(why)}</td></tr>`;
    })
    .join('');
  const { registered, free } = registeredHandsets(f);
  const handsets = registered
    .map((h) => `<tr><th scope="row">HS${h.number}</th><td>${esc(h.ipei ?? '—')}</td><td>${esc(h.name)}</td><td>${h.lines.map((l) => `${esc(l.userId)} @ ${esc(l.profile)} <small>(account ${l.account}, line ${l.lineSlot})</small>`).join('<br>') || '—'}</td></tr>`)
    .join('');
  const problems = [
    ...f.shortages.map((s) => `<li><span class="icon fail">✖</span> <a href="#" class="open" data-file="${esc(s.file)}">${esc(s.file)}</a>: ${esc(s.message)}</li>`),
    ...f.conflicts.map((c) => `<li><span class="icon fail">✖</span> ${esc(c.message)}</li>`),
    ...f.warnings.map((w) => `<li><span class="icon warn">⚠</span> <a href="#" class="open" data-file="${esc(w.file)}">${esc(w.file)}</a>: ${esc(w.message)}</li>`),
  ].join('');
  return [
    `<header><h1>${esc(title)} <span class="badge ${problems ? 'partly-applied' : 'applied'}">${f.runs.length} file${f.runs.length === 1 ? '' : 's'}</span></h1><p class="meta">${sourceLine(response.source)}</p></header>`,
    `<section><h2>Files, in the order they are provisioned</h2><table><thead><tr><th scope="col">File</th><th scope="col">Outcome</th><th scope="col">Why</th></tr></thead><tbody>${runs}</tbody></table></section>`,
    `<section><h2>Problems</h2>${problems ? `<ul class="problems">${problems}</ul>` : '<p>No slot shortages, no conflicting <code>DID</code> claims and no warnings.</p>'}</section>`,
    `<section><h2>Handsets afterwards</h2><table><thead><tr><th scope="col">Handset</th><th scope="col">IPEI</th><th scope="col">Name</th><th scope="col">Lines</th></tr></thead><tbody>${handsets}</tbody></table>${free.length ? `<p class="note">${esc(freeHandsetsNote(free))}</p>` : ''}</section>`,
    assumptionsSection(f.assumptions),
    accountsSection(f.before, f.after, f.difference.accounts),
  ].join('\n');
}

/** The whole page: a strict Content-Security-Policy, styles and the one script, all tied to `nonce`. */
/** `state` is kept by the webview (getState/setState) so a reloaded window can restore the view. */
export function pageHtml(options: { nonce: string; title: string; body: string; state?: object }): string {
  const { nonce } = options;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src 'none'; font-src 'none'; connect-src 'none'; form-action 'none'; base-uri 'none'; frame-src 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${esc(options.title)}</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body${options.state ? ` data-state="${esc(JSON.stringify(options.state))}"` : ''}>
<main id="content">${options.body}</main>
<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>`;
}

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 16px 24px; line-height: 1.45; }
h1 { font-size: 1.3em; margin: 16px 0 4px; } h2 { font-size: 1.08em; margin: 20px 0 6px; border-bottom: 1px solid var(--vscode-panel-border, rgba(128,128,128,.35)); padding-bottom: 3px; } h3 { font-size: 1em; margin: 10px 0 4px; }
small, .meta, .why { color: var(--vscode-descriptionForeground); }
code { font-family: var(--vscode-editor-font-family); background: var(--vscode-textCodeBlock-background); padding: 1px 4px; border-radius: 3px; }
.badge { font-size: .75em; padding: 2px 8px; border-radius: 10px; vertical-align: middle; border: 1px solid currentColor; }
.badge.applied { color: var(--vscode-testing-iconPassed, #3fb950); } .badge.partly-applied { color: var(--vscode-editorWarning-foreground, #d29922); }
.badge.stopped, .badge.not-requested { color: var(--vscode-errorForeground, #f85149); }
.icon.pass { color: var(--vscode-testing-iconPassed, #3fb950); } .icon.fail { color: var(--vscode-errorForeground, #f85149); } .icon.info { color: var(--vscode-editorInfo-foreground, #3794ff); } .icon.warn { color: var(--vscode-editorWarning-foreground, #d29922); }
ol.steps { list-style: none; padding-left: 0; } ol.steps .n { display: inline-block; min-width: 3ch; text-align: right; font-variant-numeric: tabular-nums; } ul.lines, ul.settings, ul.problems, ul.assumptions { padding-left: 1.4em; } li { margin: 2px 0; } ul.assumptions li { margin: 6px 0; }
.assumed { font-size: .75em; padding: 0 6px; border-radius: 8px; border: 1px dashed var(--vscode-descriptionForeground); color: var(--vscode-descriptionForeground); white-space: nowrap; }
.reveal { cursor: pointer; border-radius: 3px; } .reveal:hover, .reveal:focus { background: var(--vscode-list-hoverBackground); outline: none; }
table { border-collapse: collapse; margin: 4px 0; } th, td { border: 1px solid var(--vscode-panel-border, rgba(128,128,128,.35)); padding: 3px 8px; text-align: left; vertical-align: top; }
thead th { background: var(--vscode-editorWidget-background); }
ol.slots { list-style: none; padding: 0; margin: 4px 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(7.5em, 1fr)); gap: 4px; max-width: 100%; }
ol.slots li { border: 1px solid var(--vscode-panel-border, rgba(128,128,128,.35)); padding: 3px 8px; margin: 0; min-width: 0; overflow-wrap: anywhere; }
section { overflow-x: auto; }
td.changed, li.changed { background: var(--vscode-diffEditor-insertedTextBackground, rgba(63,185,80,.15)); }
del { color: var(--vscode-descriptionForeground); } ins { text-decoration: none; font-weight: 600; }
.slot { display: block; font-size: .8em; color: var(--vscode-descriptionForeground); }
a { color: var(--vscode-textLink-foreground); }
.problem { color: var(--vscode-errorForeground); }
`;

const SCRIPT = `
const vscode = acquireVsCodeApi();
const content = document.getElementById('content');
if (document.body.dataset.state) vscode.setState(JSON.parse(document.body.dataset.state));
content.addEventListener('click', (event) => {
  const open = event.target.closest('.open');
  if (open) { event.preventDefault(); vscode.postMessage({ type: 'open', file: open.dataset.file }); return; }
  const target = event.target.closest('.reveal');
  if (target) vscode.postMessage({ type: 'reveal', start: Number(target.dataset.start), end: Number(target.dataset.end) });
});
content.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && event.target.classList.contains('reveal')) event.target.click();
});
window.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'update') {
    content.innerHTML = event.data.html;
    if (event.data.state) vscode.setState(event.data.state);
  }
});
`;
