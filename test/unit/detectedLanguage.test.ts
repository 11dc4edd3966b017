// The client's language detection, loaded in plain Node (issue 27, seeded bugs): a base-station config opened as
// ini or properties (VS Code's languages for .cfg and .conf), text or XML gets the config language; a handset file
// the handset language; other languages and other contents stay as they are.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectedLanguage } from '../../client/src/language/detectedLanguage';

const CONFIG = '# DP750\nP27762=Office\nP27014=1\n';
const V2 = '<?xml version="1.0"?>\n<gs_provision version="1"><config version="2"><item name="profile.1.name">A</item></config></gs_provision>';
const AT = 'file:///srv/site/dp750.txt';
const HANDSET = '<?xml version="1.0" encoding="UTF-8"?>\n<hs_config>\n  <ipei>02c332b510</ipei>\n</hs_config>\n';

test('a config opened as properties, ini, plaintext or xml gets the config language', () => {
  for (const languageId of ['properties', 'ini', 'plaintext', 'xml']) assert.equal(detectedLanguage(languageId, CONFIG, AT), 'hsconfig-base', languageId);
  assert.equal(detectedLanguage('xml', V2, AT), 'hsconfig-base-xml', 'a config in XML gets the config language\'s XML id');
  assert.equal(detectedLanguage('properties', 'P27762=Office', AT), 'hsconfig-base', 'a one-line config');
});

test('a handset file gets the handset language; anything else, or another language, is left alone', () => {
  assert.equal(detectedLanguage('xml', HANDSET, AT), 'hsconfig');
  assert.equal(detectedLanguage('plaintext', HANDSET, AT), 'hsconfig');
  for (const [languageId, text] of [['json', CONFIG], ['yaml', HANDSET], ['properties', 'name=value\nother=1\n'], ['xml', '<project/>'], ['hsconfig', CONFIG], ['plaintext', '']]) {
    assert.equal(detectedLanguage(languageId, text, AT), undefined, `${languageId}: ${JSON.stringify(text)}`);
  }
});

test("the vendor's cfg<MAC> name makes a plain-text file a config, whatever its first lines; other names do not", () => {
  const changelog = '# DP7xx Change Log\nNumber: 0, 1\n';
  assert.equal(detectedLanguage('plaintext', changelog, 'file:///srv/site/cfg000b82123456'), 'hsconfig-base');
  assert.equal(detectedLanguage('plaintext', changelog, 'file:///srv/site/CFG000B82123456.cfg'), 'hsconfig-base');
  assert.equal(detectedLanguage('plaintext', changelog, 'file:///srv/site/changelog.txt'), undefined);
  assert.equal(detectedLanguage('plaintext', changelog, 'file:///srv/site/cfg000b8212345'), undefined, 'eleven hex digits are no MAC');
  assert.equal(detectedLanguage('xml', HANDSET, 'file:///srv/site/cfg000b82123456.xml'), 'hsconfig', 'the root element comes first');
});
