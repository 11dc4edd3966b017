// The manifest's commands and menus: one category, titles that do not repeat it, every command offered somewhere on
// purpose, every menu entry scoped by a `when` clause whose hsconfig context keys the client really sets.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

const root = path.join(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const { commands, menus, submenus } = manifest.contributes as {
  commands: { command: string; title: string; category?: string }[];
  menus: Record<string, { command?: string; submenu?: string; when?: string; group?: string }[]>;
  submenus: { id: string; label: string }[];
};

function clientSources(dir = path.join(root, 'client', 'src')): string {
  return readdirSync(dir)
    .map((name) => path.join(dir, name))
    .map((file) => (statSync(file).isDirectory() ? clientSources(file) : file.endsWith('.ts') ? readFileSync(file, 'utf8') : ''))
    .join('\n');
}
const client = clientSources();

test('every command has the one category, and its title does not repeat it', () => {
  for (const c of commands) {
    assert.equal(c.category, 'Handset Config', c.command);
    assert.doesNotMatch(c.title, /handset config/i, `${c.command}: "${c.category}: ${c.title}" says it twice`);
  }
  assert.equal(new Set(commands.map((c) => c.title)).size, commands.length, 'titles are distinct');
});

test('the commands contributed are exactly the commands the client registers', () => {
  const registered = new Set([...client.matchAll(/registerCommand\(\s*'(hsconfig\.\w+)'/g)].map((m) => m[1]));
  for (const m of client.matchAll(/COMMAND = '(hsconfig\.\w+)'/g)) registered.add(m[1]);
  assert.deepEqual([...registered].sort(), commands.map((c) => c.command).sort());
});

test('every command is offered in the palette or a menu on purpose: each has a palette entry saying when', () => {
  const palette = new Map(menus.commandPalette.map((e) => [e.command, e.when]));
  for (const c of commands) assert.ok(palette.get(c.command), `${c.command} has no commandPalette entry with a when clause`);
});

test('every menu entry has a when clause; submenus are declared, used and not empty', () => {
  for (const [menu, entries] of Object.entries(menus)) {
    for (const e of entries) assert.ok(e.when && e.when.trim(), `${menu}: ${e.command ?? e.submenu} has no when clause`);
  }
  for (const s of submenus) {
    assert.ok(menus[s.id]?.length, `submenu ${s.id} has entries`);
    assert.ok(Object.values(menus).some((entries) => entries.some((e) => e.submenu === s.id)), `submenu ${s.id} is shown somewhere`);
    assert.doesNotMatch(s.label, /:/);
  }
  const known = new Set([...commands.map((c) => c.command)]);
  for (const entries of Object.values(menus)) for (const e of entries) if (e.command) assert.ok(known.has(e.command), `${e.command} is contributed`);
});

test('our entries sit in their own group, not among VS Code\'s (between Copy Path and Rename)', () => {
  for (const menu of ['explorer/context', 'editor/context']) {
    for (const e of menus[menu]) assert.match(e.group ?? '', /^9_hsconfig/, `${menu}: ${e.command ?? e.submenu}`);
  }
});

test('when clauses are balanced, and every hsconfig context key they read is one the client sets', () => {
  // setContext calls, and the lists of files contextKeys.ts publishes.
  const set = new Set([...client.matchAll(/'setContext', '(hsconfig\.\w+)'/g), ...client.matchAll(/: '(hsconfig\.\w+Files)'/g)].map((m) => m[1]));
  assert.deepEqual([...set].sort(), ['hsconfig.baseStationConfigFiles', 'hsconfig.encryptedFiles', 'hsconfig.handsetFiles', 'hsconfig.serving', 'hsconfig.workspaceHasFiles']);
  const views = Object.values(manifest.contributes.views as Record<string, { when?: string }[]>).flat();
  for (const { when = '' } of [...Object.values(menus).flat(), ...views]) {
    assert.equal((when.match(/\(/g) ?? []).length, (when.match(/\)/g) ?? []).length, when);
    // `view == hsconfig.sites` names a view, not a context key.
    const keys = when.replace(/\bview(Item)? == [\w.]+/g, '').match(/\bhsconfig\.[a-zA-Z]+/g) ?? [];
    for (const key of keys) assert.ok(set.has(key), `${key} in "${when}" is never set by the client`);
  }
});

test('menus do not offer encrypted-file commands on plain files, nor plain-file commands on encrypted ones', () => {
  const whenOf = (menu: string, command: string) => menus[menu].find((e) => e.command === command)?.when ?? '';
  for (const menu of ['hsconfig.explorer', 'hsconfig.editor']) {
    assert.equal(whenOf(menu, 'hsconfig.openDecrypted'), 'resourcePath in hsconfig.encryptedFiles');
    assert.equal(whenOf(menu, 'hsconfig.importBaseStation'), 'resourcePath in hsconfig.baseStationConfigFiles');
  }
  assert.equal(whenOf('hsconfig.explorer', 'hsconfig.decrypt'), 'resourcePath in hsconfig.encryptedFiles');
  assert.doesNotMatch(whenOf('hsconfig.explorer', 'hsconfig.encrypt'), /encryptedFiles|resourceExtname/);
});
