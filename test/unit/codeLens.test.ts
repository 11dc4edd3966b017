// The code lens above <hs_config>: the handset number and what the lines do on the base station.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getCodeLenses } from '../../server/src/baseStation/codeLens';
import { factoryWithProvisioning } from '../../server/src/baseStation/requester';
import { parseDocument } from '../../server/src/xml/parser';
import { doc, fixture, handset } from './helpers';

const lens = (text: string, uri = 'file:///srv/ipei_02c332b510.xml', model = factoryWithProvisioning()) => getCodeLenses(doc(text, uri), parseDocument(text), model);
const line = (user: string) => `    <line>\n      <profile_name>profile1</profile_name>\n      <user_id>${user}</user_id>\n    </line>\n`;

test('on a fresh base station: the first handset number, every line a new account; it opens the preview', () => {
  const [l] = lens(handset({ sip: `  <sip>\n${line('1')}${line('2')}${line('3')}  </sip>\n` }));
  assert.equal(l.command?.title, 'HS1 · 3 lines · 3 new accounts');
  assert.equal(l.command?.command, 'hsconfig.preview');
  assert.deepEqual(l.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 10 } });
});

test('a second handset reusing an account: its number, and no new account', () => {
  const model = factoryWithProvisioning();
  model.handsets[0].ipei = '02c332b5ff';
  model.accounts[0].userId = '5328';
  const [l] = lens(handset(), 'file:///srv/ipei_02c332b510.xml', model);
  assert.equal(l.command?.title, 'HS2 · 1 line');
});

test('says when the file stops, when no handset asks for it, and shows nothing for other XML', () => {
  assert.match(lens(fixture('guide-example.xml').replace('profile1', 'Nowhere'))[0].command?.title ?? '', /^HS1 · Stopped · 0 lines$/);
  assert.match(lens(handset({ ipei: 'x' }), 'file:///srv/handset.xml')[0].command?.title ?? '', /^No handset asks for this file/);
  assert.deepEqual(lens('<project/>'), []);
});

test('one new account, and the lines that find no account slot, are counted', () => {
  const model = factoryWithProvisioning();
  model.handsets[1].ipei = '02c332b5ff';
  for (let slot = 2; slot <= 10; slot++) Object.assign(model.accounts[slot - 1], { userId: `u${slot}`, profile: 1 });
  model.handsets[1].lines = [2, 3, 4, 5, 6, 7, 8, 9, 10, 0];
  model.handsets[0].lines.fill(0);
  const [l] = lens(handset({ sip: `  <sip>\n${line('a')}${line('b')}  </sip>\n` }), 'file:///srv/ipei_02c332b510.xml', model);
  assert.equal(l.command?.title, 'HS1 · Partly applied · 1 line · 1 new account · 1 without an account slot');
});

test('a handset that cannot register gets no number, and the file is reported stopped', () => {
  const model = factoryWithProvisioning();
  model.handsets.forEach((h, i) => (h.ipei = `02c332b5f${i}`));
  const [l] = lens(handset(), 'file:///srv/ipei_02c332b510.xml', model);
  assert.equal(l.command?.title, 'no handset number · Stopped · 0 lines');
});

test('with handset provisioning off the lens says the file is not requested', () => {
  const model = factoryWithProvisioning();
  model.provisioning.handsetProvisioning = false;
  assert.equal(lens(handset(), 'file:///srv/ipei_02c332b510.xml', model)[0].command?.title, 'HS1 · Not requested · 0 lines');
});
