// What VS Code passes a command, by where it was run from, turned into one shape. Pure (no `vscode` import) so that
// plain-Node tests cover every menu's argument shapes:
// - Explorer context menu: (clickedUri, selectedUris[]); the clicked file is in the selection when it was selected.
// - Editor title and editor context menus: (uri, { groupId, editorIndex, ... }).
// - Command palette and keybindings: nothing (or a keybinding's own `args`).
// - A tree view's item context menu (the sites view): (item, …), the item carrying the file or folder as `resourceUri`.
// - Other extensions and tests: (uri, options) or (uri[], options).

export interface CommandTarget<U> {
  /** The resources the command applies to, in the order given; empty when run from the palette. */
  readonly uris: readonly U[];
  /** Where the arguments came from. */
  readonly origin: 'explorer' | 'editor' | 'palette' | 'view' | 'api';
  /** Anything passed after the resources that is not a menu's own context (options from an API caller). */
  readonly options?: unknown;
}

export function normaliseArgs<U>(args: readonly unknown[], isUri: (value: unknown) => value is U, same: (a: U, b: U) => boolean): CommandTarget<U> {
  const [first, second, ...rest] = args;
  const uris = (list: unknown): U[] => (Array.isArray(list) ? list.filter(isUri) : []);
  if (first === undefined || first === null) {
    // A keybinding or the palette; some menus pass (undefined, context) when there is no resource.
    return { uris: [], origin: isEditorContext(second) ? 'editor' : 'palette', options: isEditorContext(second) ? undefined : second };
  }
  if (Array.isArray(first)) return { uris: uris(first), origin: 'api', options: second };
  const item = itemResource(first, isUri);
  if (item) return { uris: [item], origin: 'view' };
  if (!isUri(first)) return { uris: [], origin: 'api', options: first };
  if (Array.isArray(second)) {
    const selected = uris(second);
    // Right-clicking outside the selection acts on the clicked file alone.
    const inSelection = selected.some((u) => same(u, first));
    return { uris: inSelection ? selected : [first], origin: 'explorer', options: rest[0] };
  }
  if (isEditorContext(second)) return { uris: [first], origin: 'editor' };
  return { uris: [first], origin: 'api', options: second };
}

/** The file or folder a tree item stands for (a TreeItem's `resourceUri`), if it is one. */
function itemResource<U>(value: unknown, isUri: (value: unknown) => value is U): U | undefined {
  const resource = typeof value === 'object' && value !== null && 'resourceUri' in value ? value.resourceUri : undefined;
  return isUri(resource) ? resource : undefined;
}

/** The second argument of editor title and editor context menu commands: which editor group and tab. */
function isEditorContext(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && ('groupId' in value || 'editorIndex' in value);
}

/** A one-line reason for a failure, for a notification; the stack goes to the log. */
export function failureReason(err: unknown): string {
  if (err instanceof Error) return err.message.split('\n')[0] || err.name;
  return typeof err === 'string' ? err : JSON.stringify(err) ?? String(err);
}
