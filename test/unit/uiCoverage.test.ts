// Every menu entry of package.json (Explorer and editor menus, our submenus, the palette, File → New File…) is
// driven through that menu by a UI check (scripts/e2e/lib/uiChecks.mjs), so that coverage cannot silently rot: each
// check declares what it drives, and its source must really reach that menu and name the command's title there.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';

const root = path.join(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const { commands, menus } = manifest.contributes as {
  commands: { command: string; title: string }[];
  menus: Record<string, { command?: string; submenu?: string }[]>;
};
const titleOf = new Map(commands.map((c) => [c.command, c.title]));

interface UiCheck {
  readonly name: string;
  readonly drives: Record<string, string[]>;
  readonly source: string;
}

const loadChecks = async (): Promise<UiCheck[]> => {
  const specifier = pathToFileURL(path.join(root, 'scripts', 'e2e', 'lib', 'uiChecks.mjs')).href;
  return ((await import(specifier)) as { UI_CHECKS: UiCheck[] }).UI_CHECKS;
};

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The title as a string literal in the check's source, in either quotes. */
const literal = (title: string) => `(?:'${escape(title)}'|"${escape(title)}")`;

/** How a check reaches each menu, as its source shows it, for a command titled `title`. */
const REACHED_BY: Record<string, (title: string) => RegExp> = {
  commandPalette: (t) => new RegExp(`runCommand\\(page, ${literal(t)}\\)`),
  'file/newFile': (t) => new RegExp(`runCommand\\(page, 'Create: New File\\.\\.\\.'\\)[^]*?pickInQuickInput\\(page, ${literal(t)}\\)`),
  'explorer/context': (t) => new RegExp(`explorerContextCommand\\(page, [^)]*, ${literal(t)}\\)`),
  'hsconfig.explorer': (t) => new RegExp(`explorerSubmenuCommand\\(page, [^)]*, ${literal(t)}\\)|openOurSubmenu\\([^]*?hasText: ${literal(t)}`),
  'hsconfig.editor': (t) => new RegExp(`editorSubmenuCommand\\(page, ${literal(t)}\\)`),
  'editor/title': (t) => new RegExp(`\\.editor-actions \\.action-label\\[aria-label\\^="${escape(t)}"\\]`),
  'view/item/context': (t) => new RegExp(`sitesViewCommand\\(page, [^)]*, ${literal(t)}\\)`),
};

/** "menu command" for every entry of package.json's menus that runs a command (a submenu entry is its entries). */
const manifestEntries = (): string[] =>
  Object.entries(menus).flatMap(([menu, entries]) => entries.filter((e) => e.command).map((e) => `${menu} ${e.command}`));

test('every menu of package.json with commands in it is one the UI checks know how to open', () => {
  const withCommands = Object.keys(menus).filter((menu) => menus[menu].some((e) => e.command));
  for (const menu of withCommands) assert.ok(REACHED_BY[menu], `no UI check helper opens the menu ${menu}: add one, and its pattern here`);
});

test('every menu entry and palette command of package.json is driven by a UI check', async () => {
  const checks = await loadChecks();
  const driven = new Set(checks.flatMap((c) => Object.entries(c.drives).flatMap(([menu, ids]) => ids.map((id) => `${menu} ${id}`))));
  const missing = manifestEntries().filter((entry) => !driven.has(entry));
  assert.deepEqual(missing, [], 'menu entries no UI check drives');
});

test('each UI check drives what it declares: an entry of package.json, reached through its menu by its title', async () => {
  const checks = await loadChecks();
  const entries = new Set(manifestEntries());
  assert.ok(checks.some((c) => Object.keys(c.drives).length > 0));
  for (const check of checks) {
    for (const [menu, ids] of Object.entries(check.drives)) {
      for (const id of ids) {
        assert.ok(entries.has(`${menu} ${id}`), `${check.name} declares ${id} in ${menu}, which package.json does not offer there`);
        const title = titleOf.get(id);
        assert.ok(title, `${id} is contributed`);
        assert.match(check.source, REACHED_BY[menu](title), `${check.name} does not reach ${id} ("${title}") through ${menu}`);
      }
    }
  }
});
