// Every quick fix, applied and checked again: the document stays well-formed XML, the diagnostic the fix answers is
// gone (one fewer of its code), and a value the fix sets reads back as the value its title names. Code-action tests
// run their documents through this, so an escaping slip in any fix (an `&` written raw) fails here.

import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { Code } from '../../server/src/handset/codes';
import type { LanguageService } from '../../server/src/handset/languageService';
import { parseDocument, elementValue, type XmlElement } from '../../server/src/xml/parser';

export interface AppliedFix {
  readonly code: string;
  readonly title: string;
  readonly text: string;
}

const count = (diagnostics: readonly Diagnostic[], code: unknown) => diagnostics.filter((d) => d.code === code).length;

/** Applies each text-edit fix offered for each diagnostic of `document`, one at a time, and checks the result. */
export function applyEveryFix(service: LanguageService, document: TextDocument): AppliedFix[] {
  const before = service.doValidation(document);
  const applied: AppliedFix[] = [];
  for (const d of before) {
    for (const action of service.doCodeActions(document, d.range, [d])) {
      const edits = action.edit?.changes?.[document.uri];
      if (!edits) continue; // renaming the file changes no text
      const text = checkFix(service, document, before, d, action, edits);
      applied.push({ code: String(d.code), title: action.title, text });
    }
  }
  return applied;
}

/** The fixed text, after checking it. */
export function checkFix(service: LanguageService, document: TextDocument, before: readonly Diagnostic[], d: Diagnostic, action: CodeAction, edits: TextEdit[]): string {
  const text = TextDocument.applyEdits(document, edits);
  const after = service.doValidation(TextDocument.create(document.uri, document.languageId, document.version + 1, text));
  const context = `"${action.title}" for ${d.code}:\n${text}`;
  if (count(before, Code.NotWellFormed) === 0) assert.equal(count(after, Code.NotWellFormed), 0, `not well-formed after ${context}`);
  assert.equal(count(after, d.code), count(before, d.code) - 1, `${d.code} not answered by ${context}`);
  const set = /^Set <(\w+)> to (.*?)(?: \([^()]*\)| so .+)?$/.exec(action.title);
  if (set) assert.ok(valuesOf(text, set[1]).includes(set[2]), `<${set[1]}> does not read back as ${set[2]} after ${context}`);
  return text;
}

/** The decoded values of every element of that name. */
function valuesOf(text: string, name: string): string[] {
  const values: string[] = [];
  const visit = (el: XmlElement) => {
    if (el.name === name) values.push(elementValue(text, el).value);
    el.children.forEach(visit);
  };
  const root = parseDocument(text).root;
  if (root) visit(root);
  return values;
}
