// The arguments VS Code passes a command from each place it is offered, turned into the resources it acts on.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { failureReason, normaliseArgs } from '../../client/src/commands/commandArgs';

class FakeUri {
  constructor(readonly path: string) {}
  toString(): string {
    return `file://${this.path}`;
  }
}
const isUri = (v: unknown): v is FakeUri => v instanceof FakeUri;
const same = (a: FakeUri, b: FakeUri) => a.toString() === b.toString();
const run = (...args: unknown[]) => normaliseArgs(args, isUri, same);
const paths = (uris: readonly FakeUri[]) => uris.map((u) => u.path);

const csv = new FakeUri('/w/handsets.csv');
const a = new FakeUri('/w/a.xml');
const b = new FakeUri('/w/b.xml');

test('Explorer, one file: (clicked, [clicked]) acts on the clicked file', () => {
  const t = run(csv, [csv]);
  assert.deepEqual(paths(t.uris), ['/w/handsets.csv']);
  assert.equal(t.origin, 'explorer');
  assert.equal(t.options, undefined, 'the selection is not taken for options (the bug of issue 10)');
});

test('Explorer, several selected: (clicked, selection) acts on the whole selection in its order', () => {
  const t = run(b, [a, b]);
  assert.deepEqual(paths(t.uris), ['/w/a.xml', '/w/b.xml']);
  assert.equal(t.origin, 'explorer');
});

test('Explorer, right-click outside the selection: only the clicked file', () => {
  assert.deepEqual(paths(run(csv, [a, b]).uris), ['/w/handsets.csv']);
});

test('editor title and editor context: (uri, { groupId, editorIndex }) acts on the uri, the context is no option', () => {
  const t = run(a, { groupId: 1, editorIndex: 0 });
  assert.deepEqual(paths(t.uris), ['/w/a.xml']);
  assert.equal(t.origin, 'editor');
  assert.equal(t.options, undefined);
});

test('palette and keybinding: nothing, so the command picks the active editor or asks', () => {
  assert.deepEqual(run(), { uris: [], origin: 'palette', options: undefined });
  assert.deepEqual(run(undefined, { groupId: 2 }), { uris: [], origin: 'editor', options: undefined });
});

test('API callers: (uri, options) and (uri[], options) keep their options', () => {
  const options = { encrypt: false };
  assert.deepEqual(run(csv, options), { uris: [csv], origin: 'api', options });
  assert.deepEqual(run([a, 'not a uri', b], options), { uris: [a, b], origin: 'api', options });
  assert.deepEqual(run(options), { uris: [], origin: 'api', options });
});

test('a tree item\'s context menu (the sites view): (item, …) acts on the item\'s resourceUri', () => {
  const t = run({ label: 'ipei_02c332b510.xml', resourceUri: a }, [{ resourceUri: a }]);
  assert.deepEqual(paths(t.uris), ['/w/a.xml']);
  assert.equal(t.origin, 'view');
  assert.equal(run({ label: 'no file', resourceUri: undefined }).origin, 'api', 'an item for no file is options, as before');
});

test('failure reasons are one line, whatever was thrown', () => {
  assert.equal(failureReason(new TypeError("Cannot read properties of undefined (reading 'fsPath')\n    at x")), "Cannot read properties of undefined (reading 'fsPath')");
  assert.equal(failureReason('plain'), 'plain');
  assert.equal(failureReason({ code: 7 }), '{"code":7}');
  assert.equal(failureReason(undefined), 'undefined');
});
