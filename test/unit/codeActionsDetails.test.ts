// Quick fixes in the details a user meets: whose diagnostics they answer, what each edit writes, where it goes.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, TextEdit } from 'vscode-languageserver-types';
import { getLanguageService } from '../../server/src/handset/languageService';
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

test('a missing-element problem sent back naming an element its parent cannot hold gets no fix', () => {
  const text = handset({ sip: '  <sip>\n    <line>\n      <profile_name>profile1</profile_name>\n    </line>\n  </sip>\n' });
  const { document, diagnostic, actions } = actionsFor(text, 'missing-element');
  assert.deepEqual(actions.map((a) => a.title), ['Add <user_id>']);
  for (const element of ['ipei', 'bogus']) {
    const forged = { ...diagnostic, data: { element } };
    assert.deepEqual(service.doCodeActions(document, forged.range, [forged], ['quickfix']), [], element);
  }
});

test('each fix is titled with what it does', () => {
  const titles = (text: string, code: string) => actionsFor(text, code).actions.map((a) => a.title);
  assert.deepEqual(titles(handset({ head: '' }), 'xml-declaration-missing'), ['Add the XML declaration']);
  assert.deepEqual(titles(handset({ head: '<?xml version="1.0" encoding="ISO-8859-1"?>\n' }), 'xml-encoding-not-utf8'), ['Declare the encoding as UTF-8']);
  const { document, actions } = actionsFor(handset({ head: '<?xml version="1.0" encoding="ISO-8859-1"?>\n' }), 'xml-encoding-not-utf8');
  assert.equal(applied(document, actions[0]), handset({ head: '<?xml version="1.0" encoding="UTF-8"?>\n' }));
  assert.equal(actions[0].isPreferred, true);
});

test('the one sure repairs are preferred (the editor applies them with auto-fix); choices among values are not', () => {
  const ring = (value: string) => handset({ sip: `  <sip>\n    <line>\n      <profile_name>profile1</profile_name>\n      <user_id>1</user_id>\n      <ring_type>${value}</ring_type>\n    </line>\n  </sip>\n` });
  const preferred = (text: string, code: string) => actionsFor(text, code).actions.map((a) => [a.title, a.isPreferred ?? false]);
  assert.deepEqual(preferred(ring('parallel'), 'value-case'), [['Set <ring_type> to Parallel', true]]);
  assert.deepEqual(preferred(ring('ring'), 'invalid-value').map(([, p]) => p), [false, false, false, false, false]);
  assert.deepEqual(preferred(handset({ ipei: '1131501774242' }), 'ipei-decimal'), [['Set <ipei> to 02c332b510', true]]);
  assert.deepEqual(preferred(handset({ ipei: '' }), 'empty-value'), [['Set <ipei> to 02c332b510', true]]);
  assert.deepEqual(preferred(handset().replace('>profile1<', '><'), 'empty-value').map(([, p]) => p), [false, false, false, false]);
  assert.deepEqual(preferred(handset().replace('>profile1<', '>Office<'), 'profile-unknown').map(([, p]) => p), [false, false, false, false], 'no profile is close: the user chooses');
  assert.deepEqual(preferred(handset({ name: '  <hs_name>Reception desk</hs_name>\n' }), 'value-too-long'), [["Shorten to 'Reception' (9 characters)", false]], 'a cut loses text, and the title says which');
});

/** The text after the preferred (or only) fix for the one diagnostic with `code`. */
function fixed(text: string, code: string, uri = URI): string {
  const { document, actions } = actionsFor(text, code, uri);
  const chosen = actions.find((a) => a.isPreferred) ?? actions[0];
  assert.ok(chosen, `no fix for ${code}`);
  return applied(document, chosen);
}

test('removing an element that shares its line removes just the element', () => {
  const text = handset({ name: '  <hs_name>One</hs_name> <hs_name>Two</hs_name>\n' });
  assert.equal(fixed(text, 'duplicate-element'), handset({ name: '  <hs_name>One</hs_name> \n' }));
  const before = handset({ name: '  <hs_name>One</hs_name>\n  <hs_name>Two</hs_name><!-- kept -->\n' });
  assert.equal(fixed(before, 'duplicate-element'), handset({ name: '  <hs_name>One</hs_name>\n  <!-- kept -->\n' }));
});

test('removing the second of two attributes keeps the first and the space before the removed one goes', () => {
  const text = handset().replace('<sip>', '<sip a="1"  b=\'2\'>');
  const { document, actions, diagnostic } = actionsFor(text.replace('a="1"  ', ''), 'unexpected-attribute');
  assert.ok(diagnostic);
  assert.equal(applied(document, actions[0]), handset());
  const both = doc(text, URI);
  const [, second] = service.doValidation(both).filter((d) => d.code === 'unexpected-attribute');
  const [remove] = service.doCodeActions(both, second.range, [second], ['quickfix']);
  assert.equal(remove.title, "Remove the attribute 'b'");
  assert.equal(applied(both, remove), handset().replace('<sip>', '<sip a="1">'));
});

test('an element moved into an empty container written on one line goes on a line of its own, indented one step', () => {
  const emptyUser = handset({ settings: '  <hs_settings>\n    <admin>\n      <auto_answer>1</auto_answer>\n    </admin>\n    <user></user>\n  </hs_settings>\n' });
  assert.equal(
    fixed(emptyUser, 'misplaced-element'),
    handset({ settings: '  <hs_settings>\n    <admin>\n    </admin>\n    <user>\n      <auto_answer>1</auto_answer>\n    </user>\n  </hs_settings>\n' }),
  );
});

test('tabs are kept as the indentation step', () => {
  const text = '<?xml version="1.0" encoding="UTF-8"?>\n<hs_config>\n\t<ipei>02c332b510</ipei>\n\t<hs_settings>\n\t\t<admin>\n\t\t\t<auto_answer>1</auto_answer>\n\t\t</admin>\n\t</hs_settings>\n</hs_config>\n';
  assert.equal(
    fixed(text, 'misplaced-element'),
    '<?xml version="1.0" encoding="UTF-8"?>\n<hs_config>\n\t<ipei>02c332b510</ipei>\n\t<hs_settings>\n\t\t<admin>\n\t\t</admin>\n\t\t<user>\n\t\t\t<auto_answer>1</auto_answer>\n\t\t</user>\n\t</hs_settings>\n</hs_config>\n',
  );
});

test('a missing user ID is added empty; a missing profile takes the first profile', () => {
  const noProfile = handset({ sip: '  <sip>\n    <line>\n      <user_id>1</user_id>\n    </line>\n  </sip>\n' });
  assert.equal(fixed(noProfile, 'missing-element'), handset({ sip: '  <sip>\n    <line>\n      <profile_name>profile1</profile_name>\n      <user_id>1</user_id>\n    </line>\n  </sip>\n' }));
  const noIpei = '<?xml version="1.0" encoding="UTF-8"?>\n<hs_config>\n  <hs_name>x</hs_name>\n</hs_config>\n';
  assert.equal(fixed(noIpei, 'missing-element', 'file:///srv/desk.xml'), '<?xml version="1.0" encoding="UTF-8"?>\n<hs_config>\n  <ipei></ipei>\n  <hs_name>x</hs_name>\n</hs_config>\n', 'no IPEI in the file name: an empty one to fill in');
  const { actions } = actionsFor(handset({ ipei: '' }), 'empty-value', 'file:///srv/desk.xml');
  assert.deepEqual(actions, [], 'an empty IPEI and no IPEI in the file name: nothing to set');
});

test('a file name with the base station affixes is renamed around the IPEI only', () => {
  const uri = 'file:///srv/tftp/hs_02c332b510.xml.enc';
  const { actions } = actionsFor(handset({ ipei: '02c332b511' }), 'ipei-file-name-mismatch', uri);
  assert.equal(actions[0].title, 'Rename the file to hs_02c332b511.xml.enc');
  assert.deepEqual(actions[0].edit?.documentChanges, [{ kind: 'rename', oldUri: uri, newUri: 'file:///srv/tftp/hs_02c332b511.xml.enc' }]);
  assert.equal(actions[0].isPreferred, undefined);
});

test('no shortening where the value holds markup, and no fix for an empty user ID (only the user knows it)', () => {
  const entity = handset({ name: '  <hs_name>Front &amp; desk</hs_name>\n' });
  assert.deepEqual(actionsFor(entity, 'value-too-long').actions, [], 'cutting the raw text could split &amp;');
  const cdata = handset({ name: '  <hs_name><![CDATA[Front desk 1]]></hs_name>\n' });
  assert.deepEqual(actionsFor(cdata, 'value-too-long').actions, []);
  const emptyUser = handset({ sip: '  <sip>\n    <line>\n      <profile_name>profile1</profile_name>\n      <user_id></user_id>\n    </line>\n  </sip>\n' });
  assert.deepEqual(actionsFor(emptyUser, 'empty-value').actions, []);
});

test('a fix for a diagnostic sent back without its data still knows the limit to shorten to', () => {
  const text = handset({ name: '  <hs_name>Reception desk</hs_name>\n' });
  const { document, diagnostic } = actionsFor(text, 'value-too-long');
  const [shorten] = service.doCodeActions(document, diagnostic.range, [{ ...diagnostic, data: undefined }], ['quickfix']);
  assert.equal(shorten.title, "Shorten to 'Reception' (9 characters)");
  const foreignData = { ...diagnostic, data: { maxLength: 0 } };
  assert.deepEqual(service.doCodeActions(document, diagnostic.range, [foreignData], ['quickfix']), [], 'no limit, no cut');
});

test('renaming an empty element written as <x/> changes its one tag', () => {
  assert.equal(fixed(handset({ name: '  <hs_nam/>\n' }), 'unknown-element'), handset({ name: '  <hs_name/>\n' }));
});
