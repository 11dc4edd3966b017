// The name the base station requests an encrypted handset file by: `[prefix][IPEI].xml[postfix]` (P27015, P27016).

import { isHexIpei } from './ipei';

export interface FileNameAffixes {
  readonly prefix?: string;
  readonly postfix?: string;
}

/** Why a prefix or postfix cannot be part of a file name, or `undefined` when it can. */
export function affixProblem(kind: 'prefix' | 'postfix', value: string): string | undefined {
  // A prefix such as `handset/ipei_` names a folder on the server; here that folder is the output folder.
  if (/[/\\]/.test(value)) return `The ${kind} "${value}" contains a slash; put the folder in the output folder instead.`;
  if (/[<>:"|?*]/.test(value) || [...value].some((c) => c.charCodeAt(0) < 0x20)) return `The ${kind} "${value}" contains a character file names cannot hold.`;
  return undefined;
}

/** `ipei_02c332b510.xml` for prefix `ipei_`; the IPEI in lower case, as the base station asks for it. */
export function encryptedFileName(ipei: string, affixes: FileNameAffixes = {}): string {
  if (!isHexIpei(ipei)) throw new RangeError(`Not a 10-hex-digit IPEI: ${ipei}`);
  for (const kind of ['prefix', 'postfix'] as const) {
    const problem = affixProblem(kind, affixes[kind] ?? '');
    if (problem) throw new RangeError(problem);
  }
  return `${affixes.prefix ?? ''}${ipei.toLowerCase()}.xml${affixes.postfix ?? ''}`;
}
