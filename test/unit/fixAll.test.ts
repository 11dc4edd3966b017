// Fix-all: every problem of a kind, or every kind, with a sure fix, in one edit.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, TextEdit } from 'vscode-languageserver-types';
import { clash, sureFixKinds } from '../../server/src/handset/fixAll';
import { getLanguageService } from '../../server/src/handset/languageService';
import { codes, doc, handset } from './helpers';

const service = getLanguageService();
const URI = 'file:///srv/ipei_02c332b510.xml';
const line = (profile: string, user: number) => `    <line>\n      <profile_name>${profile}</profile_name>\n      <user_id>${user}</user_id>\n    </line>\n`;

function applied(document: TextDocument, action: CodeAction | undefined): string {
  assert.ok(action, 'no action');
  return TextDocument.applyEdits(document, action.edit?.changes?.[document.uri] as TextEdit[]);
}

test('nine profile names in the wrong case: one quick fix sets them all', () => {
  const sip = `  <sip>\n${Array.from({ length: 9 }, (_, i) => line('PROFILE1', 100 + i)).join('')}  </sip>\n`;
  const document = doc(handset({ sip }), URI);
  const diagnostics = service.doValidation(document);
  assert.equal(codes(diagnostics).filter((c) => c === 'profile-unknown').length, 9);
  const actions = service.doCodeActions(document, diagnostics[3].range, [diagnostics[3]]);
  const all = actions.find((a) => a.title === 'Fix all 9 profile names written in the wrong case in this file (profile-unknown)');
  assert.equal(all?.kind, 'quickfix');
  assert.equal(all?.diagnostics?.length, 9);
  const result = applied(document, all);
  assert.equal(result, handset({ sip: sip.replace(/PROFILE1/g, 'profile1') }));
  assert.deepEqual(service.doValidation(doc(result, URI)), []);
});

test('no fix-all for a kind that occurs once, or whose fix is a choice', () => {
  const unknown = doc(handset({ sip: `  <sip>\n${line('Nowhere', 1)}${line('Elsewhere', 2)}  </sip>\n` }), URI);
  const diagnostics = service.doValidation(unknown);
  assert.deepEqual(codes(diagnostics), ['profile-unknown', 'profile-unknown']);
  const actions = service.doCodeActions(unknown, diagnostics[0].range, [diagnostics[0]]);
  assert.ok(actions.length > 1 && actions.every((a) => !a.title.startsWith('Fix all')), 'a profile that matches none: the user picks');
  const once = doc(handset({ sip: `  <sip>\n${line('PROFILE1', 1)}  </sip>\n` }), URI);
  const d = service.doValidation(once);
  const titles = service.doCodeActions(once, d[0].range, d).map((a) => a.title);
  assert.equal(titles[0], 'Set <profile_name> to profile1');
  assert.ok(titles.every((t) => !t.startsWith('Fix all')));
});

test('source.fixAll fixes every kind with a sure fix, and only those, and only when asked for', () => {
  const text =
    '<hs_config>\n  <ipei>02c332b510</ipei>\n  <hs_nmae>Desk</hs_nmae>\n' +
    `  <sip>\n${line('Profile2', 1)}${line('Unknown', 2)}  </sip>\n` +
    '  <hs_settings>\n    <user>\n      <auto_answer>1</auto_answer>\n      <auto_answer>1</auto_answer>\n      <cradle_answer>1</cradle_answer>\n    </user>\n  </hs_settings>\n</hs_config>\n';
  const document = doc(text, URI);
  const before = codes(service.doValidation(document));
  assert.deepEqual(service.doCodeActions(document, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, []), [], 'no source action in the light bulb');
  const [fixAll, ...rest] = service.doCodeActions(document, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll']);
  assert.equal(rest.length, 0);
  assert.equal(fixAll.kind, 'source.fixAll.hsconfig');
  const after = service.doValidation(doc(applied(document, fixAll), URI));
  for (const c of ['xml-declaration-missing', 'unknown-element', 'duplicate-element', 'user-settings-ignored', 'profile-unknown']) assert.ok(before.includes(c), c);
  assert.deepEqual(codes(after), ['profile-unknown'], `left: ${JSON.stringify(after.map((d) => d.message))}`);
  assert.match(String(after[0].message), /Unknown/);
  assert.match(applied(document, fixAll), /^<\?xml version="1.0" encoding="UTF-8"\?>\n<hs_config>\n {2}<ipei>02c332b510<\/ipei>\n {2}<hs_name>Desk<\/hs_name>/);
});

test('fixes whose edits meet are not combined; fix-all again finishes the job', () => {
  const settings = '  <hs_settings>\n    <user>\n      <auto_answer>1</auto_answer>\n      <cradle_answer>1</cradle_answer>\n      <mute_as_dnd>1</mute_as_dnd>\n    </user>\n  </hs_settings>\n';
  let text = handset({ settings });
  for (let round = 0; round < 3; round++) {
    const document = doc(text, URI);
    const actions = service.doCodeActions(document, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll.hsconfig']);
    if (!actions.length) break;
    text = applied(document, actions[0]);
  }
  assert.deepEqual(codes(service.doValidation(doc(text, URI))), []);
  assert.equal((text.match(/<force_apply>1<\/force_apply>/g) ?? []).length, 1, 'one force_apply for three settings');
});

test('fixAllOfKind (the folder-wide fix-all, file by file) fixes that kind only, and nothing for a kind without a sure fix', () => {
  const text = '<hs_config>\n  <ipei>02c332b510</ipei>\n' + `  <sip>\n${line('PROFILE1', 1)}${line('Profile2', 2)}${line('Nowhere', 3)}  </sip>\n</hs_config>\n`;
  const document = doc(text, URI);
  const { edits, fixed } = service.fixAllOfKind(document, 'profile-unknown');
  assert.equal(fixed.length, 2, 'the two profiles in the wrong case, not the one that matches none');
  assert.ok(fixed.every((d) => d.code === 'profile-unknown'));
  const result = TextDocument.applyEdits(document, edits);
  assert.equal(result, text.replace('PROFILE1', 'profile1').replace('Profile2', 'profile2'), 'the missing XML declaration is another kind: left');
  assert.deepEqual(codes(service.doValidation(doc(result, URI))), ['xml-declaration-missing', 'profile-unknown']);
  assert.deepEqual(service.fixAllOfKind(doc(handset(), URI), 'profile-unknown'), { edits: [], fixed: [] }, 'a kind the file does not have');
  const twice = doc(handset({ sip: `  <sip>\n${line('profile1', 1)}${line('profile1', 1)}  </sip>\n` }), URI);
  assert.ok(codes(service.doValidation(twice)).includes('duplicate-user-id'));
  assert.deepEqual(service.fixAllOfKind(twice, 'duplicate-user-id'), { edits: [], fixed: [] }, 'a kind without a sure fix');
});

test('an `only` naming several kinds gets the actions of any of them', () => {
  const document = doc(handset({ sip: `  <sip>\n${line('PROFILE1', 1)}  </sip>\n` }), URI);
  const diagnostics = service.doValidation(document);
  const titles = (only: string[]) => service.doCodeActions(document, diagnostics[0].range, diagnostics, only).map((a) => a.title);
  assert.equal(titles(['source.organizeImports', 'quickfix'])[0], 'Set <profile_name> to profile1');
  assert.deepEqual(titles(['source.organizeImports', 'quickfix']), titles(['quickfix']));
  assert.deepEqual(titles(['source.organizeImports']), []);
});

test('a file fix-all of a kind needs two problems of it; source.fixAll alone brings no quick fix, and nothing without a sure fix', () => {
  const sip = `  <sip>\n${line('PROFILE1', 1)}${line('PROFILE1', 2)}  </sip>\n`;
  const document = doc(handset({ sip }), URI);
  const diagnostics = service.doValidation(document);
  assert.deepEqual(codes(diagnostics), ['profile-unknown', 'profile-unknown']);
  const titles = service.doCodeActions(document, diagnostics[0].range, [diagnostics[0]]).map((a) => a.title);
  assert.ok(titles.includes('Fix all 2 profile names written in the wrong case in this file (profile-unknown)'), JSON.stringify(titles));
  const source = service.doCodeActions(document, diagnostics[0].range, [diagnostics[0]], ['source.fixAll']);
  assert.deepEqual(source.map((a) => a.kind), ['source.fixAll.hsconfig']);
  const clean = doc(handset(), URI);
  assert.deepEqual(service.doCodeActions(clean, diagnostics[0].range, [], ['source.fixAll']), []);
  const noSureFix = doc(handset({ sip: `  <sip>\n${line('Nowhere', 1)}  </sip>\n` }), URI);
  assert.deepEqual(service.doCodeActions(noSureFix, diagnostics[0].range, service.doValidation(noSureFix), ['source.fixAll']), []);
});

test('source.fixAll leaves problems whose fix is preferred but not sure: a missing <profile_name> is not filled in', () => {
  const text = handset({ sip: '  <sip>\n    <line>\n      <user_id>1</user_id>\n    </line>\n  </sip>\n', head: '' });
  const document = doc(text, URI);
  const diagnostics = service.doValidation(document);
  assert.deepEqual(codes(diagnostics), ['xml-declaration-missing', 'missing-element']);
  const missing = diagnostics[1];
  assert.ok(service.doCodeActions(document, missing.range, [missing]).some((a) => a.isPreferred), 'its own quick fix is preferred');
  const [fixAll, ...rest] = service.doCodeActions(document, missing.range, [], ['source.fixAll']);
  assert.equal(rest.length, 0);
  assert.equal(fixAll.title, 'Fix all problems with a sure fix (hsconfig)');
  assert.deepEqual(fixAll.diagnostics?.map((d) => d.code), ['xml-declaration-missing']);
  assert.deepEqual(codes(service.doValidation(doc(applied(document, fixAll), URI))), ['missing-element']);
});

test('fix-all: edits in one place with other text are not merged (two settings moved into one <admin>)', () => {
  const moves = handset({ settings: '  <hs_settings>\n    <admin>\n    </admin>\n    <user>\n      <disable_transfer>1</disable_transfer>\n      <disable_conference>1</disable_conference>\n    </user>\n  </hs_settings>\n' });
  let text = moves;
  for (let round = 0; round < 3; round++) {
    const document = doc(text, URI);
    const [action] = service.doCodeActions(document, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll']);
    if (round === 0) assert.deepEqual(codes(action.diagnostics ?? []), ['user-settings-ignored', 'misplaced-element'], 'two insertions at one place: one per round');
    if (!action) break;
    text = applied(document, action);
  }
  assert.match(text, /<admin>\n {6}<disable_transfer>1<\/disable_transfer>\n {6}<disable_conference>1<\/disable_conference>\n {4}<\/admin>/, 'both moved, neither lost');
  assert.deepEqual(codes(service.doValidation(doc(text, URI))), []);
  const document = doc(moves, URI);
  const misplaced = service.doValidation(document).filter((d) => d.code === 'misplaced-element');
  assert.equal(misplaced.length, 2);
  const titles = service.doCodeActions(document, misplaced[0].range, [misplaced[0]]).map((a) => a.title);
  assert.ok(titles.length > 0 && titles.every((t) => !t.startsWith('Fix all')), `two fixes of which one can be made are no "fix all": ${JSON.stringify(titles)}`);
});

test('two edits clash when they overlap or an insertion meets the other; replacements that only touch do not', () => {
  const span = (start: number, end: number) => ({ start, end });
  const cases: [[number, number], [number, number], boolean][] = [
    [[0, 5], [3, 8], true],
    [[0, 6], [3, 3], true],
    [[0, 3], [3, 6], false],
    [[3, 3], [3, 6], true],
    [[0, 3], [3, 3], true],
    [[3, 3], [3, 3], true],
    [[2, 2], [3, 6], false],
    [[3, 6], [7, 7], false],
    [[0, 2], [4, 6], false],
  ];
  for (const [a, b, expected] of cases) {
    assert.equal(clash(span(...a), span(...b)), expected, `${a} and ${b}`);
    assert.equal(clash(span(...b), span(...a)), expected, `${b} and ${a}`);
  }
});

test('fix-all hands its edits over in document order', () => {
  const text =
    '<hs_config>\n  <ipei>02c332b510</ipei>\n  <hs_nmae>Desk</hs_nmae>\n' +
    `  <sip>\n${line('Profile2', 1)}  </sip>\n` +
    '  <hs_settings>\n    <user>\n      <auto_answer>1</auto_answer>\n      <auto_answer>1</auto_answer>\n    </user>\n  </hs_settings>\n</hs_config>\n';
  const document = doc(text, URI);
  const [fixAll] = service.doCodeActions(document, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll']);
  const starts = (fixAll.edit?.changes?.[URI] ?? []).map((e) => document.offsetAt(e.range.start));
  assert.ok(starts.length >= 4, JSON.stringify(starts));
  assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
  // A move's insertion lies after the next problem's fix: the fixes' own order is not the document's.
  const moved = handset({ name: '  <hs_nmae>Desk</hs_nmae>\n', settings: '  <hs_settings>\n    <admin>\n      <auto_answer>1</auto_answer>\n    </admin>\n    <user>\n      <cradle_answer>1</cradle_answer>\n    </user>\n    <force_apply>1</force_apply>\n  </hs_settings>\n' }).replace('<sip>', '<auto_answer>1</auto_answer>\n  <sip>').replace('>profile1<', '>PROFILE1<');
  const movedDocument = doc(moved, URI);
  const [all] = service.doCodeActions(movedDocument, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll']);
  const movedStarts = (all.edit?.changes?.[URI] ?? []).map((e) => movedDocument.offsetAt(e.range.start));
  assert.deepEqual(movedStarts, [...movedStarts].sort((a, b) => a - b));
  assert.deepEqual(codes(all.diagnostics ?? []), ['unknown-element', 'misplaced-element', 'profile-unknown']);
});

test('sureFixKinds: the kinds among the problems asked about that have one sure fix, ours only', () => {
  const d = (code: string, source = 'hsconfig') => ({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: '', code, source });
  assert.deepEqual([...sureFixKinds([d('value-case'), d('profile-unknown'), d('value-case'), d('missing-element'), d('ipei-invalid')])], ['value-case', 'profile-unknown']);
  assert.deepEqual([...sureFixKinds([d('value-case', 'other')])], [], "another tool's problem with one of our codes");
  assert.deepEqual([...sureFixKinds([d('missing-element')])], [], 'a fix that needs a value the admin must give is not sure');
});
