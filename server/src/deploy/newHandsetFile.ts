// A new handset file for one IPEI: named as the base station requests it (`[prefix][IPEI].xml[postfix]`) and holding
// what makes it correct on its own (the declaration and <ipei>); everything else is the user's to add.

import { encryptedFileName, type FileNameAffixes } from '../../../shared/domain/encryptedFileName';
import { buildHandsetXml } from './buildHandsetXml';

export interface NewHandsetFile {
  /** The folder a prefix such as `handset/ipei_` names, relative to where the file goes (`handset`), or ''. */
  readonly folder: string;
  /** `ipei_02c332b510.xml`. */
  readonly name: string;
  readonly text: string;
}

/** The file for a 10-hex-digit IPEI; a prefix's folder part (up to its last slash) becomes `folder`. */
export function newHandsetFile(ipei: string, affixes: FileNameAffixes): NewHandsetFile {
  const prefix = affixes.prefix ?? '';
  const slash = prefix.lastIndexOf('/');
  const folder = slash < 0 ? '' : prefix.slice(0, slash).replace(/^\/+/, '');
  if (folder.split('/').includes('..')) throw new RangeError(`The prefix "${prefix}" leads out of the folder with "..".`);
  const name = encryptedFileName(ipei, { prefix: prefix.slice(slash + 1), postfix: affixes.postfix });
  return { folder, name, text: buildHandsetXml({ values: { ipei: ipei.toLowerCase() }, lines: [] }) };
}
