// What a workspace file is, from its first bytes, for the menus' `when` clauses: an encrypted handset file, a plain
// handset file, or a base station's configuration file. Pure, so plain-Node tests cover it.

import { rootElementName } from '../../../shared/detect/rootElement';
import { isHandsetText } from '../../../shared/detect/handsetText';
import { hasSaltedHeader } from '../../../shared/domain/textBytes';
import { isBaseConfigText } from '../../../shared/detect/language';
import { isVendorConfigName } from '../../../shared/detect/baseConfigText';

export type ResourceKind = 'encrypted' | 'handset' | 'baseStationConfig';

/** How much of a file is read to tell. */
export const HEAD_BYTES = 4096;

/** The files searched on start (the watcher then sees every change); `isCandidateName` says the same per name. */
export const CANDIDATE_GLOB = '**/*.{xml,xml.*,txt,cfg,conf,XML,TXT,CFG,CONF}';

/** The vendor's config files have no extension (`cfg000b82123456`): the second search on start. */
export const VENDOR_CONFIG_GLOB = '**/cfg*';

/**
 * Names worth reading: `.xml` (also with a postfix after it, as encrypted files may have), `.txt`, `.cfg`, `.conf`,
 * and the vendor's `cfg<MAC>`.
 */
export function isCandidateName(name: string): boolean {
  return /\.xml($|\.)|\.(txt|cfg|conf)$/i.test(name) || isVendorConfigName(name.slice(name.lastIndexOf('/') + 1));
}

export function classifyHead(head: Uint8Array): ResourceKind | undefined {
  const bytes = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  if (hasSaltedHeader(bytes)) return 'encrypted';
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (isHandsetText(text)) return 'handset';
  const root = rootElementName(text);
  if (root === 'gs_provision' || root === 'config') return 'baseStationConfig';
  if (root === undefined && isBaseConfigText(text)) return 'baseStationConfig';
  return undefined;
}
