// Start and end tags edited as one: linked editing, matching-tag highlights, and closing a tag as it is typed.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getLanguageService } from '../../server/src/handset/languageService';
import { withCursor } from './helpers';

const service = getLanguageService();

function namesAt(textWithBar: string): string[] | undefined {
  const { document, position } = withCursor(textWithBar);
  return service.getLinkedEditingRanges(document, position)?.ranges.map((r) => `${document.getText(r)}@${r.start.line}:${r.start.character}`);
}

test('linked editing covers the start and end tag names from either one, and only tag names', () => {
  const start = '<hs_config>\n  <hs_n|ame>A</hs_name>\n</hs_config>';
  assert.deepEqual(namesAt(start), ['hs_name@1:3', 'hs_name@1:14']);
  assert.deepEqual(namesAt('<hs_config>\n  <hs_name>A</hs_name|>\n</hs_config>'), ['hs_name@1:3', 'hs_name@1:14']);
  assert.deepEqual(namesAt('<hs_config>\n  <|sip><line></line></sip>\n</hs_config>'), ['sip@1:3', 'sip@1:22']);
  assert.deepEqual(namesAt('<hs_config>\n  <sip><line></line></s|ip>\n</hs_config>'), ['sip@1:3', 'sip@1:22']);
  assert.equal(namesAt('<hs_config>\n  <hs_name>|A</hs_name>\n</hs_config>'), undefined, 'in a value');
  assert.equal(namesAt('<hs_config>\n  <hs_n|ame>A\n</hs_config>'), undefined, 'no end tag to link');
  assert.equal(namesAt('<hs_config>\n  <sip/|>\n</hs_config>'), undefined);
  const { document, position } = withCursor('<hs_config><ipe|i>1</ipei></hs_config>');
  const pattern = new RegExp(`^${service.getLinkedEditingRanges(document, position)?.wordPattern}$`);
  assert.ok(pattern.test('profile_name') && !pattern.test('a b') && !pattern.test('1a'));
});

test('highlights the matching tag', () => {
  const { document, position } = withCursor('<hs_config>\n  <sip><line></li|ne></sip>\n</hs_config>');
  const highlights = service.findDocumentHighlights(document, position);
  assert.deepEqual(highlights.map((h) => document.getText(h.range)), ['line', 'line']);
  assert.deepEqual(highlights.map((h) => h.range.start.character), [8, 15]);
  assert.deepEqual(service.findDocumentHighlights(withCursor('<hs_config>|</hs_config>').document, withCursor('<hs_config>|</hs_config>').position), []);
});

function closeAt(textWithBar: string): string | null {
  const { document, position } = withCursor(textWithBar);
  return service.doTagComplete(document, position);
}

test('typing the > of a start tag inserts its end tag after the cursor', () => {
  assert.equal(closeAt('<hs_config>\n  <hs_name>|\n</hs_config>'), '$0</hs_name>');
  assert.equal(closeAt('<hs_config>|'), '$0</hs_config>');
  assert.equal(closeAt('<hs_config><sip><line>|</sip></hs_config>'), '$0</line>');
});

test('no end tag when the element already has one, closes itself, or the > is not a start tag', () => {
  assert.equal(closeAt('<hs_config>\n  <hs_name>|</hs_name>\n</hs_config>'), null);
  assert.equal(closeAt('<hs_config>\n  <sip/>|\n</hs_config>'), null);
  assert.equal(closeAt('<hs_config>\n  <hs_name>A</hs_name>|\n</hs_config>'), null);
  assert.equal(closeAt('<hs_config>\n  <!-- <hs_name>| -->\n</hs_config>'), null);
  assert.equal(closeAt('<?xml version="1.0"?>|'), null);
  assert.equal(closeAt('<hs_config>\n  <hs_name>a >|'), null);
  assert.equal(closeAt('<!-- <hs_name>| -->\n<hs_config/>'), null, 'in a comment at the very start of the file');
  assert.equal(closeAt('<hs_config>\n  <!--> <hs_name>|'), null, '<!--> opens a comment and does not close it');
  assert.equal(closeAt('<hs_config>\n  <!-- c -->\n  <hs_name>|'), '$0</hs_name>', 'after a closed comment');
  assert.equal(closeAt('<hs_config>\n  <!-- a </| -->'), null, '</ in a comment inside an open element');
  assert.equal(closeAt('<hs_config>\n  <hs_name><![CDATA[ </| ]]>'), null, '</ in a CDATA section');
  assert.equal(closeAt('<hs_config>\n  <hs_name>|<!-- the desk -->\n</hs_config>'), '$0</hs_name>', 'a comment after the cursor does not count');
});

test('nothing after a character that is neither > nor the / of </', () => {
  assert.equal(closeAt('<hs_config>\n  <hs_name>D|'), null);
  assert.equal(closeAt('<hs_config>\n  <hs_name>/|'), null);
  assert.equal(closeAt('<hs_config>\n  <hs_name>D<|'), null);
});

test('typing </ completes the name of the innermost element still open', () => {
  assert.equal(closeAt('<hs_config>\n  <sip>\n    <line>\n    </|'), 'line>');
  assert.equal(closeAt('<hs_config>\n  <hs_name>Desk</|\n</hs_config>'), 'hs_name>');
  assert.equal(closeAt('<hs_config>\n  <hs_name>Desk</hs_name>\n</|'), 'hs_config>');
  assert.equal(closeAt('<hs_config>\n  <hs_name></|'), 'hs_name>', 'right after the start tag');
  assert.equal(closeAt('<hs_config>\n  <hs_name>Desk</|<sip/>\n</hs_config>'), 'hs_name>', 'right before the next tag');
  assert.equal(closeAt('<hs_config>\n  <hs_name>Desk</|hs_name>\n</hs_config>'), null, 'the name is there already');
  assert.equal(closeAt('<hs_config>\n  <sip></sip>\n  </|</hs_config>'), null, 'everything already closed');
  assert.equal(closeAt('<hs_config>\n  <![CDATA[ </|'), null);
  assert.equal(closeAt('<hs_config>\n  <hs_name note="</|">'), null, 'inside an attribute value');
  assert.equal(closeAt('<hs_config/>\n</|'), null, 'after the root');
  assert.equal(closeAt('<hs_config>\n  <sip>\n  </|sipx>\n</hs_config>'), null, 'a name and > are there already, even a name that does not match');
  assert.equal(closeAt('<hs_config>\n  <sip>\n  </|  sipx>\n</hs_config>'), null, 'white space before that name');
  assert.equal(closeAt('<hs_config>\n  <!-- c -->\n  <sip></|'), 'sip>', 'after a closed comment');
  assert.equal(closeAt('<hs_config>\n  <!--->\n  <sip></|'), null, '<!---> opens a comment and does not close it');
});
