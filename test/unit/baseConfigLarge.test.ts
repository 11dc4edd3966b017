// Large base-station configs (issue 25): the outline walks the settings once (settings before the first heading, an
// empty section left out), and the setting at an offset is found by a binary search that answers as a walk of every
// setting would.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getBaseConfigService } from '../../server/src/baseConfig/baseConfigService';
import { settingAt } from '../../server/src/baseConfig/hover';
import { parseBaseConfig } from '../../server/src/baseConfig/parser';
import { fixture } from './helpers';

const heading = (title: string) => `######\n##  ${title}  ##\n######\n`;

test('outline: settings before the first heading stand alone, each section holds its own, an empty one is left out', () => {
  const text = `P271=1\nP47=\n${heading('Profile 1/General')}P27762=Office\nP27763=Lab\n${heading('Empty/Section')}# nothing\n${heading('Maintenance/Provisioning')}P237=x\n`;
  const symbols = getBaseConfigService().findDocumentSymbols(TextDocument.create('file:///b.txt', 'hsconfig-base', 1, text));
  assert.deepEqual(
    symbols.map((s) => `${s.name}: ${(s.children ?? []).map((c) => c.name).join(' ')}`),
    ['P271: ', 'P47: ', 'Profile 1/General: P27762 P27763', 'Maintenance/Provisioning: P237'],
  );
  const section = symbols[2];
  assert.deepEqual([section.range.start.line, section.range.end.line], [3, 6]);
});

test('the setting at every offset of a text, v1 and v2 config is the one a walk of every setting finds', () => {
  const walk = (parsed: ReturnType<typeof parseBaseConfig>, offset: number) => {
    for (const setting of parsed.settings) {
      if (setting.keySpan.start <= offset && offset <= setting.keySpan.end) return { setting, onValue: false };
      if (setting.valueSpan.start <= offset && offset <= setting.valueSpan.end) return { setting, onValue: true };
    }
    return undefined;
  };
  const texts = ['base-config/quirks-office.txt', 'base-config/quirks-office-v1.xml', 'base-config/quirks-office-v2.xml'].map(fixture);
  texts.push('P1=\nP2=\r\nP3=x\n\nP4', '<gs_provision><config version="1"><P1></P1><P2/><P3>a</P3></config></gs_provision>');
  for (const text of texts) {
    const parsed = parseBaseConfig(text);
    assert.ok(parsed.settings.length > 0);
    for (let offset = 0; offset <= text.length; offset++) assert.deepEqual(settingAt(parsed, offset), walk(parsed, offset), `offset ${offset} of ${JSON.stringify(text.slice(0, 40))}`);
  }
});
