// A template handset file: the settings every generated file shares unless its CSV row says otherwise. Its own
// <ipei> is ignored (each row brings one), and so is any problem with it.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { getElement, ROOT } from '../handset/catalogue';
import { Code, type LanguageService } from '../handset/languageService';
import { elementValue, parseDocument, type XmlElement } from '../xml/parser';
import type { HandsetConfig } from './handsetConfig';

export interface Template {
  readonly config: HandsetConfig;
  /** Problems that would spoil every generated file: a template with any is not usable. */
  readonly errors: readonly Diagnostic[];
  readonly warnings: readonly Diagnostic[];
}

export function readTemplate(document: TextDocument, service: LanguageService): Template {
  const text = document.getText();
  const root = parseDocument(text).root;
  const ipei = root?.name === ROOT ? root.children.find((c) => c.name === 'ipei')?.span : undefined;
  const insideIpei = (d: Diagnostic) => ipei !== undefined && document.offsetAt(d.range.start) >= ipei.start && document.offsetAt(d.range.end) <= ipei.end;
  // A syntax error is never the IPEI's alone: the file cannot be read past it, wherever it is.
  const ignored = (d: Diagnostic) => d.code !== Code.NotWellFormed && (isAboutIpei(d) || insideIpei(d));
  const diagnostics = service.doValidation(document).filter((d) => !ignored(d));
  const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error);
  const warnings = diagnostics.filter((d) => d.severity !== DiagnosticSeverity.Error);
  const config = errors.length === 0 && root ? collect(text, root) : { values: {}, lines: [] };
  return { config, errors, warnings };
}

const IPEI_CODES: readonly string[] = [Code.IpeiInvalid, Code.IpeiDecimal, Code.IpeiFileNameMismatch];

function isAboutIpei(d: Diagnostic): boolean {
  return IPEI_CODES.includes(String(d.code)) || (d.code === Code.MissingElement && (d.data as { element?: string } | undefined)?.element === 'ipei');
}

/** The values and lines of every element that stands where the catalogue puts it; the rest was warned about. */
function collect(text: string, root: XmlElement): HandsetConfig {
  const values: Record<string, string> = {};
  const lines: Record<string, string>[] = [];
  const walk = (el: XmlElement, into: Record<string, string>) => {
    for (const child of el.children) {
      const spec = getElement(child.name);
      if (!spec || spec.parent !== el.name || child.name === 'ipei') continue;
      if (spec.value) into[child.name] = elementValue(text, child).value;
      else if (child.name === 'line') lines.push(lineOf(child));
      else walk(child, into);
    }
  };
  const lineOf = (line: XmlElement) => {
    const fields: Record<string, string> = {};
    walk(line, fields);
    return fields;
  };
  walk(root, values);
  return { values, lines };
}
