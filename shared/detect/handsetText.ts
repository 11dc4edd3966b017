// Which files a folder search takes for handset files, for the CLI and the editor alike.

import { rootElementName } from './rootElement';

/** The root element of a handset file (the handset catalogue's root). */
export const HANDSET_ROOT = 'hs_config';

/** Folders a search never enters. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git']);

/** A file worth reading: its name ends in `.xml`. */
export function mayBeHandsetFile(name: string): boolean {
  return name.toLowerCase().endsWith('.xml');
}

/** Text whose root element is <hs_config>. */
export function isHandsetText(text: string): boolean {
  return rootElementName(text) === HANDSET_ROOT;
}
