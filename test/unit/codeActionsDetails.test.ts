// Quick fixes in the details a user meets: whose diagnostics they answer, what each edit writes, where it goes.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, TextEdit } from 'vscode-languageserver-types';
import { getLanguageService } from '../../server/src/languageService/languageService';
import { doc, handset } from './helpers';

const service = getLanguageService();
const URI = 'file:///srv/ipei_02c332b510.xml';

function actionsFor(text: string, code: string, uri = URI) {
  const document = doc(text, uri);
  const diagnostics = service.doValidation(document).filter((d) => d.code === code);
  assert.equal(diagnostics.length, 1, `expected one ${code}`);
  const actions = service.doCodeActions(document, diagnostics[0].range, diagnostics, ['quickfix']);
  return { document, diagnostic: diagnostics[0], actions };
}

const applied = (document: TextDocument, a: CodeAction) => TextDocument.applyEdits(document, a.edit?.changes?.[document.uri] as TextEdit[]);

test("another tool's diagnostic with one of our codes gets none of our fixes", () => {
  const text = handset({ sip: '  <sip>\n    <line>\n      <profile_name>profile1</profile_name>\n      <user_id>1</user_id>\n      <ring_type>parallel</ring_type>\n    </line>\n  </sip>\n' });
  const { document, diagnostic, actions } = actionsFor(text, 'value-case');
  assert.equal(actions.length, 1);
  const foreign = { ...diagnostic, source: 'xml' };
  assert.deepEqual(service.doCodeActions(document, foreign.range, [foreign], ['quickfix']), []);
  const numeric = { ...diagnostic, code: 7 };
  assert.deepEqual(service.doCodeActions(document, numeric.range, [numeric], ['quickfix']), []);
});

test('each fix is titled with what it does', () => {
  const titles = (text: string, code: string) => actionsFor(text, code).actions.map((a) => a.title);
  assert.deepEqual(titles(handset({ head: '' }), 'xml-declaration-missing'), ['Add the XML declaration']);
  assert.deepEqual(titles(handset({ head: '<?xml version="1.0" encoding="ISO-8859-1"?>\n' }), 'xml-encoding-not-utf8'), ['Declare the encoding as UTF-8']);
  const { document, actions } = actionsFor(handset({ head: '<?xml version="1.0" encoding="ISO-8859-1"?>\n' }), 'xml-encoding-not-utf8');
  assert.equal(applied(document, actions[0]), handset({ head: '<?xml version="1.0" encoding="UTF-8"?>\n' }));
  assert.equal(actions[0].isPreferred, true);
});
