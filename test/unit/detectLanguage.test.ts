// The one detection the client, the server and the CLI share (issue 25): what a file is from its content and name,
// and why it is neither language when it surely is not.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectLanguage, fileNameOfUri } from '../../shared/detect/language';
import { mayBeBaseConfigFile } from '../../shared/detect/baseConfigText';

const HANDSET = '<?xml version="1.0"?>\n<hs_config>\n  <ipei>02c332b510</ipei>\n</hs_config>\n';

test('a short config with one stray line is a config, so that its checks name the line', () => {
  for (const text of ['P27762=Office\nP27014 1\n', 'P27762=Office\nOffice phones\n', '# DP750\nP27762=Office\nsee the wiki\n']) {
    assert.deepEqual(detectLanguage(text), { language: 'hsconfig-base' }, JSON.stringify(text));
  }
});

test('comments count for a config: a header of comments does not outweigh its settings', () => {
  assert.deepEqual(detectLanguage('# a\n# b\n# c\nP27762=Office\nnote one\nnote two\n'), { language: 'hsconfig-base' });
  assert.equal(detectLanguage('Notes\nP1=2\nthat is all\n').language, undefined);
});

test('text that is surely neither says why: no setting, or mostly other lines', () => {
  assert.deepEqual(detectLanguage('# DP7xx Change Log\n#P26006=1\nNumber: 0, 1\n'), { why: 'it is not XML and has no Pnnn=value setting' });
  assert.deepEqual(detectLanguage('Call the PBX vendor on Monday.\n'), { why: 'it is not XML and has no Pnnn=value setting' });
  assert.deepEqual(detectLanguage('Notes\nP1=2\nthat is all\n'), { why: '2 of its 3 lines are neither Pnnn=value settings nor # comments' });
});

test('XML goes by its root element: handset, config, or another root named', () => {
  assert.deepEqual(detectLanguage(HANDSET), { language: 'hsconfig' });
  assert.deepEqual(detectLanguage('\uFEFF<gs_provision version="1"/>'), { language: 'hsconfig-base-xml' }, 'a config in XML: the id whose comments are <!-- -->');
  assert.deepEqual(detectLanguage('<?xml version="1.0"?>\n<project/>'), { why: 'its root element is <project>, not <hs_config> or <gs_provision>' });
});

test('nothing to tell yet: a blank file, or XML whose root is not written yet', () => {
  for (const text of ['', ' \n\t\n', '<?xml version="1.0"?>\n', '<', '<!-- a comment not closed']) assert.deepEqual(detectLanguage(text), {}, JSON.stringify(text));
});

test("the vendor's name cfg<MAC> (bare, .xml or .cfg) is a config whatever its text, unless its root is <hs_config>", () => {
  for (const name of ['cfg000b82123456', 'cfg000B82ABCDEF.xml', 'CFG000b82123456.cfg']) {
    assert.deepEqual(detectLanguage('Changes\n- fixed\n', name), { language: 'hsconfig-base' }, name);
    assert.deepEqual(detectLanguage('', name), { language: 'hsconfig-base' }, name);
    assert.ok(mayBeBaseConfigFile(name), name);
  }
  assert.deepEqual(detectLanguage(HANDSET, 'cfg000b82123456.xml'), { language: 'hsconfig' });
  for (const name of ['cfg000b8212345', 'cfg000b821234567', 'cfg000b82123456.txt.bak', 'xcfg000b82123456', 'cfg000b8212345g']) {
    assert.deepEqual(detectLanguage('Changes\n', name), { why: 'it is not XML and has no Pnnn=value setting' }, name);
    assert.ok(!mayBeBaseConfigFile(name), name);
  }
});

test('the name of a document comes from the last segment of its URI, decoded', () => {
  assert.equal(fileNameOfUri('file:///srv/site/cfg000b82123456'), 'cfg000b82123456');
  assert.equal(fileNameOfUri('file:///srv/my%20site/dp%20750.txt?x=1#y'), 'dp 750.txt');
  assert.equal(fileNameOfUri('file:///srv/50%.txt'), '50%.txt');
});
