// Which files count as handset files, and the root name read without a full parse.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isHandsetText, mayBeHandsetFile, SKIPPED_FOLDERS } from '../../shared/detect/handsetText';
import { rootElementName } from '../../shared/detect/rootElement';
import { escapeText } from '../../server/src/xml/xmlText';

test('a file name ending in .xml, in any case, may be a handset file; nothing else', () => {
  assert.equal(mayBeHandsetFile('ipei_02c332b510.xml'), true);
  assert.equal(mayBeHandsetFile('IPEI_02C332B510.XML'), true);
  assert.equal(mayBeHandsetFile('ipei_02c332b510.xml.enc'), false);
  assert.equal(mayBeHandsetFile('xml'), false);
  assert.deepEqual([...SKIPPED_FOLDERS].sort(), ['.git', 'node_modules']);
});

test('handset text is text whose root is <hs_config>, after any prolog', () => {
  assert.equal(isHandsetText('<?xml version="1.0"?>\n<!-- a\n comment -->\n<hs_config/>'), true);
  assert.equal(isHandsetText('<hs_configuration/>'), false);
  assert.equal(isHandsetText('<gs_provision/>'), false);
  assert.equal(isHandsetText(''), false);
});

test('the root name: a DOCTYPE with an internal subset, white space of every kind, and names with dots and dashes', () => {
  assert.equal(rootElementName('<!DOCTYPE hs_config [\n<!ENTITY a "b">\n]>\n<hs_config>'), 'hs_config');
  assert.equal(rootElementName('\t\r\n <a.b-c:d/>'), 'a.b-c:d');
  assert.equal(rootElementName('<?pi one?><?pi two?><x>'), 'x');
  assert.equal(rootElementName('<!-- only a comment -->'), undefined);
  assert.equal(rootElementName('<1x>'), undefined, 'a name cannot start with a digit');
  assert.equal(rootElementName('text <hs_config>'), undefined);
  assert.equal(rootElementName('x\uFEFF<hs_config>'), undefined, 'only a leading byte-order mark is skipped');
  assert.equal(rootElementName('<\uFEFFhs_config>'), undefined, 'a byte-order mark inside the tag is not skipped');
  assert.equal(rootElementName('<!DOCTYPE hs_config [<!ELEMENT hs_config ANY>] >\n<hs_config>'), 'hs_config', 'space after the subset');
});

test('text written into an element escapes the three markup characters, every one', () => {
  assert.equal(escapeText('R&D <EU> & a>b'), 'R&amp;D &lt;EU&gt; &amp; a&gt;b');
  assert.equal(escapeText('plain "quoted" \'text\''), 'plain "quoted" \'text\'');
});
