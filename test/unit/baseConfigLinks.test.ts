// The base-station config has one reader: the model import and the editor see the same settings; and the profile
// names that link handset files to it are found in every shape.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseBaseConfig } from '../../server/src/baseConfig/parser';
import { handsetProfileUseAt, handsetProfileUses, profileNameAt, profileNames } from '../../server/src/links/profileLinks';
import { importConfig } from '../../server/src/baseStation/importConfig';
import { fixture, handset } from './helpers';

const SHAPES = ['base-config/quirks-office.txt', 'base-config/quirks-office-v1.xml', 'base-config/quirks-office-v2.xml'];

for (const name of SHAPES) {
  test(`${name}: the model import takes the profile name the editor reads`, () => {
    const text = fixture(name);
    const [first] = profileNames(parseBaseConfig(text));
    assert.deepEqual({ profile: first.profile, name: first.name }, { profile: 1, name: 'office' });
    assert.equal(text.slice(first.span.start, first.span.end), 'office');
    assert.equal(importConfig(text).model.profiles[0].name, 'office');
  });
}

test('the last of a profile name set twice is the one linked, as the base station keeps it', () => {
  const parsed = parseBaseConfig('P27762=first\nP27762=second\n');
  assert.deepEqual(profileNames(parsed).map((p) => p.name), ['second']);
  assert.equal(profileNameAt(parsed, 'P27762=first\nP27762=se'.length)?.name, 'second');
  assert.equal(profileNameAt(parsed, 2), undefined, 'on the P-number, not the name');
});

test("a handset file's <profile_name> values, with their places", () => {
  const text = handset();
  const uses = handsetProfileUses(text);
  assert.deepEqual(uses.map((u) => [u.name, text.slice(u.span.start, u.span.end)]), [['profile1', 'profile1']]);
  assert.equal(handsetProfileUseAt(text, text.indexOf('profile1') + 3)?.name, 'profile1');
  assert.equal(handsetProfileUseAt(text, text.indexOf('<user_id>') + 2), undefined);
  assert.deepEqual(handsetProfileUses('<other><profile_name>x</profile_name></other>'), [], 'only in handset files');
});
