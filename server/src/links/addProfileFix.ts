// "Name profile 2 'Sales' in dp750.txt": a handset file names a profile its site's base station does not have; the
// fix names one that is still at its factory name (profile2 …) and that none of the site's handset files uses, in
// the site's own config (text, v1 or v2), switching the profile on if the config has it off. A quick fix of the
// handset language that edits the config: a contribution, as the other cross-language parts are.

import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import { isBaseConfigText } from '../../../shared/detect/language';
import { BASE_CONFIG_LANGUAGE_ID } from '../../../shared/languageIds';
import { pNumberOf, PROFILE_NAME_PS } from '../baseConfig/catalogue';
import { setValuesEdits, type PValueToSet } from '../baseConfig/configEdits';
import { parseBaseConfig } from '../baseConfig/parser';
import { Code } from '../handset/codes';
import { SOURCE } from '../handset/validate';
import type { Site } from '../sites/sites';

export interface AddProfileContext {
  /** A handset file's site. */
  site(uri: string): Site;
  /** A file's text: the open document's, else the file's on disk. */
  text(file: string): string | undefined;
  /** The profile names the handset files of a site use (open and indexed ones), by site id. */
  namesInUse(site: Site): ReadonlySet<string>;
}

export function addProfileFixes(ctx: AddProfileContext): (document: TextDocument, diagnostics: readonly Diagnostic[], only?: readonly string[]) => CodeAction[] {
  return (document, diagnostics, only) => {
    if (only && !only.some((k) => CodeActionKind.QuickFix.startsWith(k))) return [];
    const unknown = diagnostics.filter((d) => d.source === SOURCE && d.code === Code.ProfileUnknown && typeof (d.data as { name?: unknown } | undefined)?.name === 'string');
    if (unknown.length === 0) return [];
    const site = ctx.site(document.uri);
    return unknown.flatMap((d) => {
      const fix = addProfile(ctx, site, (d.data as { name: string }).name);
      return fix ? [{ ...fix, diagnostics: [d] }] : [];
    });
  };
}

function addProfile(ctx: AddProfileContext, site: Site, name: string): CodeAction | undefined {
  const config = site.configFile;
  const text = config === undefined ? undefined : ctx.text(config);
  if (!config || !site.model || text === undefined || !isBaseConfigText(text)) return undefined;
  const inUse = ctx.namesInUse(site);
  const free = site.model.profiles.find((p) => p.name === `profile${p.index}` && !inUse.has(p.name));
  if (!free) return undefined;
  const values: PValueToSet[] = [{ p: PROFILE_NAME_PS[free.index - 1], value: name }];
  if (!free.active) values.push({ p: pNumberOf(`profile.${free.index}.enable`), value: '1' });
  const uri = URI.file(config).toString();
  const edits = setValuesEdits(TextDocument.create(uri, BASE_CONFIG_LANGUAGE_ID, 0, text), parseBaseConfig(text), values);
  if (!edits) return undefined;
  const on = free.active ? '' : ', and switch it on';
  return {
    title: `Name profile ${free.index} '${name}' in ${path.basename(config)} (now '${free.name}', used by no handset file${on})`,
    kind: CodeActionKind.QuickFix,
    edit: { changes: { [uri]: edits } },
  };
}
