// Hover in the details a user reads: the exact text for a value, and no hover where there is nothing to add.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver-types';
import { getLanguageService } from '../../server/src/handset/languageService';
import { handset, withCursor } from './helpers';
import { factoryWithProvisioning } from '../../server/src/baseStation/requester';
import { siteSettings } from '../../server/src/sites/siteSettings';

const service = getLanguageService();

function hover(textWithBar: string, uri = 'file:///srv/ipei_02c332b510.xml', s = service) {
  const { document, position } = withCursor(textWithBar, uri);
  const h = s.doHover(document, position);
  if (!h) return undefined;
  const start = h.range ? document.offsetAt(h.range.start) : -1;
  const end = h.range ? document.offsetAt(h.range.end) : -1;
  return { text: (h.contents as MarkupContent).value, covered: document.getText().slice(start, end) };
}

const userSetting = (inner: string) =>
  handset({ settings: `  <hs_settings>\n    <force_apply>1</force_apply>\n    <user>\n${inner}    </user>\n  </hs_settings>\n` });

test('a value whose meaning is its label gets just the label, no second paragraph', () => {
  const h = hover(userSetting('      <key_up_idle_function>|0</key_up_idle_function>\n'));
  assert.equal(h?.text, '**0** — None');
  assert.equal(h?.covered, '0');
});

test('an empty value has no hover, even when a base-station profile has no name', () => {
  const unnamed = getLanguageService({ profiles: ['profile1', ''] });
  assert.equal(hover(handset().replace('>profile1<', '>|<'), undefined, unnamed), undefined);
  assert.equal(hover(handset({ ipei: '|' })), undefined);
});

test('an element hover opens with its name, whether mandatory and how often, and lists what a container holds', () => {
  const line = hover(handset().replace('<line>', '<li|ne>'));
  assert.match(line!.text, /^\*\*`<line>`\*\* · optional · up to 10\n\n/);
  assert.match(line!.text, /\*\*Holds:\*\* `<profile_name>`, `<user_id>`, `<display_name>`/);
  assert.match(line!.text, /\*\*Stands in:\*\* `<hs_config>` › `<sip>`$/);
  const ipei = hover(handset().replace('<ipei>', '<ip|ei>'));
  assert.match(ipei!.text, /^\*\*`<ipei>`\*\* · mandatory · at most once\n/);
  assert.doesNotMatch(ipei!.text, /Admin setting|User setting/);
  const root = hover(handset().replace('<hs_config>', '<hs_con|fig>'));
  assert.match(root!.text, /\*\*Stands in:\*\* the root of the file$/);
});

test('a user setting in a file whose force_apply is not 1 says the value it has', () => {
  const text = handset({ settings: '  <hs_settings>\n    <force_apply>0</force_apply>\n    <user>\n      <auto_answer>1</auto_answer>\n    </user>\n  </hs_settings>\n' });
  const h = hover(text.replace('<auto_answer>', '<auto_|answer>'));
  assert.match(h!.text, /\*\*User setting:\*\* applied only when `<force_apply>` is 1 — in this file it is 0, so this setting is not applied\.$/);
});

test('ipei: a hex IPEI with no decimal form says so; the affixes say where they come from', () => {
  const h = hover(handset({ ipei: 'a2c3|32b510' }), 'file:///srv/ipei_a2c332b510.xml');
  assert.equal(
    h?.text,
    [
      '**IPEI a2c332b510**',
      '',
      '- hex (what this file needs): `a2c332b510`',
      '- decimal: none (the first hex digit is not 0)',
      '- file the base station requests: `ipei_a2c332b510.xml` (prefix `ipei_`, no postfix; from settings hsconfig.handsetFilePrefix and hsconfig.handsetFilePostfix)',
    ].join('\n'),
  );
  const bare = getLanguageService({ fileNamePrefix: '', fileNamePostfix: '.enc' });
  assert.match(hover(handset({ ipei: '02c3|32b510' }), undefined, bare)!.text, /\(no prefix, postfix `\.enc`; from settings/);
  const model = factoryWithProvisioning();
  const withModel = getLanguageService(siteSettings(model));
  assert.match(hover(handset({ ipei: '02c3|32b510' }), undefined, withModel)!.text, /; from the base station's P27015 and P27016\)/);
});

test('a decimal IPEI with a wrong check digit: the hover names the right one', () => {
  const h = hover(handset({ ipei: '113150177424|3' }));
  assert.match(h!.text, /- hex \(what this file needs\): `02c332b510`/);
  assert.match(h!.text, /\n\nThe check digit of `1131501774243` should be 2: check the digits for a typo\.$/);
  assert.doesNotMatch(hover(handset({ ipei: '113150177424|2' }))!.text, /should be/);
});

test('profile_name: the SIP server from the base-station model, when it has one', () => {
  const model = factoryWithProvisioning();
  model.profiles[1].sipServer = 'pbx.example.com';
  const s = getLanguageService(siteSettings(model));
  assert.equal(hover(handset().replace('>profile1<', '>profile2|<'), undefined, s)?.text, '**Profile 2: profile2** — this line registers with its SIP server `pbx.example.com`.');
  assert.equal(hover(handset().replace('>profile1<', '>profile1|<'), undefined, s)?.text, "**Profile 1: profile1** — this line registers with that profile's SIP server.");
});

test('the admin and user notes stand in paragraphs of their own at the end', () => {
  const text = handset({ settings: '  <hs_settings>\n    <admin>\n      <custom_ringtone>3</custom_ringtone>\n    </admin>\n  </hs_settings>\n' });
  const admin = hover(text.replace('<custom_ringtone>', '<custom_r|ingtone>'));
  assert.match(admin!.text, /\n\n\*\*Stands in:\*\* `<hs_config>` › `<hs_settings>` › `<admin>`\n\n\*\*Admin setting:\*\* applied every time, whatever `<force_apply>` says\.$/);
  const user = hover(userSetting('      <auto_answer>1</auto_answer>\n').replace('<auto_answer>', '<auto_|answer>'));
  assert.match(user!.text, /`<user>`\n\n\*\*User setting:\*\* applied only when `<force_apply>` is 1 — in this file it is 1, so this setting is applied\.$/);
});

test('each kind of value is described in words on its element', () => {
  const line = '  <sip>\n    <line>\n      <profile_name>profile1</profile_name>\n      <user_id>5328</user_id>\n      <display_name>Desk</display_name>\n      <auth_id>a</auth_id>\n      <ring_type>DID</ring_type>\n    </line>\n  </sip>\n';
  const text = handset({ sip: line });
  const valueLine = (name: string) => /\*\*Value:\*\* (.*)/.exec(hover(text.replace(`<${name}>`, `<${name.slice(0, 2)}|${name.slice(2)}>`))!.text)?.[1];
  assert.equal(valueLine('user_id'), 'text, not empty');
  assert.equal(valueLine('auth_id'), 'text');
  assert.equal(valueLine('display_name'), 'text, at most 256 characters');
  assert.equal(valueLine('profile_name'), 'the exact name of a base-station profile');
  assert.equal(valueLine('ipei'), '10 hex digits, such as 02c332b510');
  assert.equal(valueLine('ring_type'), 'one of DID, Circular, Linear, Parallel, Shared');
});
