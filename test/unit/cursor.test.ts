// Where a cursor stands: the element around it, and the `<` or `</` just typed that completion replaces.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { elementAt, placeAt } from '../../server/src/handset/cursor';
import { parseDocument } from '../../server/src/xml/parser';

/** The place at `|`, reduced to its kind, element and the text its span or partial tag covers. */
function at(textWithBar: string): string {
  const offset = textWithBar.indexOf('|');
  const text = textWithBar.replace('|', '');
  const place = placeAt(parseDocument(text), offset);
  switch (place.kind) {
    case 'none':
      return 'none';
    case 'content': {
      const p = place.partial;
      return `content of ${place.container.name}${p ? `, ${p.closing ? '</' : '<'}[${text.slice(p.span.start, p.span.end)}]@${p.span.start}` : ''}`;
    }
    default:
      return `${place.kind} of ${place.element.name} [${text.slice(place.span.start, place.span.end)}]`;
  }
}

const nameAt = (text: string, offset: number) => elementAt(parseDocument(text).root, offset)?.name;

test('elementAt: an element holds the offsets after its < up to its end; outside the root there is none', () => {
  const text = '<hs_config><sip/></hs_config>\n';
  const end = text.indexOf('\n');
  assert.equal(nameAt(text, 0), undefined, 'on the root\'s own <');
  assert.equal(nameAt(text, 1), 'hs_config');
  assert.equal(nameAt(text, text.indexOf('<sip')), 'hs_config', 'on the child\'s <');
  assert.equal(nameAt(text, text.indexOf('<sip') + 1), 'sip');
  assert.equal(nameAt(text, text.indexOf('/>') + 2), 'sip', 'right after the child\'s />');
  assert.equal(nameAt(text, end), 'hs_config', 'right after the root\'s >');
  assert.equal(nameAt(text, end + 1), undefined, 'after the root');
});

test('placeAt: tag names, values and content', () => {
  assert.equal(at('<hs_config>\n  <hs_n|ame>A</hs_name>\n</hs_config>'), 'tagName of hs_name [hs_name]');
  assert.equal(at('<hs_config>\n  <hs_name>A</hs_|name>\n</hs_config>'), 'tagName of hs_name [hs_name]');
  assert.equal(at('<hs_config>\n  <hs_name>De|sk</hs_name>\n</hs_config>'), 'value of hs_name [Desk]');
  assert.equal(at('<hs_config>\n  |\n</hs_config>'), 'content of hs_config');
  assert.equal(at('|<hs_config/>'), 'none');
});

test('placeAt: a < or </ just typed is a partial tag, with the name around the cursor', () => {
  assert.equal(at('<hs_config>\n  <|</hs_config>'), 'content of hs_config, <[]@15');
  assert.equal(at('<hs_config><|</hs_config>'), 'content of hs_config, <[]@12', 'first thing in the content');
  assert.equal(at('<hs_config>\n  </hs_n|\n</hs_config>'), 'content of hs_config, </[hs_n]@16');
  assert.equal(at('<hs_config>\n  </hs_n|ame\n</hs_config>'), 'content of hs_config, </[hs_name]@16', 'the name after the cursor is replaced too');
  assert.equal(at('<hs_config>\n  </|hs_name\n</hs_config>'), 'content of hs_config, </[hs_name]@16');
  assert.equal(at('<hs_config>\n  <sip><line/></li|\n</hs_config>'), 'content of sip, </[li]@28', 'the last < counts, not an earlier tag');
  assert.equal(at('<hs_config>\n  <sip></|\n</hs_config>'), 'content of sip, </[]@21');
  assert.equal(at('<hs_config>\n  </hs_name |\n</hs_config>'), 'content of hs_config', 'past the name: no partial tag');
});

test('placeAt: a value element that holds elements is content, not a value', () => {
  assert.equal(at('<hs_config><hs_name>A<sip/>B|</hs_name></hs_config>'), 'content of hs_name');
});

test('placeAt: a < typed inside a value element is a partial tag, not the value', () => {
  assert.equal(at('<hs_config><hs_name><|</hs_name></hs_config>'), 'content of hs_name, <[]@21');
  assert.equal(at('<hs_config><hs_name>A<|</hs_name></hs_config>'), 'content of hs_name, <[]@22');
});
