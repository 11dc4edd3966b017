// Toggle Line Comment writes what each shape of file takes (issue 25): `#` in a text config, `<!-- -->` in an XML
// config and a handset file. VS Code takes the comment characters from the language-configuration file the document's
// language id points to, so an XML config has an id of its own (hsconfig-base-xml) that detection gives it.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { detectedLanguage } from '../../client/src/language/detectedLanguage';
import { getBaseConfigMode } from '../../server/src/baseConfig/baseConfigMode';
import { getBaseConfigService } from '../../server/src/baseConfig/baseConfigService';
import { getHandsetMode } from '../../server/src/handset/handsetMode';
import { getLanguageService } from '../../server/src/handset/languageService';
import { getLanguageModes } from '../../server/src/modes/languageModes';
import { recognisedLanguage } from '../../shared/detect/language';
import { BASE_CONFIG_LANGUAGE_ID, BASE_CONFIG_XML_LANGUAGE_ID, LANGUAGE_IDS } from '../../shared/languageIds';
import { TextDocument } from 'vscode-languageserver-textdocument';

const root = path.join(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const languages = manifest.contributes.languages as { id: string; configuration: string; firstLine?: string }[];

/** The comment settings of the language-configuration file a language id points to, as VS Code reads them. */
function commentsOf(id: string): { lineComment?: string; blockComment?: [string, string] } {
  const language = languages.find((l) => l.id === id);
  assert.ok(language, `${id} is declared`);
  return JSON.parse(readFileSync(path.join(root, language.configuration), 'utf8')).comments;
}

const TEXT = '# DP750\nP27762=Office\nP27014=1\n';
const XML = '\uFEFF<?xml version="1.0"?>\n<gs_provision version="1"><config version="1"><P27762>Office</P27762></config></gs_provision>\n';

test('a text config comments lines with #; an XML config and a handset file with <!-- -->, and never with #', () => {
  assert.deepEqual(commentsOf(BASE_CONFIG_LANGUAGE_ID), { lineComment: '#' }, 'a text config has no block comment');
  assert.deepEqual(commentsOf(BASE_CONFIG_XML_LANGUAGE_ID), { blockComment: ['<!--', '-->'] }, 'no line comment: VS Code toggles a block comment on each line');
  assert.deepEqual(commentsOf('hsconfig'), { blockComment: ['<!--', '-->'] });
});

test('an XML config gets the XML id, by detection and by its first line; a text config the text id', () => {
  assert.equal(recognisedLanguage(XML), BASE_CONFIG_XML_LANGUAGE_ID);
  assert.equal(recognisedLanguage(TEXT), BASE_CONFIG_LANGUAGE_ID);
  assert.equal(detectedLanguage('xml', XML, 'file:///srv/dp750.xml'), BASE_CONFIG_XML_LANGUAGE_ID);
  assert.equal(detectedLanguage('plaintext', TEXT, 'file:///srv/dp750.txt'), BASE_CONFIG_LANGUAGE_ID);
  const byFirstLine = languages.filter((l) => l.firstLine && new RegExp(l.firstLine).test('<?xml version="1.0"?><gs_provision version="1">'));
  assert.deepEqual(byFirstLine.map((l) => l.id), [BASE_CONFIG_XML_LANGUAGE_ID]);
});

test('every language id is declared with a configuration and a grammar, and activates the extension', () => {
  for (const id of LANGUAGE_IDS) {
    assert.ok(languages.some((l) => l.id === id && l.configuration), id);
    assert.ok((manifest.contributes.grammars as { language: string }[]).some((g) => g.language === id), `${id} has a grammar`);
    assert.ok((manifest.activationEvents as string[]).includes(`onLanguage:${id}`), `${id} activates`);
  }
});

test('the server reads a document sent under either id of the config language as a config', () => {
  const modes = getLanguageModes([getHandsetMode(getLanguageService()), getBaseConfigMode(getBaseConfigService())]);
  for (const id of [BASE_CONFIG_LANGUAGE_ID, BASE_CONFIG_XML_LANGUAGE_ID]) {
    // A blank document cannot be told by its content: the id it was opened under decides.
    const mode = modes.modeFor(TextDocument.create(`file:///w/${id}.cfg`, id, 1, ''));
    assert.equal(mode?.id, BASE_CONFIG_LANGUAGE_ID, id);
    assert.equal(modes.modeFor(TextDocument.create(`file:///w/${id}.xml`, id, 1, XML))?.id, BASE_CONFIG_LANGUAGE_ID, id);
  }
  assert.equal(modes.modeForText(XML).id, BASE_CONFIG_LANGUAGE_ID, 'the CLI');
});
