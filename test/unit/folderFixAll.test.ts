// "Fix all … in the folder": one kind with a sure fix, fixed in every file of the folder in one workspace edit, the
// other files' edits asking for confirmation; none for the folder's own kinds, which have no sure fix.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticSeverity, type TextDocumentEdit, type TextEdit } from 'vscode-languageserver-types';
import { getLanguageService } from '../../server/src/handset/languageService';
import { folderFixAllActions, OTHER_FILES_ANNOTATION, type FolderFile } from '../../server/src/workspace/folderFixAll';
import { codes, handset } from './helpers';

const service = getLanguageService();
const sip = (profile: string) => `  <sip>\n    <line>\n      <profile_name>${profile}</profile_name>\n      <user_id>5328</user_id>\n    </line>\n  </sip>\n`;
const FULL = { documentChanges: true, changeAnnotations: true };

function file(name: string, text: string, open = false, version = 0): FolderFile {
  const document = TextDocument.create(`file:///fleet/${name}`, 'hsconfig', version, text);
  return { document, open, diagnostics: service.doValidation(document) };
}

function fleet() {
  return [
    file('ipei_02c332b510.xml', handset({ ipei: '02c332b510', sip: sip('PROFILE1') }), true, 7),
    file('ipei_02c332b511.xml', handset({ ipei: '02c332b511', sip: sip('Profile1') })),
    file('ipei_02c332b512.xml', handset({ ipei: '02c332b512', sip: sip('profile1') })),
    file('ipei_02c332b513.xml', handset({ ipei: '02c332b513', sip: sip('PROFILE1') })),
  ];
}

test('a kind with a sure fix in several files: one action fixes it in each, and only the other files ask for confirmation', () => {
  const files = fleet();
  const [current] = files;
  const requested = current.diagnostics.filter((d) => d.code === 'profile-unknown');
  const [action, ...more] = folderFixAllActions(service, current.document, requested, files, FULL);
  assert.equal(more.length, 0);
  assert.equal(action.title, "Fix all 3 profile names written in the wrong case in the folder's 3 files (profile-unknown)");
  assert.equal(action.kind, 'quickfix');
  assert.deepEqual(action.diagnostics, requested, 'the current file\'s problems it fixes');
  const changes = action.edit?.documentChanges as TextDocumentEdit[];
  assert.deepEqual(
    changes.map((c) => [c.textDocument.uri.split('/').pop(), c.textDocument.version]),
    [
      ['ipei_02c332b510.xml', 7],
      ['ipei_02c332b511.xml', null],
      ['ipei_02c332b513.xml', null],
    ],
    'the open file at its version, closed files on their disk text, the clean file untouched',
  );
  assert.ok(changes[0].edits.every((e) => !('annotationId' in e)), 'the current file needs no confirmation');
  assert.ok(changes.slice(1).every((c) => c.edits.every((e) => 'annotationId' in e && e.annotationId === OTHER_FILES_ANNOTATION)));
  assert.deepEqual(action.edit?.changeAnnotations?.[OTHER_FILES_ANNOTATION]?.needsConfirmation, false);
  for (const change of changes) {
    const before = files.find((f) => f.document.uri === change.textDocument.uri)!.document;
    const after = TextDocument.create(before.uri, 'hsconfig', 1, TextDocument.applyEdits(before, change.edits as TextEdit[]));
    assert.match(after.getText(), /<profile_name>profile1<\/profile_name>/);
    assert.deepEqual(codes(service.doValidation(after)), [], before.uri);
  }
});

test('a problem of another tool that uses one of our codes gets no folder fix', () => {
  const files = fleet();
  const [current] = files;
  const ours = current.diagnostics.filter((d) => d.code === 'profile-unknown');
  const foreign = ours.map((d) => ({ ...d, source: 'another-linter' }));
  assert.deepEqual(folderFixAllActions(service, current.document, foreign, files, FULL), []);
  assert.equal(folderFixAllActions(service, current.document, [...foreign, ...ours], files, FULL).length, 1);
});

test('a client without document changes gets the same edits as plain changes', () => {
  const files = fleet();
  const requested = files[0].diagnostics;
  const [action] = folderFixAllActions(service, files[0].document, requested, files, { documentChanges: false, changeAnnotations: false });
  assert.deepEqual(Object.keys(action.edit?.changes ?? {}).length, 3);
  assert.equal(action.edit?.documentChanges, undefined);
});

test('no folder action for a kind in one file only, a kind without a sure fix, or a folder-* kind', () => {
  const files = fleet();
  const one = [files[0], files[2]];
  assert.deepEqual(folderFixAllActions(service, files[0].document, files[0].diagnostics, one, FULL), [], 'one file: the file\'s own fix-all covers it');
  const unknown = [file('a.xml', handset({ sip: sip('Nowhere') }), true), file('b.xml', handset({ ipei: '02c332b511', sip: sip('Nowhere') }))];
  assert.deepEqual(codes(unknown[0].diagnostics), ['profile-unknown']);
  assert.deepEqual(folderFixAllActions(service, unknown[0].document, unknown[0].diagnostics, unknown, FULL), [], 'a profile matching none: the user picks');
  for (const code of ['folder-duplicate-ipei', 'folder-did-conflict', 'folder-account-slots', 'folder-handset-number']) {
    const d = Diagnostic.create({ start: { line: 2, character: 8 }, end: { line: 2, character: 18 } }, 'x', DiagnosticSeverity.Warning, code, 'hsconfig');
    const both = [files[0], files[1]].map((f) => ({ ...f, diagnostics: [d] }));
    assert.deepEqual(folderFixAllActions(service, both[0].document, [d], both, FULL), [], code);
  }
});
