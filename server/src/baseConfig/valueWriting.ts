// How a value is written: the slips that pass for a value but are not the one meant. The base station takes the
// whole rest of a text line as the value, so an inline `# comment`, a second `P…=` on the line, quotes and trailing
// spaces all become part of it. Each is reported with its repair; what remains is the value meant.

import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Span } from '../xml/parser';
import { BaseCode } from './codes';
import type { Collector } from './diagnosticCollector';
import { eolOf, lineAbove } from './lineEdits';
import type { BaseConfigDocument, Setting } from './parser';

const { Error: E, Warning: W, Information: I } = DiagnosticSeverity;

export interface MeantValue {
  readonly value: string;
  readonly span: Span;
}

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';

/** Where the run of blanks ending just before `at` starts (or `at` itself when none stands there). */
function blanksBefore(value: string, at: number): number {
  let i = at;
  while (i > 0 && isBlank(value[i - 1])) i--;
  return i;
}

/** An inline comment: a `#` at the start of the value or after a blank; from the blanks before it. */
function inlineComment(value: string): number | undefined {
  for (let at = value.indexOf('#'); at >= 0; at = value.indexOf('#', at + 1)) {
    if (at === 0 || isBlank(value[at - 1])) return blanksBefore(value, at);
  }
  return undefined;
}

// Tried once at the start of each word (sticky), so the scan stays linear however long the value.
const SETTING_AT = /[Pp]\d+[ \t]*=/y;

/** A second `Pnnn=` after a blank: where its blanks start and its key. */
function secondSetting(value: string): { at: number; key: string } | undefined {
  for (let i = 1; i < value.length; i++) {
    if (!isBlank(value[i - 1]) || isBlank(value[i])) continue;
    SETTING_AT.lastIndex = i;
    if (SETTING_AT.test(value)) return { at: blanksBefore(value, i), key: /^[Pp]\d+/.exec(value.slice(i, i + 12))?.[0] ?? '' };
  }
  return undefined;
}

/** Where a text value holds an inline comment (from the blanks before its `#`) and a second setting. */
export function slipsIn(value: string): { readonly comment?: number; readonly second?: { readonly at: number; readonly key: string } } {
  const comment = inlineComment(value);
  const second = secondSetting(value);
  return { ...(comment !== undefined && { comment }), ...(second && { second }) };
}

/** Reports the slips in how `s` writes its value and returns the value meant, for the type check. */
export function checkWriting(s: Setting, parsed: BaseConfigDocument, out: Collector): MeantValue {
  let meant: MeantValue = { value: s.value, span: s.valueSpan };
  if (parsed.shape === 'text') meant = checkRestOfLine(s, parsed.text, out);
  return checkQuotes(s, meant, parsed.text, out);
}

const label = (s: Setting) => (s.entry ? `P${s.entry.p} (${s.entry.name})` : s.key);
/** A slip that breaks a number is an error; in text it may be meant, so it is a warning or a note. */
const isNumber = (s: Setting) => s.entry?.type.kind === 'number';

/** Text lines: an inline comment, a second setting, trailing spaces. */
function checkRestOfLine(s: Setting, text: string, out: Collector): MeantValue {
  const { value, valueSpan } = s;
  const { comment, second } = slipsIn(value);
  if (second && (comment === undefined || second.at < comment)) {
    const blank = { start: valueSpan.start + second.at, end: valueSpan.start + value.indexOf(second.key, second.at) };
    out.add(W, BaseCode.TwoSettingsOnLine, blank, `Two settings on one line: the base station takes "${value}" as the value of ${label(s)}, and never sees ${second.key}. Put each on a line of its own.`, {
      fixes: [out.fix(`Put ${second.key} on a line of its own`, [{ span: blank, text: eolOf(text) }], true)],
    });
  } else if (comment !== undefined) {
    const span = { start: valueSpan.start + comment, end: valueSpan.end };
    const words = value.slice(comment).trim();
    out.add(isNumber(s) ? W : I, BaseCode.InlineComment, span, `A comment after a value is part of the value: the base station sets ${label(s)} to "${value}". Put "${words}" on a line of its own.`, {
      fixes: [out.fix('Move the comment to its own line above', [lineAbove(text, s.span, words), { span, text: '' }], true), out.fix('Remove the comment', [{ span, text: '' }])],
    });
  } else if (s.trailing) {
    const spaces = s.trailing.end - s.trailing.start;
    out.add(W, BaseCode.TrailingSpaces, s.trailing, `${spaces === 1 ? 'A space' : `${spaces} spaces`} after the value: the base station takes the whole rest of the line, so ${label(s)} would be "${value}${text.slice(s.trailing.start, s.trailing.end)}", not "${value}".`, {
      fixes: [out.fix('Remove the trailing spaces', [{ span: s.trailing, text: '' }], true)],
    });
  }
  const cut = [second?.at, comment].filter((i): i is number => i !== undefined);
  const end = Math.min(value.length, ...cut);
  return { value: value.slice(0, end), span: { start: valueSpan.start, end: valueSpan.start + end } };
}

/** `"Office"` or `'Office'`: the base station keeps the quotes. */
function checkQuotes(s: Setting, meant: MeantValue, text: string, out: Collector): MeantValue {
  const raw = text.slice(meant.span.start, meant.span.end);
  const quote = raw.charAt(0);
  if (raw.length < 2 || (quote !== '"' && quote !== "'") || !raw.endsWith(quote)) return meant;
  const inner = raw.slice(1, -1);
  out.add(isNumber(s) ? E : W, BaseCode.QuotedValue, meant.span, `The quotes are part of the value: the base station sets ${label(s)} to ${raw} with its quotes. Write the value without them.`, {
    fixes: [out.fix('Remove the quotes', [{ span: meant.span, text: inner }], true)],
  });
  return { value: meant.value.slice(1, -1), span: { start: meant.span.start + 1, end: meant.span.end - 1 } };
}
