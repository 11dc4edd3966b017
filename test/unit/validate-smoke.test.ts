import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codes, diagnose, fixture, handset } from './helpers';

test('a clean file gets no diagnostics at all', () => {
  assert.deepEqual(diagnose(handset()), []);
});

test('the guide example only trips over its own repeated cradle_answer', () => {
  assert.deepEqual(codes(diagnose(fixture('guide-example.xml'))), ['duplicate-element']);
});
