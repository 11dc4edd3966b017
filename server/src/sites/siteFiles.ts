// Which files in a folder make it a site: a base-station config (text, XML v1 or v2, told by its content), the
// base station's state as a model JSON (hsconfig-base-station.json), and the project file (hsconfig.json). Pure:
// the finder reads the files and hands their first bytes in.

import { mayBeBaseConfigFile } from '../../../shared/detect/baseConfigText';
import { isBaseConfigText } from '../../../shared/detect/language';

/** The project file's name: settings for a site, or for every site below the folder it is in. */
export const PROJECT_FILE = 'hsconfig.json';

/** A site's base-station state (registered handsets, accounts in use) as a model JSON, beside its config or alone. */
export const STATE_FILE = 'hsconfig-base-station.json';

/** How many bytes of a candidate tell whether it is a config: enough for a text config's first P-lines. */
export const HEAD_BYTES = 16 * 1024;

/** Whether a file of this name may be a site's config (its content decides): `.txt`, `.cfg`, `.xml`, or the vendor's
 *  `cfg<MAC>` (a config by its name). */
export function mayBeSiteConfig(name: string): boolean {
  return mayBeBaseConfigFile(name);
}

/** Whether the first bytes of a file named `name` are a base-station config's. */
export function isSiteConfigHead(head: string, name: string): boolean {
  return isBaseConfigText(head, name);
}
