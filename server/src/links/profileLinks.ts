// The link between handset files and the base station's config: a handset line's <profile_name> names one of the
// base station's profiles, whose name is P27762–P27765 (v2 `profile.N.name`). Pure: texts in, places out; and each
// language's part in the links, which the wiring contributes to its mode at construction.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { elementValue, parseDocument, type ParsedDocument, type Span } from '../xml/parser';
import { preOrder } from '../xml/xmlTree';
import { escapeText } from '../xml/xmlText';
import { PROFILE_NAME_PS } from '../baseConfig/catalogue';
import type { BaseConfigDocument } from '../baseConfig/parser';
import type { ProfileLinks } from '../modes/languageMode';
import { HANDSET_ROOT } from '../../../shared/detect/handsetText';

export interface ProfileNameSetting {
  /** 1–4. */
  readonly profile: number;
  readonly name: string;
  /** Where the name stands (an empty span inside an empty value). */
  readonly span: Span;
}

/** The profile names a base-station config sets (the last setting of each, as the base station keeps it). */
export function profileNames(parsed: BaseConfigDocument): ProfileNameSetting[] {
  const found = new Map<number, ProfileNameSetting>();
  for (const s of parsed.settings) {
    const index = s.entry ? PROFILE_NAME_PS.indexOf(s.entry.p) : -1;
    if (index >= 0) found.set(index, { profile: index + 1, name: s.value, span: s.valueSpan });
  }
  return [...found.values()].sort((a, b) => a.profile - b.profile);
}

/** The profile name under the cursor in a base-station config. */
export function profileNameAt(parsed: BaseConfigDocument, offset: number): ProfileNameSetting | undefined {
  return profileNames(parsed).find((p) => p.span.start <= offset && offset <= p.span.end);
}

export interface HandsetProfileUse {
  readonly name: string;
  readonly span: Span;
}

/** Every `<profile_name>` value in a handset file's text (or its parse, when there is one already). */
export function handsetProfileUses(text: string, parsed: ParsedDocument = parseDocument(text)): HandsetProfileUse[] {
  const root = parsed.root;
  const uses: HandsetProfileUse[] = [];
  if (root?.name !== HANDSET_ROOT) return uses;
  // Walked with a stack, not recursion: one closed file nested 5,000 deep broke references and rename everywhere.
  for (const { el } of preOrder(root)) {
    if (el.name !== 'profile_name') continue;
    const { value, span } = elementValue(text, el);
    if (value !== '') uses.push({ name: value, span });
  }
  return uses;
}

/** The `<profile_name>` value under the cursor in a handset file. */
export function handsetProfileUseAt(text: string, offset: number): HandsetProfileUse | undefined {
  return handsetProfileUses(text).find((u) => u.span.start <= offset && offset <= u.span.end);
}

/** The handset language's part: a line's `<profile_name>` uses a name; XML escapes what is written. */
export function handsetProfileLinks(parse: (document: TextDocument) => ParsedDocument): ProfileLinks {
  return {
    nameAt(document, offset) {
      const use = handsetProfileUses(document.getText(), parse(document)).find((u) => u.span.start <= offset && offset <= u.span.end);
      return use && { ...use, role: 'use' };
    },
    written: (_document, name) => escapeText(name),
  };
}

/** The config language's part: P27762–P27765 define the names; XML configs escape what is written, text ones not. */
export function baseConfigProfileLinks(parse: (document: TextDocument) => BaseConfigDocument): ProfileLinks {
  return {
    nameAt(document, offset) {
      const setting = profileNameAt(parse(document), offset);
      return setting && { name: setting.name, span: setting.span, role: 'definition', profile: setting.profile };
    },
    definitions: (document) => profileNames(parse(document)).map((p) => ({ name: p.name, span: p.span, role: 'definition', profile: p.profile })),
    written: (document, name) => (parse(document).shape === 'text' ? name : escapeText(name)),
  };
}
