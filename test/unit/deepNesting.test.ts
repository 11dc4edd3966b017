// Files nested far deeper than any real one (issue 27, item 7): the walks over a handset file's profile names and
// over a config's elements for folding use a stack, so one such file cannot overflow the call stack and take
// references, rename or folding down with it.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getBaseConfigService } from '../../server/src/baseConfig/baseConfigService';
import { handsetProfileUses } from '../../server/src/links/profileLinks';

const LEVELS = 50_000;

test('profile names are found in a handset file nested 50,000 deep, inner ones included', () => {
  const text = `<hs_config><ipei>02c332b510</ipei>${'<a>'.repeat(LEVELS)}<profile_name>inner</profile_name>${'</a>'.repeat(LEVELS)}<sip><line><profile_name>sales</profile_name><user_id>1</user_id></line></sip></hs_config>`;
  assert.deepEqual(handsetProfileUses(text).map((u) => u.name), ['inner', 'sales']);
});

test('a v2 config nested 50,000 deep folds, outlines and checks', () => {
  const lines = Array.from({ length: LEVELS }, () => '<x>\n').join('') + Array.from({ length: LEVELS }, () => '</x>\n').join('');
  const text = `<gs_provision version="1">\n<config version="2">\n${lines}<item name="profile.1.name">a</item>\n</config>\n</gs_provision>\n`;
  const document = TextDocument.create('file:///w/deep.xml', 'hsconfig-base', 1, text);
  const service = getBaseConfigService();
  const folds = service.getFoldingRanges(document);
  assert.ok(folds.length >= LEVELS, `${folds.length} folding ranges`);
  assert.ok(Array.isArray(service.findDocumentSymbols(document)));
  assert.ok(service.doValidation(document).length > 0);
});
