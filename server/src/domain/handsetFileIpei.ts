// The IPEI an encrypted handset file is named after, read from the plaintext's own <ipei>.

import { HANDSET_ROOT as ROOT } from '../../../shared/detect/handsetText';
import { elementValue, parseDocument } from '../xml/parser';
import { isHexIpei } from '../../../shared/domain/ipei';
import type { IpeiForName } from '../../../shared/protocol/protocol';


/** The file's `<ipei>` when it is 10 hex digits (safe in a file name), else why the file cannot be named. */
export function ipeiForFileName(text: string): IpeiForName {
  const root = parseDocument(text).root;
  if (root?.name !== ROOT) return { problem: `not a handset file (its root element is not <${ROOT}>)` };
  const element = root.children.find((c) => c.name === 'ipei');
  if (!element) return { problem: 'has no <ipei>, so the encrypted file cannot be named' };
  const { value } = elementValue(text, element);
  if (!isHexIpei(value)) return { problem: `<ipei> must be 10 hex digits to name the encrypted file, found "${value}"` };
  return { ipei: value };
}
