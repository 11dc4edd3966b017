// Each quick fix, applied: the diagnostic it answers is gone and nothing else breaks.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, TextEdit } from 'vscode-languageserver-types';
import { Code } from '../../server/src/handset/codes';
import { getLanguageService } from '../../server/src/handset/languageService';
import { applyEveryFix, checkFix } from './fixOracle';
import { codes, doc, handset } from './helpers';

const service = getLanguageService();
const URI = 'file:///srv/ipei_02c332b510.xml';

function fixesFor(text: string, code: string, uri = URI, using = service) {
  const document = doc(text, uri);
  const diagnostics = using.doValidation(document).filter((d) => d.code === code);
  assert.equal(diagnostics.length, 1, `expected one ${code} in ${JSON.stringify(codes(using.doValidation(document)))}`);
  const actions = using.doCodeActions(document, diagnostics[0].range, diagnostics);
  const apply = (a: CodeAction) => TextDocument.applyEdits(document, a.edit?.changes?.[uri] as TextEdit[]);
  return { actions, titles: actions.map((a) => a.title), apply, document };
}

/** Applies the preferred (or only, or named) fix and returns the new text, checking that the code is gone. */
function fix(text: string, code: string, title?: string): string {
  const { actions, apply } = fixesFor(text, code);
  const chosen = title ? actions.find((a) => a.title === title) : (actions.find((a) => a.isPreferred) ?? actions[0]);
  assert.ok(chosen, `no fix ${title ?? ''} for ${code}: ${actions.map((a) => a.title)}`);
  assert.equal(chosen.kind, 'quickfix');
  const document = doc(text, URI);
  const diagnostics = service.doValidation(document);
  const result = checkFix(service, document, diagnostics, diagnostics.find((d) => d.code === code)!, chosen, chosen.edit?.changes?.[URI] as TextEdit[]);
  assert.equal(result, apply(chosen));
  assert.ok(!codes(service.doValidation(doc(result, URI))).includes(code), `${code} still there after "${chosen.title}":\n${result}`);
  return result;
}

const settings = (inner: string) => `  <hs_settings>\n${inner}  </hs_settings>\n`;

test('add the XML declaration', () => {
  assert.equal(fix(handset({ head: '' }), 'xml-declaration-missing'), handset());
});

test('fix the case of a ring type', () => {
  const text = handset({ sip: '  <sip>\n    <line>\n      <profile_name>profile1</profile_name>\n      <user_id>1</user_id>\n      <ring_type>parallel</ring_type>\n    </line>\n  </sip>\n' });
  assert.equal(fix(text, 'value-case'), text.replace('parallel', 'Parallel'));
});

test('replace an invalid value with each allowed value', () => {
  const text = handset({ settings: settings('    <admin>\n      <disable_transfer>yes</disable_transfer>\n    </admin>\n') });
  const { titles } = fixesFor(text, 'invalid-value');
  assert.deepEqual(titles, ['Set <disable_transfer> to 0 (No)', 'Set <disable_transfer> to 1 (Yes)']);
  assert.equal(fix(text, 'invalid-value', 'Set <disable_transfer> to 1 (Yes)'), text.replace('>yes<', '>1<'));
  const empty = handset({ settings: settings('    <force_apply>1</force_apply>\n    <user>\n      <key_up_idle_function/>\n    </user>\n') });
  assert.equal(fixesFor(empty, 'invalid-value').titles.length, 21);
  assert.equal(fix(empty, 'invalid-value', 'Set <key_up_idle_function> to 4 (Outgoing Calls)'), empty.replace('<key_up_idle_function/>', '<key_up_idle_function>4</key_up_idle_function>'));
});

test('rename an unknown element to the suggestion', () => {
  const text = handset({ name: '  <hs_nam>Desk</hs_nam>\n' });
  assert.equal(fix(text, 'unknown-element'), handset({ name: '  <hs_name>Desk</hs_name>\n' }));
});

test('move a misplaced element to its parent', () => {
  const text = handset({
    settings: settings('    <force_apply>1</force_apply>\n    <admin>\n      <auto_answer>1</auto_answer>\n    </admin>\n    <user>\n      <mute_as_dnd>1</mute_as_dnd>\n    </user>\n'),
  });
  assert.deepEqual(fixesFor(text, 'misplaced-element').titles, ['Move <auto_answer> into <user>']);
  const moved = fix(text, 'misplaced-element');
  assert.equal(moved, handset({ settings: settings('    <force_apply>1</force_apply>\n    <admin>\n    </admin>\n    <user>\n      <mute_as_dnd>1</mute_as_dnd>\n      <auto_answer>1</auto_answer>\n    </user>\n') }));
  const noUser = handset({ settings: settings('    <force_apply>1</force_apply>\n    <admin>\n      <auto_answer>1</auto_answer>\n    </admin>\n') });
  assert.equal(fix(noUser, 'misplaced-element'), handset({ settings: settings('    <force_apply>1</force_apply>\n    <admin>\n    </admin>\n    <user>\n      <auto_answer>1</auto_answer>\n    </user>\n') }));
});

test('a moved block keeps its inner layout; an empty parent on one line opens; a file indented with tabs stays so', () => {
  const block = handset({ settings: '  <hs_settings>\n    <force_apply>1</force_apply>\n  </hs_settings>\n  <user>\n      <auto_answer>1</auto_answer>\n <cradle_answer>1</cradle_answer>\n  </user>\n' });
  assert.equal(
    fix(block, 'misplaced-element'),
    handset({ settings: '  <hs_settings>\n    <force_apply>1</force_apply>\n    <user>\n        <auto_answer>1</auto_answer>\n    <cradle_answer>1</cradle_answer>\n    </user>\n  </hs_settings>\n' }),
    'lines indented deeper keep the difference; a line indented less than the block starts at the block',
  );
  const emptyAdmin = handset({ settings: '  <hs_settings>\n    <force_apply>1</force_apply>\n    <admin></admin>\n    <user>\n      <disable_conference>1</disable_conference>\n    </user>\n  </hs_settings>\n' });
  assert.equal(
    fix(emptyAdmin, 'misplaced-element'),
    handset({ settings: '  <hs_settings>\n    <force_apply>1</force_apply>\n    <admin>\n      <disable_conference>1</disable_conference>\n    </admin>\n    <user>\n    </user>\n  </hs_settings>\n' }),
  );
  const tabs = '<?xml version="1.0" encoding="UTF-8"?>\n<hs_config>\n\t<ipei>02c332b510</ipei>\n\t<hs_settings>\n\t\t<admin>\n\t\t</admin>\n\t\t<auto_answer>1</auto_answer>\n\t</hs_settings>\n</hs_config>\n';
  assert.equal(fix(tabs, 'misplaced-element'), tabs.replace('\t\t<auto_answer>1</auto_answer>\n', '\t\t<user>\n\t\t\t<auto_answer>1</auto_answer>\n\t\t</user>\n'));
});

test('a move goes to the parent that stands in its right place, whether first child or after a stray one of the same name', () => {
  const head = '<?xml version="1.0" encoding="UTF-8"?>\n<hs_config>\n  <ipei>02c332b510</ipei>\n';
  const moveOf = (text: string, name: string) => {
    const document = doc(text, URI);
    const d = service.doValidation(document).find((x) => x.code === 'misplaced-element' && document.getText(x.range) === name)!;
    const action = service.doCodeActions(document, d.range, [d]).find((a) => a.isPreferred)!;
    return TextDocument.applyEdits(document, action.edit?.changes?.[URI] as TextEdit[]);
  };
  const placedFirst = `${head}  <hs_settings>\n    <user>\n      <auto_answer>1</auto_answer>\n    </user>\n    <admin>\n      <cradle_answer>1</cradle_answer>\n    </admin>\n  </hs_settings>\n</hs_config>\n`;
  assert.equal(
    moveOf(placedFirst, 'cradle_answer'),
    `${head}  <hs_settings>\n    <user>\n      <auto_answer>1</auto_answer>\n      <cradle_answer>1</cradle_answer>\n    </user>\n    <admin>\n    </admin>\n  </hs_settings>\n</hs_config>\n`,
  );
  const strayFirst = `${head}  <hs_settings>\n    <admin>\n      <user>\n      </user>\n      <cradle_answer>1</cradle_answer>\n    </admin>\n    <user>\n    </user>\n  </hs_settings>\n</hs_config>\n`;
  assert.equal(
    moveOf(strayFirst, 'cradle_answer'),
    `${head}  <hs_settings>\n    <admin>\n      <user>\n      </user>\n    </admin>\n    <user>\n      <cradle_answer>1</cradle_answer>\n    </user>\n  </hs_settings>\n</hs_config>\n`,
  );
  const noSip = `${head}  <line>\n    <profile_name>profile1</profile_name>\n    <user_id>1</user_id>\n  </line>\n</hs_config>\n`;
  assert.equal(moveOf(noSip, 'line'), `${head}  <sip>\n    <line>\n      <profile_name>profile1</profile_name>\n      <user_id>1</user_id>\n    </line>\n  </sip>\n</hs_config>\n`, 'a new parent around a block of several lines');
});

test('no move into the element itself: the only place of the right name lies inside the misplaced element', () => {
  // <user> belongs in <hs_settings>, and the file's only <hs_settings> stands inside this <user> (under a stray
  // <hs_config>); moving <user> there would delete it along with its own content.
  const text = handset({ name: '  <user>\n    <hs_config>\n      <hs_settings>\n      </hs_settings>\n    </hs_config>\n  </user>\n' });
  const document = doc(text, URI);
  const diagnostics = service.doValidation(document).filter((d) => d.code === 'misplaced-element');
  assert.deepEqual(diagnostics.map((d) => d.data), [{ parent: 'hs_settings' }, { parent: null }]);
  for (const d of diagnostics) assert.deepEqual(service.doCodeActions(document, d.range, [d]), []);
});

test('remove a repeated element', () => {
  const text = handset({ name: '  <hs_name>One</hs_name>\n  <hs_name>Two</hs_name>\n' });
  const { titles, actions } = fixesFor(text, 'duplicate-element');
  assert.deepEqual(titles, ['Remove this repeated <hs_name>']);
  assert.deepEqual(actions[0].diagnostics?.map((d) => d.code), ['duplicate-element'], 'the fix names the problem it fixes');
  assert.equal(fix(text, 'duplicate-element'), handset({ name: '  <hs_name>One</hs_name>\n' }));
  const trailing = handset({ name: '  <hs_name>One</hs_name>\n  <hs_name>Two</hs_name>   \n' });
  assert.equal(fix(trailing, 'duplicate-element'), handset({ name: '  <hs_name>One</hs_name>\n' }), 'spaces after it on its line go too');
});

test('set force_apply to 1, or add it', () => {
  const user = '    <user>\n      <auto_answer>1</auto_answer>\n    </user>\n';
  assert.equal(fix(handset({ settings: settings('    <force_apply>0</force_apply>\n' + user) }), 'user-settings-ignored'), handset({ settings: settings('    <force_apply>1</force_apply>\n' + user) }));
  assert.equal(fix(handset({ settings: settings(user) }), 'user-settings-ignored'), handset({ settings: settings('    <force_apply>1</force_apply>\n' + user) }));
  assert.deepEqual(fixesFor(handset({ settings: settings(user) }), 'user-settings-ignored').titles, ['Set <force_apply> to 1 so the user settings apply']);
});

test('insert a missing mandatory element', () => {
  const noUser = handset({ sip: '  <sip>\n    <line>\n      <profile_name>profile1</profile_name>\n    </line>\n  </sip>\n' });
  const fixed = fix(noUser, 'missing-element');
  assert.match(fixed, /<line>\n {6}<user_id><\/user_id>\n {6}<profile_name>/);
  const noIpei = '<?xml version="1.0" encoding="UTF-8"?>\n<hs_config>\n  <hs_name>x</hs_name>\n</hs_config>\n';
  assert.equal(fix(noIpei, 'missing-element'), '<?xml version="1.0" encoding="UTF-8"?>\n<hs_config>\n  <ipei>02c332b510</ipei>\n  <hs_name>x</hs_name>\n</hs_config>\n');
  const unnamed = fixesFor(noIpei, 'missing-element', 'file:///srv/desk.xml');
  assert.equal(unnamed.apply(unnamed.actions[0]), '<?xml version="1.0" encoding="UTF-8"?>\n<hs_config>\n  <ipei></ipei>\n  <hs_name>x</hs_name>\n</hs_config>\n', 'no IPEI in the name: an empty one to fill');
  assert.equal(fix('<hs_config></hs_config>', 'missing-element'), '<hs_config>\n  <ipei>02c332b510</ipei>\n</hs_config>', 'an empty root: indented one step, its end tag on a line of its own');
  const uneven = '<hs_config>\n  <ipei>02c332b510</ipei>\n  <sip>\n      <line>\n        <profile_name>profile1</profile_name>\n      </line>\n  </sip>\n</hs_config>\n';
  assert.equal(fix(uneven, 'missing-element'), uneven.replace('<line>\n', '<line>\n        <user_id></user_id>\n'), 'indented as the elements beside it, not by a step guessed from the parents');
  const fourSpaces = '<?xml version="1.0" encoding="UTF-8"?>\n<hs_config>\n    <ipei>02c332b510</ipei>\n    <sip>\n        <line></line>\n    </sip>\n</hs_config>\n';
  const wide = doc(fourSpaces, URI);
  const [needsProfile] = service.doValidation(wide).filter((d) => d.code === 'missing-element');
  const [add] = service.doCodeActions(wide, needsProfile.range, [needsProfile]);
  assert.equal(TextDocument.applyEdits(wide, add.edit?.changes?.[URI] as TextEdit[]), fourSpaces.replace('<line></line>', '<line>\n            <profile_name>profile1</profile_name>\n        </line>'), 'an empty parent: one more of the file\'s own indentation step');
  const flat = '<?xml version="1.0" encoding="UTF-8"?>\n<hs_config>\n<ipei>02c332b510</ipei>\n<hs_settings>\n<auto_answer>1</auto_answer>\n</hs_settings>\n</hs_config>\n';
  assert.equal(fix(flat, 'misplaced-element'), flat.replace('<auto_answer>1</auto_answer>\n', '<user>\n  <auto_answer>1</auto_answer>\n</user>\n'), 'a file without indentation: a new parent indents its child by two spaces');
  const sameLine = handset({ settings: '  <hs_settings>\n    <force_apply>1</force_apply>\n    <admin>\n      <auto_answer>1</auto_answer>\n    </admin>\n    <user>\n      <cradle_answer>1</cradle_answer></user>\n  </hs_settings>\n' });
  assert.equal(fix(sameLine, 'misplaced-element'), handset({ settings: '  <hs_settings>\n    <force_apply>1</force_apply>\n    <admin>\n    </admin>\n    <user>\n      <cradle_answer>1</cradle_answer>\n      <auto_answer>1</auto_answer>\n    </user>\n  </hs_settings>\n' }), 'an end tag on the last child\'s line: the moved element after that child, the end tag on a line of its own');
  const noProfile = handset({ sip: '  <sip>\n    <line>\n      <user_id>1</user_id>\n    </line>\n  </sip>\n' });
  const unknown = fixesFor(noProfile, 'missing-element', URI, getLanguageService({ profiles: [] }));
  assert.equal(unknown.apply(unknown.actions[0]), noProfile.replace('<line>\n', '<line>\n      <profile_name></profile_name>\n'), 'no profile names known: an empty one to fill');
});

test('turn a decimal IPEI into its hex form', () => {
  assert.equal(fix(handset({ ipei: '1131501774242' }), 'ipei-decimal'), handset({ ipei: '02c332b510' }));
});

test('a file name that disagrees: rename the file (a workspace edit), or take its IPEI', () => {
  const text = handset({ ipei: '02c332b511' });
  const { actions, titles, apply } = fixesFor(text, 'ipei-file-name-mismatch');
  assert.deepEqual(titles, ['Rename the file to ipei_02c332b511.xml', 'Set <ipei> to 02c332b510']);
  assert.deepEqual(actions[0].edit?.documentChanges, [{ kind: 'rename', oldUri: URI, newUri: 'file:///srv/ipei_02c332b511.xml' }]);
  assert.equal(apply(actions[1]), handset({ ipei: '02c332b510' }));
  assert.ok(actions.every((a) => !a.isPreferred), 'which one is right is the admin\'s call');
});

test('profile names: the right case first, then each configured profile', () => {
  const text = handset().replace('>profile1<', '>PROFILE2<');
  assert.deepEqual(fixesFor(text, 'profile-unknown').titles, ['Set <profile_name> to profile2', 'Set <profile_name> to profile1', 'Set <profile_name> to profile3', 'Set <profile_name> to profile4']);
  assert.equal(fix(text, 'profile-unknown'), handset().replace('>profile1<', '>profile2<'));
});

test('shorten a long name, declare UTF-8, drop an attribute', () => {
  assert.equal(fix(handset({ name: '  <hs_name>Reception desk</hs_name>\n' }), 'value-too-long'), handset({ name: '  <hs_name>Reception</hs_name>\n' }));
  // Cut exactly at the limit (10 characters for <hs_name>), counting characters, not UTF-16 units.
  assert.equal(fix(handset({ name: '  <hs_name>Receptionist</hs_name>\n' }), 'value-too-long'), handset({ name: '  <hs_name>Receptioni</hs_name>\n' }));
  assert.equal(fix(handset({ name: '  <hs_name>Büro☎️📞📞📞📞📞</hs_name>\n' }), 'value-too-long'), handset({ name: '  <hs_name>Büro☎️📞📞📞📞</hs_name>\n' }));
  assert.equal(fix(handset({ head: '<?xml version="1.0" encoding="latin1"?>\n' }), 'xml-encoding-not-utf8'), handset());
  assert.equal(fix(handset({ name: '  <hs_name lang="en">Desk</hs_name>\n' }), 'unexpected-attribute'), handset({ name: '  <hs_name>Desk</hs_name>\n' }));
  assert.deepEqual(fixesFor(handset({ name: '  <hs_name lang="en">Desk</hs_name>\n' }), 'unexpected-attribute').actions.map((a) => [a.title, a.isPreferred]), [["Remove the attribute 'lang'", true]]);
});

test('no fix is offered where the repair is a guess', () => {
  const lines = '    <line>\n      <profile_name>profile1</profile_name>\n      <user_id>1</user_id>\n    </line>\n'.repeat(11);
  const document = doc(handset({ sip: `  <sip>\n${lines}  </sip>\n` }), URI);
  const diagnostics = service.doValidation(document);
  assert.deepEqual(service.doCodeActions(document, diagnostics[0].range, diagnostics), []);
});

test('a client that does not send diagnostic data back still gets the fixes', () => {
  const text = handset({ ipei: '1131501774242' });
  const document = doc(text, URI);
  const [d] = service.doValidation(document);
  const withoutData = { ...d, data: undefined };
  const actions = service.doCodeActions(document, d.range, [withoutData]);
  assert.deepEqual(actions.map((a) => a.title), ['Set <ipei> to 02c332b510']);
});

test('a value with markup characters is written escaped: a profile named R&D', () => {
  const rd = getLanguageService({ profiles: ['R&D', 'Sales <EU>'] });
  const line = (inner: string) => handset({ sip: `  <sip>\n    <line>\n${inner}      <user_id>5328</user_id>\n    </line>\n  </sip>\n` });
  const wrongCase = doc(line('      <profile_name>r&amp;d</profile_name>\n'), URI);
  const [unknown] = rd.doValidation(wrongCase);
  assert.equal(unknown.code, Code.ProfileUnknown);
  const [toRd, toSales] = rd.doCodeActions(wrongCase, unknown.range, [unknown]);
  assert.equal(TextDocument.applyEdits(wrongCase, toRd.edit?.changes?.[URI] as TextEdit[]), line('      <profile_name>R&amp;D</profile_name>\n'));
  assert.equal(TextDocument.applyEdits(wrongCase, toSales.edit?.changes?.[URI] as TextEdit[]), line('      <profile_name>Sales &lt;EU&gt;</profile_name>\n'));
  const missing = doc(line(''), URI);
  const [missingProfile] = rd.doValidation(missing);
  const [add] = rd.doCodeActions(missing, missingProfile.range, [missingProfile]);
  assert.equal(TextDocument.applyEdits(missing, add.edit?.changes?.[URI] as TextEdit[]), line('      <profile_name>R&amp;D</profile_name>\n'));
  const fixed = [wrongCase, missing, doc(line('      <profile_name></profile_name>\n'), URI)].flatMap((d) => applyEveryFix(rd, d));
  assert.deepEqual(fixed.map((f) => `${f.code}: ${f.title}`), [
    'profile-unknown: Set <profile_name> to R&D',
    'profile-unknown: Set <profile_name> to Sales <EU>',
    'missing-element: Add <profile_name>',
    'empty-value: Set <profile_name> to R&D',
    'empty-value: Set <profile_name> to Sales <EU>',
  ]);
});

test('every fix offered for a broken file leaves well-formed XML and answers its diagnostic', () => {
  const inSettings = (inner: string) => handset({ settings: settings(inner) });
  const broken = [
    handset({ head: '' }),
    handset({ head: '<?xml version="1.0" encoding="latin1"?>\n' }),
    handset({ ipei: '1131501774242', name: '  <hs_nam>Desk</hs_nam>\n  <hs_name lang="en">Reception desk &amp; lobby</hs_name>\n' }),
    handset({ ipei: '02c332b511', name: '  <hs_name>Reception desk</hs_name>\n  <hs_name>Two</hs_name>\n' }),
    handset({ ipei: '' }),
    handset().replace('>profile1<', '>PROFILE2<').replace('<user_id>5328</user_id>', '<ring_type>parallel</ring_type>'),
    handset().replace('>profile1<', '><'),
    inSettings('    <force_apply>0</force_apply>\n    <admin>\n      <auto_answer>1</auto_answer>\n      <disable_transfer>yes</disable_transfer>\n    </admin>\n    <user>\n      <key_up_idle_function/>\n    </user>\n'),
    inSettings('    <admin>\n      <auto_answer>1</auto_answer>\n    </admin>\n'),
  ];
  const fixed = broken.flatMap((text) => applyEveryFix(service, doc(text, URI)));
  const textFixes = Object.values(Code).filter((c) => !['document-too-large', 'empty-document', 'encrypted-file', 'xml-not-well-formed', 'root-not-hs-config', 'too-many-elements', 'unexpected-text', 'ipei-invalid', 'duplicate-user-id',
    // No single sure repair: the bytes must be re-saved, or the fix lies in another file of the folder.
    'not-utf8', 'file-unreadable', 'profile-name-invalid', 'folder-duplicate-ipei', 'folder-did-conflict', 'folder-account-slots', 'folder-handset-number'].includes(c));
  assert.deepEqual([...new Set(fixed.map((f) => f.code))].sort(), textFixes.sort());
  assert.ok(fixed.length > 40, `only ${fixed.length} fixes applied`);
});
