// What the language status item shows: which handset a file is for and how many lines it sets.

import { elementValue, type ParsedDocument } from '../xml/parser';
import type { DocumentStatus } from '../../../shared/protocol/status';

export function getDocumentStatus(doc: ParsedDocument): DocumentStatus {
  const root = doc.root;
  const value = (name: string) => {
    const el = root?.children.find((c) => c.name === name);
    return el ? elementValue(doc.text, el).value || undefined : undefined;
  };
  const sip = root?.children.find((c) => c.name === 'sip');
  return { ipei: value('ipei'), handsetName: value('hs_name'), lines: sip?.children.filter((c) => c.name === 'line').length ?? 0 };
}
