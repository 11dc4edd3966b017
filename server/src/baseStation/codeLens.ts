// The code lens above <hs_config>: which handset number the file's handset gets on the base station and what its
// lines do there ("HS2 · 3 lines · 1 new account"), from the same simulation the preview shows; it opens the preview.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeLens } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import { ROOT } from '../handset/catalogue';
import type { ParsedDocument } from '../xml/parser';
import type { BaseStation } from '../../../shared/baseStation/model';
import { requesterIpei } from './requester';
import { simulate } from './simulate';
import { OUTCOME_TEXT } from '../../../shared/baseStation/simulation';

export const PREVIEW_COMMAND = 'hsconfig.preview';

export function getCodeLenses(document: TextDocument, doc: ParsedDocument, model: BaseStation): CodeLens[] {
  const root = doc.root;
  if (!root || root.name !== ROOT) return [];
  const range = { start: document.positionAt(root.span.start), end: document.positionAt(root.nameSpan.end) };
  return [{ range, command: { title: summary(document, doc, model), command: PREVIEW_COMMAND } }];
}

function summary(document: TextDocument, parsed: ParsedDocument, model: BaseStation): string {
  const text = document.getText();
  const ipei = requesterIpei(text, URI.parse(document.uri).path);
  if (!ipei) return 'No handset asks for this file: neither its name nor <ipei> holds an IPEI';
  const result = simulate(model, ipei, text, parsed);
  const parts: string[] = [];
  parts.push(result.handset !== undefined ? `HS${result.handset}` : 'no handset number');
  if (result.outcome !== 'applied') parts.push(OUTCOME_TEXT[result.outcome].short);
  const lines = result.lines.filter((l) => l.how !== 'no-slot').length;
  parts.push(`${lines} ${lines === 1 ? 'line' : 'lines'}`);
  const fresh = result.lines.filter((l) => l.how === 'new').length;
  if (fresh) parts.push(`${fresh} new ${fresh === 1 ? 'account' : 'accounts'}`);
  const noSlot = result.lines.filter((l) => l.how === 'no-slot').length;
  if (noSlot) parts.push(`${noSlot} without an account slot`);
  return parts.join(' · ');
}
