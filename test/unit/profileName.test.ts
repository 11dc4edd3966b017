// The one rule for a profile name (domain/profileName.ts) and the checks that apply it: a handset's <profile_name>
// that no base station could have is an error even when the profile list holds it (a 33-character name passed), and
// a config's profile name with a control character is marked where it stands.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getBaseConfigService } from '../../server/src/baseConfig/baseConfigService';
import { newProfileNameProblem, profileNameProblem } from '../../server/src/domain/profileName';
import { codes, covered, diagnose, handset } from './helpers';

test('the rule: 1 to 32 characters (code points), no control or non-character, no space at either end', () => {
  const kinds = (names: string[]) => names.map((n) => profileNameProblem(n)?.kind ?? 'ok');
  assert.deepEqual(kinds(['profile1', 'Office (Berlin)', 'R&D', '😀'.repeat(32), 'x'.repeat(32), 'Büro #2 = "x"']), ['ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
  assert.deepEqual(kinds(['', ' \t', 'x'.repeat(33), '😀'.repeat(33)]), ['empty', 'empty', 'too-long', 'too-long']);
  assert.deepEqual(kinds(['a\tb', 'a\u007fb', 'a\u0085b', 'a\u2029b', 'a\ufdd0b', 'a\uffffb', 'a\udc00b', '\ud83d']), Array(8).fill('character'));
  assert.deepEqual(kinds([' sales', 'sales ']), ['spaces', 'spaces']);
  assert.equal(newProfileNameProblem('sales', ['sales', 'support']), "Another profile is already named 'sales': handset files could not tell the two apart.");
  assert.equal(newProfileNameProblem('Sales', ['sales']), undefined, 'names are case-sensitive, as the base station compares them');
});

const line = (name: string) => handset({ sip: `  <sip>\n    <line>\n      <profile_name>${name}</profile_name>\n      <user_id>5328</user_id>\n    </line>\n  </sip>\n` });

test('a handset <profile_name> no base station could have is profile-name-invalid, even when the list names it', () => {
  const long = 'x'.repeat(33);
  const text = line(long);
  const diagnostics = diagnose(text, undefined, { profiles: [long, 'profile2'] });
  assert.deepEqual(codes(diagnostics), ['profile-name-invalid']);
  assert.equal(covered(text, diagnostics[0]), long);
  assert.match(String(diagnostics[0].message), /^A profile name has at most 32 characters; this one has 33\. No base-station profile can have this name/);
  assert.deepEqual(codes(diagnose(line('a\tb'), undefined, { profiles: ['a\tb'] })), ['profile-name-invalid']);
  assert.deepEqual(codes(diagnose(line('profile2'))), []);
});

test("a config's profile name holding a control character is invalid-characters at its value", () => {
  const text = 'P27762=sales\u0007x\nP27763=ok\n';
  const found = getBaseConfigService().doValidation(TextDocument.create('file:///w/base.txt', 'hsconfig-base', 1, text));
  assert.deepEqual(codes(found), ['invalid-characters']);
  assert.equal(covered(text, found[0]), 'sales\u0007x');
  assert.match(String(found[0].message), /^P27762 \(Profile Name\): A profile name cannot hold the control or non-character U\+0007/);
});

test('each refusal says why in words, naming a character by its code point in capitals', () => {
  const message = (name: string) => profileNameProblem(name)?.message;
  assert.equal(message(''), 'A profile name cannot be empty.');
  assert.equal(message(' sales'), 'A profile name cannot start or end with a space: a handset file that names the profile without it would not match.');
  assert.equal(message('a\u001bb'), 'A profile name cannot hold the control or non-character U+001B: a config line or XML value cannot carry it.');
  assert.equal(message('x'.repeat(40)), 'A profile name has at most 32 characters; this one has 40.');
});
