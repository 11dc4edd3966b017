import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver-types';
import { getLanguageService } from '../../server/src/handset/languageService';
import { markdownCell } from '../../server/src/handset/describe';
import { handset, withCursor } from './helpers';
import { factoryWithProvisioning } from '../../server/src/baseStation/requester';
import { siteSettings } from '../../server/src/sites/siteSettings';

const service = getLanguageService();

function hover(textWithBar: string, uri = 'file:///srv/ipei_02c332b510.xml') {
  const { document, position } = withCursor(textWithBar, uri);
  const h = service.doHover(document, position);
  if (!h) return undefined;
  const start = h.range ? document.offsetAt(h.range.start) : -1;
  const end = h.range ? document.offsetAt(h.range.end) : -1;
  return { text: (h.contents as MarkupContent).value, covered: document.getText().slice(start, end) };
}

const settingsFile = (force: string, inner: string) =>
  handset({ settings: `  <hs_settings>\n${force}    <admin>\n      <custom_ringtone>3</custom_ringtone>\n    </admin>\n    <user>\n${inner}    </user>\n  </hs_settings>\n` });

test('an element: what it does, its values, mandatory or not, and where it stands', () => {
  const h = hover(handset().replace('<hs_name>', '<hs_n|ame>'));
  assert.ok(h);
  assert.equal(h.covered, 'hs_name');
  assert.match(h.text, /optional/);
  assert.match(h.text, /at most 10 characters/);
  assert.match(h.text, /Stands in:\*\* `<hs_config>`/);
  const ipei = hover(handset().replace('<ipei>', '<ip|ei>'));
  assert.match(ipei!.text, /mandatory/);
  assert.equal(
    h.text,
    [
      '**`<hs_name>`** · optional · at most once',
      '',
      "Sets the handset's name on the base station. At most 10 characters. Leave it out to keep the current name.",
      '',
      '**Value:** text, at most 10 characters',
      '',
      '**Stands in:** `<hs_config>`',
    ].join('\n'),
    'the whole hover, paragraphs apart',
  );
});

test('an element with more than three numbered values lists them in a table; three or fewer are said in a sentence', () => {
  const keys = hover(settingsFile('    <force_apply>1</force_apply>\n', '      <key_up_idle_fun|ction>4</key_up_idle_function>\n'))!;
  assert.ok(keys.text.includes('**Value:** a whole number from 0 to 20\n\n| Value | Meaning |\n| --: | :-- |\n| 0 | None |\n| 1 | Main Menu |\n'), keys.text);
  assert.ok(keys.text.includes('\n| 17 | Hold / Resume / Swap |\n'));
  const level = hover(settingsFile('    <force_apply>1</force_apply>\n', '      <lcd_backlight_cra|dle>2</lcd_backlight_cradle>\n'))!;
  assert.ok(level.text.includes('**Value:** 0 (Disabled), 1 (Enabled) or 2 (Dim)\n'), level.text);
  assert.ok(!level.text.includes('| Value |'));
  assert.equal(markdownCell('Hold | Swap\nnow'), 'Hold \\| Swap now', 'a table cell: | escaped, a line break made a space');
});

test('the end tag hovers like the start tag', () => {
  const h = hover(handset().replace('</hs_name>', '</hs_na|me>'));
  assert.equal(h?.covered, 'hs_name');
});

test('an admin setting says it always applies; a user setting says what force_apply does in this file', () => {
  const admin = hover(settingsFile('', '').replace('<custom_ringtone>', '<custom_r|ingtone>'));
  assert.match(admin!.text, /Admin setting:\*\* applied every time/);
  const off = hover(settingsFile('', '      <auto_answer>1</auto_answer>\n').replace('<auto_answer>', '<auto_|answer>'));
  assert.match(off!.text, /User setting.*no `<force_apply>`, so this setting is not applied/);
  const on = hover(settingsFile('    <force_apply>1</force_apply>\n', '      <auto_answer>1</auto_answer>\n').replace('<auto_answer>', '<auto_|answer>'));
  assert.match(on!.text, /it is 1, so this setting is applied/);
});

test('a key-mapping value shows its label and group', () => {
  const h = hover(settingsFile('', '      <key_up_idle_function>4</key_up_idle_function>\n').replace('>4<', '>|4<'));
  assert.equal(h?.covered, '4');
  assert.match(h!.text, /\*\*4\*\* — Outgoing Calls/);
  assert.match(h!.text, /Call History/);
});

test('a ring type explains its ringing; DID names the handset number', () => {
  const text = handset({ sip: '  <sip>\n    <line>\n      <profile_name>profile1</profile_name>\n      <user_id>1</user_id>\n      <ring_type>D|ID</ring_type>\n    </line>\n  </sip>\n' });
  assert.match(hover(text)!.text, /HS X/);
  assert.match(hover(text.replace('D|ID', 'Paral|lel'))!.text, /rings at once/);
});

test('a 0/1 switch says what the value does', () => {
  const h = hover(settingsFile('', '      <cradle_answer>1|</cradle_answer>\n'));
  assert.match(h!.text, /\*\*1\*\* — Yes\n\nLifting the handset from its cradle answers a call/);
});

test('an invalid value: what is allowed is said once, by the diagnostic, not again by a hover', () => {
  const text = settingsFile('', '      <lcd_backlight_cradle>|7</lcd_backlight_cradle>\n');
  assert.equal(hover(text), undefined);
  const diagnostics = getLanguageService().doValidation(withCursor(text).document);
  assert.ok(diagnostics.some((d) => /0 \(Disabled\), 1 \(Enabled\) or 2 \(Dim\)/.test(String(d.message))));
});

test('ipei: both forms, the check digit and the file the base station requests', () => {
  const h = hover(handset({ ipei: '02c3|32b510' }));
  assert.equal(h?.covered, '02c332b510');
  assert.match(h!.text, /`02c332b510`/);
  assert.match(h!.text, /`11315 0177424 2` — check digit 2/);
  assert.match(h!.text, /`ipei_02c332b510\.xml`/);
  const custom = getLanguageService({ fileNamePrefix: 'handset/', fileNamePostfix: '.enc' });
  const { document, position } = withCursor(handset({ ipei: '1131501774242|' }));
  const decimal = (custom.doHover(document, position)!.contents as MarkupContent).value;
  assert.match(decimal, /`handset\/02c332b510\.xml\.enc`/);
});

test('profile_name: the profile it refers to', () => {
  const text = handset().replace('>profile1<', '>profi|le1<');
  assert.match(hover(text)!.text, /Profile 1: profile1/);
  assert.equal(hover(text.replace('profi|le1', 'ghost|')), undefined, 'the diagnostic names the profiles; the hover does not repeat it');
});

test('nothing to say outside elements and on unknown ones', () => {
  assert.equal(hover('|' + handset()), undefined);
  assert.equal(hover(handset({ name: '  <foo|bar>x</foobar>\n' })), undefined);
});

test("with a base-station model, the requested file name uses the model's prefix and postfix", () => {
  const model = factoryWithProvisioning();
  model.provisioning.filePrefix = 'hs/';
  model.provisioning.filePostfix = '.bin';
  const { document, position } = withCursor(handset({ ipei: '02c3|32b510' }));
  const text = (getLanguageService(siteSettings(model)).doHover(document, position)!.contents as MarkupContent).value;
  assert.match(text, /`hs\/02c332b510\.xml\.bin`/);
});

test('a key-mapping element shows the whole table of functions, not just the range', () => {
  const h = hover(settingsFile('', '      <key_up_idle_function>4</key_up_idle_function>\n').replace('<key_up_idle_function>', '<key_up_|idle_function>'));
  assert.match(h!.text, /\| Value \| Meaning \|/);
  assert.match(h!.text, /\| 0 \| [^|]+ \|/);
  assert.match(h!.text, /\| 4 \| Outgoing Calls \|/);
  assert.match(h!.text, /\| 20 \| /);
});

test('a container element says which elements it holds, not "Value: other elements"', () => {
  const text = handset().replace('<line>', '<li|ne>');
  const h = hover(text);
  assert.doesNotMatch(h!.text, /other elements/);
  assert.match(h!.text, /\*\*Holds:\*\* .*`<profile_name>`.*`<user_id>`/);
});

test('values the checks reject get no hover that would repeat the diagnostic', () => {
  assert.equal(hover(settingsFile('', '      <key_up_idle_function>9|9</key_up_idle_function>\n')), undefined);
  assert.equal(hover(handset({ ipei: 'zz|z' })), undefined);
});
