// A handset file as the base station reads it for provisioning: the IPEI, the name, the lines and the settings,
// found through the parser and classified by the field catalogue.

import { getElement, MAX_LINES, ROOT } from '../handset/catalogue';
import { elementValue, parseDocument, type ParsedDocument, type Span, type XmlElement } from '../xml/parser';
import { looksEncryptedText } from '../../../shared/domain/textBytes';

export interface FileValue {
  readonly value: string;
  readonly span: Span;
}

export interface FileLine {
  /** 1-based position among the file's lines. */
  readonly number: number;
  readonly span: Span;
  readonly profileName?: FileValue;
  readonly userId?: FileValue;
  readonly authId?: FileValue;
  readonly displayName?: FileValue;
  readonly ringType?: FileValue;
}

export interface FileSetting {
  readonly name: string;
  readonly value: string;
  readonly span: Span;
  readonly settingClass: 'admin' | 'user';
  /** Why the base station ignores it whatever `<force_apply>` says: misplaced, or not an allowed value. */
  readonly problem?: string;
}

export interface HandsetFile {
  readonly root: XmlElement;
  readonly ipei?: FileValue;
  readonly hsName?: FileValue;
  /** At most MAX_LINES: the base station has no slot for more. */
  readonly lines: readonly FileLine[];
  /** Lines past the last line slot. */
  readonly extraLines: readonly FileLine[];
  readonly forceApply?: FileValue;
  readonly settings: readonly FileSetting[];
}

export type ReadHandsetFile = { readonly file: HandsetFile } | { readonly problem: string; readonly span?: Span };

export function readHandsetFile(text: string, parsed?: ParsedDocument): ReadHandsetFile {
  if (looksEncryptedText(text)) return { problem: 'The file is encrypted: preview its decrypted text.' };
  const bad = text.indexOf('\uFFFD');
  if (bad >= 0) {
    return { problem: 'The file holds bytes that are not UTF-8 (shown as �): save it as UTF-8 first, or the base station reads other names and values than you see.', span: { start: bad, end: bad + 1 } };
  }
  const doc = parsed ?? parseDocument(text);
  if (doc.syntaxError) return { problem: `The base station cannot read the file: ${doc.syntaxError.message}`, span: doc.syntaxError.span };
  const root = doc.root;
  if (root?.name !== ROOT) return { problem: `The file's root element is not <${ROOT}>, so it is no handset file.`, span: root?.nameSpan };
  const value = (parent: XmlElement | undefined, name: string) => valueOf(text, parent, name);
  const sip = child(root, 'sip');
  const lines = (sip?.children ?? []).filter((c) => c.name === 'line').map((el, i) => readLine(text, el, i + 1));
  const hsSettings = child(root, 'hs_settings');
  return {
    file: {
      root,
      ipei: value(root, 'ipei'),
      hsName: value(root, 'hs_name'),
      lines: lines.slice(0, MAX_LINES),
      extraLines: lines.slice(MAX_LINES),
      forceApply: value(hsSettings, 'force_apply'),
      settings: hsSettings ? readSettings(text, hsSettings) : [],
    },
  };
}


function child(parent: XmlElement | undefined, name: string): XmlElement | undefined {
  return parent?.children.find((c) => c.name === name);
}

function valueOf(text: string, parent: XmlElement | undefined, name: string): FileValue | undefined {
  const el = child(parent, name);
  return el ? elementValue(text, el) : undefined;
}

function readLine(text: string, el: XmlElement, number: number): FileLine {
  const value = (name: string) => valueOf(text, el, name);
  return {
    number,
    span: el.span,
    profileName: value('profile_name'),
    userId: value('user_id'),
    authId: value('auth_id'),
    displayName: value('display_name'),
    ringType: value('ring_type'),
  };
}

/** Every admin or user setting in the `<hs_settings>` blocks, in document order. */
function readSettings(text: string, hsSettings: XmlElement): FileSetting[] {
  const found: FileSetting[] = [];
  for (const block of hsSettings.children) {
    const blockSpec = getElement(block.name);
    if (!blockSpec || blockSpec.value || blockSpec.parent !== hsSettings.name) continue; // only the setting blocks
    for (const el of block.children) {
      const setting = readSetting(text, el, block.name);
      if (setting) found.push(setting);
    }
  }
  return found;
}

function readSetting(text: string, el: XmlElement, blockName: string): FileSetting | undefined {
  const spec = getElement(el.name);
  if (!spec?.settingClass) return undefined;
  const { value, span } = elementValue(text, el);
  const base = { name: el.name, value, span: el.span, settingClass: spec.settingClass };
  if (spec.parent !== blockName) return { ...base, problem: `it belongs in <${spec.parent}>, not <${blockName}>` };
  const v = spec.value;
  if (v?.kind === 'choice' && !v.choices.some((c) => c.value === value)) return { ...base, span, problem: `'${value}' is not one of its values` };
  return base;
}
