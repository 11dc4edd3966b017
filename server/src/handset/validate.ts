// Checks a document against every rule of the field catalogue and the base station's workflow.

import { profileNameProblem } from '../domain/profileName';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { URI, Utils } from 'vscode-uri';
import { allElements, childrenOf, getElement, ROOT, type ElementSpec, type ValueSpec } from './catalogue';
import { Code, type DiagnosticCode } from './codes';
import { declaredEncoding, elementValue, parseDocument, type ElementValue, type ParsedDocument, type Span, type XmlElement } from '../xml/parser';
import type { LanguageSettings } from './settings';
import { closest } from './suggest';
import { describeChoices, type ChoiceSpec } from './describe';
import { decimalToHex, ipeiFromFileName, isHexIpei, parseDecimalIpei } from '../../../shared/domain/ipei';
import { looksEncryptedText } from '../../../shared/domain/textBytes';

export const SOURCE = 'hsconfig';

class Collector {
  readonly diagnostics: Diagnostic[] = [];
  constructor(private readonly document: TextDocument) {}

  add(severity: DiagnosticSeverity, code: DiagnosticCode, span: Span, message: string, data?: unknown): void {
    const range = { start: this.document.positionAt(span.start), end: this.document.positionAt(span.end) };
    const d = Diagnostic.create(range, message, severity, code, SOURCE);
    if (data !== undefined) d.data = data;
    this.diagnostics.push(d);
  }
  error(code: DiagnosticCode, span: Span, message: string, data?: unknown): void {
    this.add(DiagnosticSeverity.Error, code, span, message, data);
  }
  warning(code: DiagnosticCode, span: Span, message: string, data?: unknown): void {
    this.add(DiagnosticSeverity.Warning, code, span, message, data);
  }
  info(code: DiagnosticCode, span: Span, message: string, data?: unknown): void {
    this.add(DiagnosticSeverity.Information, code, span, message, data);
  }
}

export function validate(document: TextDocument, settings: LanguageSettings, parse = () => parseDocument(document.getText())): Diagnostic[] {
  const out = new Collector(document);
  const text = document.getText();
  const whole = { start: 0, end: text.length };
  if (text.length > settings.maxDocumentSize) {
    // An error, not a note: a file that was not checked must not pass (a CI run, encryption, generation).
    out.error(
      Code.DocumentTooLarge,
      { start: 0, end: 0 },
      `This document has ${text.length.toLocaleString('en')} characters, more than the ${settings.maxDocumentSize.toLocaleString('en')} that are checked (setting hsconfig.maxDocumentSize), so it was not checked. Handset files are normally a few kilobytes.`,
    );
    return out.diagnostics;
  }
  if (text.trim() === '') {
    out.error(Code.EmptyDocument, whole, 'The file is empty: a handset file starts with <?xml version="1.0" encoding="UTF-8"?> and an <hs_config> root.');
    return out.diagnostics;
  }
  if (looksEncryptedText(text)) {
    out.error(Code.EncryptedFile, { start: 0, end: Math.min(text.length, 8) }, 'This file is encrypted: decrypt it to read or check it.');
    return out.diagnostics;
  }
  checkReplacementCharacter(text, out);
  const doc = parse();
  // A bare & or < is named where it stands, with its fix; when nothing else is wrong, the checks go on past it.
  for (const slip of doc.markupSlips) out.error(Code.NotWellFormed, slip.span, slip.message, { suggestion: slip.replacement });
  if (doc.otherSyntaxError) {
    out.error(Code.NotWellFormed, doc.otherSyntaxError.span, doc.otherSyntaxError.message);
    return out.diagnostics;
  }
  const root = doc.root;
  if (!root) return out.diagnostics; // saxes reports a missing root as a syntax error
  if (root.name !== ROOT) {
    out.error(Code.RootNotHsConfig, root.nameSpan, `The root element must be <${ROOT}>, not <${root.name}>: this is not a handset provisioning file.`);
    return out.diagnostics;
  }
  checkDeclaration(doc, out);
  new ElementChecker(text, document.uri, settings, out).check(root, getElement(ROOT) as ElementSpec);
  return out.diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** U+FFFD is what an editor shows for bytes that are not UTF-8: the file was read in the wrong encoding. */
function checkReplacementCharacter(text: string, out: Collector): void {
  const at = text.indexOf('\uFFFD');
  if (at < 0) return;
  out.error(
    Code.NotUtf8,
    { start: at, end: at + 1 },
    "This � stands for bytes that are not UTF-8: the file is probably Latin-1 or Windows-1252. Reopen it with its encoding (Reopen with Encoding → Western), then Save with Encoding → UTF-8; or convert it: iconv -f ISO-8859-1 -t UTF-8.",
  );
}

function checkDeclaration(doc: ParsedDocument, out: Collector): void {
  if (!doc.declaration) {
    out.error(Code.DeclarationMissing, { start: 0, end: 0 }, 'The file must begin with the XML declaration <?xml version="1.0" encoding="UTF-8"?>.');
    return;
  }
  const enc = declaredEncoding(doc.declaration);
  if (enc && enc.value.toUpperCase() !== 'UTF-8') {
    out.warning(Code.EncodingNotUtf8, enc.span, `Declare the encoding as UTF-8, as the base station expects, not ${enc.value}.`);
  }
}

const ELEMENT_NAMES = allElements().map((e) => e.name);

/** Where a misplaced element belongs: "belongs directly inside <user>", or the root's own wording. */
function belongsIn(spec: ElementSpec): string {
  return spec.parent ? `belongs directly inside <${spec.parent}>` : 'is the root element and belongs only at the top of the file';
}

class ElementChecker {
  /** The profile and user ID of each line seen so far, to find a second line for the same account. */
  private readonly accounts = new Set<string>();

  constructor(
    private readonly text: string,
    private readonly uri: string,
    private readonly settings: LanguageSettings,
    private readonly out: Collector,
  ) {}

  /** Checks the element and everything inside it, in document order, without recursion (documents may nest deep). */
  check(root: XmlElement, rootSpec: ElementSpec): void {
    const work = [{ el: root, spec: rootSpec }];
    for (let next = work.pop(); next; next = work.pop()) {
      const { el, spec } = next;
      for (const a of el.attributes) {
        this.out.warning(Code.UnexpectedAttribute, a.span, `<${el.name}> takes no attributes; the base station ignores '${a.name}'.`);
      }
      if (spec.value) this.checkValue(el, spec.value);
      else {
        const inner = this.checkContainer(el);
        for (let i = inner.length - 1; i >= 0; i--) work.push(inner[i]);
      }
    }
  }

  /** Checks a container's own rules; returns the children to check in turn. */
  private checkContainer(el: XmlElement): { el: XmlElement; spec: ElementSpec }[] {
    const inner: { el: XmlElement; spec: ElementSpec }[] = [];
    const stray = elementValue(this.text, el);
    if (stray.value) {
      this.out.warning(Code.UnexpectedText, stray.span, `<${el.name}> holds elements, not text; this text is ignored.`);
    }
    const seen = new Map<string, number>();
    for (const child of el.children) {
      const childSpec = getElement(child.name);
      if (!childSpec) {
        this.unknown(child, el);
        continue;
      }
      if (childSpec.parent !== el.name) {
        this.out.warning(
          Code.MisplacedElement,
          child.nameSpan,
          `<${child.name}> ${belongsIn(childSpec)}, not inside <${el.name}>; here it is ignored.`,
          { parent: childSpec.parent },
        );
      } else {
        const n = (seen.get(child.name) ?? 0) + 1;
        seen.set(child.name, n);
        if (n > childSpec.maxOccurs) this.tooMany(child, childSpec);
      }
      inner.push({ el: child, spec: childSpec });
    }
    for (const required of childrenOf(el.name)) {
      if (required.mandatory && !seen.has(required.name)) {
        this.out.error(Code.MissingElement, el.nameSpan, missingMessage(el.name, required), { element: required.name });
      }
    }
    if (el.name === 'hs_settings') this.checkForceApply(el);
    if (el.name === 'line' && el.parent?.name === 'sip') this.checkAccount(el);
    return inner;
  }

  private unknown(child: XmlElement, parent: XmlElement): void {
    const siblings = childrenOf(parent.name).map((e) => e.name);
    const suggestion = closest(child.name, [...siblings, ...ELEMENT_NAMES]);
    const hint = suggestion ? ` Did you mean <${suggestion}>?` : '';
    this.out.warning(Code.UnknownElement, child.nameSpan, `<${child.name}> is not a handset setting; the base station ignores it.${hint}`, suggestion ? { suggestion } : undefined);
  }

  private tooMany(child: XmlElement, spec: ElementSpec): void {
    if (spec.maxOccurs === 1) {
      this.out.warning(Code.DuplicateElement, child.nameSpan, `<${child.name}> may appear only once here; this repeat is redundant or conflicting.`);
    } else {
      this.out.error(Code.TooManyElements, child.nameSpan, `At most ${spec.maxOccurs} <${child.name}> elements are allowed: a handset has ${spec.maxOccurs} line slots.`);
    }
  }

  private checkValue(el: XmlElement, value: ValueSpec): void {
    for (const child of el.children) {
      const childSpec = getElement(child.name);
      if (childSpec) {
        this.out.warning(Code.MisplacedElement, child.nameSpan, `<${child.name}> ${belongsIn(childSpec)}, not inside <${el.name}>, which holds a value.`, { parent: childSpec.parent });
      } else this.unknown(child, el);
    }
    const v = elementValue(this.text, el);
    switch (value.kind) {
      case 'text':
        return this.checkText(el, v, value.required, value.maxLength);
      case 'ipei':
        return this.checkIpei(v);
      case 'profile':
        return this.checkProfile(v);
      case 'choice':
        return this.checkChoice(el, v, value);
    }
  }

  private checkText(el: XmlElement, v: ElementValue, required: boolean, maxLength?: number): void {
    if (required && !v.value) {
      this.out.error(Code.EmptyValue, v.span, `<${el.name}> must not be empty: ${getElement(el.name)?.summary ?? ''}`);
    } else if (maxLength !== undefined && [...v.value].length > maxLength) {
      this.out.error(Code.ValueTooLong, v.span, `<${el.name}> takes at most ${maxLength} characters; this has ${[...v.value].length}.`, { maxLength });
    }
  }

  private checkIpei(v: ElementValue): void {
    if (!v.value) {
      this.out.error(Code.EmptyValue, v.span, "<ipei> must hold the handset's IPEI, 10 hex digits such as '02c332b510'.");
      return;
    }
    if (isHexIpei(v.value)) {
      this.checkFileName(v);
      return;
    }
    const decimal = parseDecimalIpei(v.value);
    if (decimal) {
      const hex = decimalToHex(decimal);
      const check =
        decimal.checkDigit === decimal.expectedCheckDigit
          ? ''
          : ` Its check digit should be ${decimal.expectedCheckDigit}, not ${decimal.checkDigit}: check it for a typo first.`;
      this.out.error(Code.IpeiDecimal, v.span, `This is the 13-digit decimal form of an IPEI; the base station expects 10 hex digits: '${hex}'.${check}`, { hex });
      return;
    }
    this.out.error(Code.IpeiInvalid, v.span, `An IPEI is 10 hex digits (0–9, a–f), such as '02c332b510'; found '${v.value}'.`);
  }

  private checkFileName(v: ElementValue): void {
    const fileName = Utils.basename(URI.parse(this.uri));
    const fromName = ipeiFromFileName(fileName);
    if (fromName && fromName.toLowerCase() !== v.value.toLowerCase()) {
      this.out.error(
        Code.IpeiFileNameMismatch,
        v.span,
        `The file name is for handset '${fromName}' but <ipei> says '${v.value}': the handset that requests this file would reject it.`,
        { fileIpei: fromName },
      );
    }
  }

  private checkProfile(v: ElementValue): void {
    const profiles = this.settings.profiles;
    if (!v.value) {
      this.out.error(Code.EmptyValue, v.span, `<profile_name> must name a base-station profile: ${profiles.join(', ')}. Without it the base station stops provisioning.`);
      return;
    }
    const invalid = profileNameProblem(v.value);
    if (invalid) {
      this.out.error(Code.ProfileNameInvalid, v.span, `${invalid.message} No base-station profile can have this name, so the base station rejects the file.`);
      return;
    }
    if (profiles.includes(v.value)) return;
    const sameButCase = profiles.find((p) => p.toLowerCase() === v.value.toLowerCase());
    const message = sameButCase
      ? `Profile names are case-sensitive: write '${sameButCase}'.`
      : `No base-station profile is named '${v.value}'; the profiles are ${profiles.map((p) => `'${p}'`).join(', ')}. The base station rejects a file whose profile it does not have.`;
    // The name goes with the diagnostic: a fix elsewhere (links/addProfileFix.ts) adds it to the site's config.
    this.out.error(Code.ProfileUnknown, v.span, message, sameButCase ? { suggestion: sameButCase } : { name: v.value });
  }

  private checkChoice(el: XmlElement, v: ElementValue, spec: ChoiceSpec): void {
    if (spec.choices.some((c) => c.value === v.value)) return;
    const sameButCase = spec.numeric ? undefined : spec.choices.find((c) => c.value.toLowerCase() === v.value.toLowerCase());
    if (sameButCase) {
      this.out.error(Code.ValueCase, v.span, `Write '${sameButCase.value}': values are case-sensitive.`, { suggestion: sameButCase.value });
      return;
    }
    const found = v.value ? `found '${v.value}'` : 'found nothing';
    this.out.error(Code.InvalidValue, v.span, `<${el.name}> takes ${describeChoices(spec)}; ${found}.`);
  }

  private checkForceApply(hsSettings: XmlElement): void {
    const userBlock = hsSettings.children.find((c) => c.name === 'user');
    if (!userBlock || userBlock.children.length === 0) return;
    const force = hsSettings.children.find((c) => c.name === 'force_apply');
    const forceValue = force ? elementValue(this.text, force).value : '0';
    if (forceValue !== '0') return;
    const why = force ? '<force_apply> is 0' : 'there is no <force_apply>';
    this.out.info(Code.UserSettingsIgnored, userBlock.nameSpan, `These user settings will not be applied because ${why}; set <force_apply>1</force_apply> to apply them.`);
  }

  private checkAccount(line: XmlElement): void {
    const valueOf = (name: string) => {
      const el = line.children.find((c) => c.name === name);
      return el ? elementValue(this.text, el) : undefined;
    };
    const profile = valueOf('profile_name');
    const userId = valueOf('user_id');
    if (!profile?.value || !userId?.value) return;
    const key = `${profile.value}\u0000${userId.value}`;
    if (this.accounts.has(key)) {
      this.out.warning(Code.DuplicateUserId, userId.span, `Another line already uses user ID '${userId.value}' on '${profile.value}': both would map to the same account.`);
    }
    this.accounts.add(key);
  }
}

function missingMessage(parent: string, required: ElementSpec): string {
  return `<${parent}> needs a <${required.name}>: ${required.summary}`;
}
