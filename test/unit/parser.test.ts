import assert from 'node:assert/strict';
import { test } from 'node:test';
import { declaredEncoding, elementValue, parseDocument } from '../../server/src/xml/parser';
import { rootElementName } from '../../shared/detect/rootElement';
import { buildTree } from '../../server/src/xml/xmlTree';

const slice = (text: string, s: { start: number; end: number }) => text.slice(s.start, s.end);
/** The names of the root's children. */
const childNames = (text: string) => parseDocument(text).root?.children.map((c) => c.name);

test('offsets of names, content and declaration', () => {
  const text = '<?xml version="1.0" encoding="UTF-8"?>\n<hs_config>\n  <ipei> 02c332b510 </ipei>\n  <sip/>\n</hs_config>';
  const { declaration, root, syntaxError } = parseDocument(text);
  assert.equal(syntaxError, undefined);
  assert.ok(declaration && root);
  assert.equal(slice(text, declaration.span), '<?xml version="1.0" encoding="UTF-8"?>');
  assert.deepEqual(declaredEncoding(declaration)?.value, 'UTF-8');
  assert.equal(slice(text, declaredEncoding(declaration)!.span), 'UTF-8');
  const [ipei, sip] = root.children;
  assert.equal(slice(text, ipei.nameSpan), 'ipei');
  assert.equal(slice(text, ipei.closeNameSpan!), 'ipei');
  assert.equal(slice(text, ipei.span), '<ipei> 02c332b510 </ipei>');
  const v = elementValue(text, ipei);
  assert.equal(v.value, '02c332b510');
  assert.equal(slice(text, v.span), '02c332b510');
  assert.ok(sip.selfClosing && sip.closed && !sip.contentSpan);
});

test('a value is trimmed after its references are decoded, as the base station reads it', () => {
  const text = '<a><b>&#32;x&#x20;</b><c>&#32;y<d/>z&#9;</c></a>';
  const [b, c] = parseDocument(text).root!.children;
  assert.deepEqual([elementValue(text, b).value, elementValue(text, c).value], ['x', 'y z']);
});

test('values decode entities, character references and CDATA, and skip comments', () => {
  const text = '<a><b>&lt;x&gt; &amp; &quot;&apos; &#65;&#x42; <!-- no --><![CDATA[&lt;]]></b></a>';
  const b = parseDocument(text).root!.children[0];
  assert.equal(elementValue(text, b).value, '<x> & "\' AB &lt;');
  const refs = '<a>&#0;&#x10FFFF;&#x110000;</a>';
  assert.equal(elementValue(refs, parseDocument(refs).root!).value, '\u0000\u{10FFFF}&#x110000;', 'U+0000 and the highest code point are characters (the well-formedness check reports U+0000); above that a reference stays as written');
});

test('markup inside comments and CDATA sections makes no element, however many tags it holds', () => {
  assert.deepEqual(childNames('<hs_config><!-- <line/> <sip> --><ipei/></hs_config>'), ['ipei']);
  assert.deepEqual(childNames('<hs_config><![CDATA[ <line/> <sip> ]]><ipei/></hs_config>'), ['ipei']);
  assert.deepEqual(childNames('<hs_config><![CDATA[x]]><![CDATA[ <line/> <sip> ]]><ipei/></hs_config>'), ['ipei'], 'a second CDATA section');
});

test('the declaration is the first <?xml …?> before the root, and only that', () => {
  const declared = (text: string) => {
    const d = parseDocument(text).declaration;
    return d && slice(text, d.span);
  };
  assert.equal(declared('<?xml version="1.0"?>\n<hs_config/>'), '<?xml version="1.0"?>');
  assert.equal(declared('<?xml-stylesheet href="a.css"?>\n<hs_config/>'), undefined, 'a processing instruction whose name only starts with xml');
  assert.equal(declared('<?other x?><hs_config/>'), undefined);
  assert.equal(declared('<?pi1 x?><hs_config/>'), undefined, 'a processing instruction with a three-letter name other than xml');
  assert.equal(declared('<hs_config/><?xml version="1.0"?>'), undefined, 'after the root');
  assert.equal(declared('<?xml version="1.0"?><?xml version="1.1"?><hs_config/>'), '<?xml version="1.0"?>', 'the first of two');
});

test('the declaration\'s attributes are read between <?xml and ?>, or to the end of the text when it is never closed', () => {
  const names = (text: string) => parseDocument(text).declaration?.attributes.map((a) => a.name);
  assert.deepEqual(names('<?xml version="1.0"?><hs_config/>'), ['version'], 'neither the "xml" before nor the tag right after');
  assert.deepEqual(names('\n\n\n\n\n<?xml version="1.0" standalone="yes"?>\n<hs_config/>'), ['version', 'standalone']);
  assert.deepEqual(names('<?xml version="1.0" encoding'), ['version', 'encoding'], 'its last name whole');
  assert.equal(parseDocument('<?xml version=1.0?><hs_config/>').declaration?.attributes[0].value, '1.0', 'an unquoted value stops before ?>');
});

test('white space around = is JavaScript\'s: tab to carriage return (a CRLF file) but no other control character', () => {
  const attrs = (text: string) => parseDocument(text).root?.attributes.map((a) => [a.name, a.value]);
  assert.deepEqual(attrs('<e a\r\n=\r\n"1" b\t=\t"2" c\u000b=\u000c"3"/>'), [['a', '1'], ['b', '2'], ['c', '3']]);
  assert.deepEqual(attrs('<e a\u0001="1"/>'), [['a', undefined]], 'U+0001 ends the name: the value is not its');
  assert.deepEqual(attrs('<e a\u000e="1"/>'), [['a', undefined]], 'U+000E, just past carriage return');
  assert.deepEqual(attrs('<e a\u00a0=\u3000"1"/>'), [['a', '1']], 'no-break and ideographic spaces are white space too');
});

test('a > or < inside a quoted attribute value does not end the tag; a DOCTYPE is skipped', () => {
  for (const q of ['"', "'"]) {
    const text = `<hs_config><hs_name a=${q}x>y<z${q}>Desk</hs_name></hs_config>`;
    assert.equal(elementValue(text, parseDocument(text).root!.children[0]).value, 'Desk', q);
  }
  const doctype = '<!DOCTYPE hs_config [<!ENTITY e "<sip>">]><hs_config><ipei/></hs_config>';
  assert.equal(parseDocument(doctype).root?.name, 'hs_config');
  assert.deepEqual(childNames(doctype), ['ipei']);
});

test('a value with child elements inside: the text around them, each child read as one space', () => {
  const value = (inner: string) => {
    const text = `<hs_name>${inner}</hs_name>`;
    const v = elementValue(text, parseDocument(text).root!);
    return { value: v.value, at: slice(text, v.span) };
  };
  assert.deepEqual(value(' De <x/> sk '), { value: 'De   sk', at: 'De <x/> sk' }); // white space inside is kept
  assert.deepEqual(value('<x/> Desk <y/>'), { value: 'Desk', at: 'Desk' });
  assert.deepEqual(value('<x/>De<y/><z/>sk<w/>'), { value: 'De  sk', at: 'De<y/><z/>sk' });
  assert.deepEqual(value(' <x/>\n <y/> '), { value: '', at: 'hs_name' }, 'children and white space only: empty, at the name');
});

test('an end tag closes the element it names, breaking off those opened inside it', () => {
  const text = '<hs_config>\n<sip>\n<line>\n<user_id>1</user_id>\n</sip>\n<hs_name>x</hs_name>\n</hs_config>';
  const { root, syntaxError } = parseDocument(text);
  assert.ok(syntaxError);
  assert.deepEqual(root!.children.map((c) => c.name), ['sip', 'hs_name']);
  const line = root!.children[0].children[0];
  assert.equal(line.name, 'line');
  assert.equal(line.closed, false);
  assert.deepEqual(line.children.map((c) => c.name), ['user_id']);
});

test('a half-typed tag while editing still yields a tree', () => {
  const text = '<hs_config>\n  <ipei>02c332b510</ipei>\n  <hs_settings>\n    <us\n  </hs_settings>\n</hs_config>';
  const { root } = parseDocument(text);
  const settings = root!.children[1];
  assert.equal(settings.name, 'hs_settings');
  assert.equal(settings.closed, true);
  assert.equal(settings.children[0].name, 'us');
  assert.equal(settings.children[0].closed, false);
});

test('stray end tags and stray < are skipped', () => {
  const { root } = parseDocument('<a></x><b>1 < 2</b></a>');
  assert.deepEqual(root!.children.map((c) => c.name), ['b']);
  assert.ok(root!.closed);
  const nameless = '<a><b></ ></>x</b></a>';
  assert.equal(slice(nameless, parseDocument(nameless).root!.children[0].span), '<b></ ></>x</b>', 'a nameless end tag closes nothing');
});

test('white space around = in an attribute is exactly what JavaScript\'s \\s matches, for every UTF-16 code unit', () => {
  const differ: string[] = [];
  for (let c = 0; c <= 0xffff; c++) {
    const ch = String.fromCharCode(c);
    const [a] = buildTree(`<e a${ch}="1"/>`).root!.attributes;
    const skipped = a.name === 'a' && a.value === '1'; // a name character would have joined the name instead
    if (skipped !== /\s/.test(ch)) differ.push(c.toString(16));
  }
  assert.deepEqual(differ, []);
});

test('a value whose quote closes only past the end of its tag stays inside the tag', () => {
  const text = '<r><e x" a="b/><f c="d"/></r>';
  const e = parseDocument(text).root!.children[0];
  assert.equal(slice(text, e.span), '<e x" a="b/>');
  const a = e.attributes.find((at) => at.name === 'a')!;
  assert.ok(a.valueSpan!.end < e.span.end && !a.value!.includes('f'), JSON.stringify(a));
  const declaration = '<?xml version="1.0?>" ?><hs_config/>';
  const d = parseDocument(declaration).declaration!;
  assert.equal(slice(declaration, d.span), '<?xml version="1.0?>', 'it ends at the first ?>');
  assert.ok(d.attributes[0].valueSpan!.end <= d.span.end - 2, JSON.stringify(d.attributes[0]));
});

test('a name starts with a letter (A to Z, a to z), _ or :, and goes on with those, digits, . and -', () => {
  assert.deepEqual(childNames('<r><A/><Z/><a/><z/><_/><:/><a09.-Z/></r>'), ['A', 'Z', 'a', 'z', '_', ':', 'a09.-Z']);
  assert.deepEqual(childNames('<r><@/><[/><`/><{/><0/><./><-/><b/></r>'), ['b'], 'the characters just outside each range start no name');
  assert.deepEqual(childNames('<r><a/b/><c@d/></r>'), ['a', 'c'], 'a name ends at the first character that cannot go on one');
  const attributes = parseDocument('<r A="1" Z="2" @="3" [="4"/>').root?.attributes.map((a) => a.name);
  assert.deepEqual(attributes, ['A', 'Z'], 'attribute names by the same rule');
});

test('the root element name is found past the prolog', () => {
  assert.equal(rootElementName('\uFEFF<?xml version="1.0"?>\n<!-- c -->\n<!DOCTYPE x>\n<hs_config>'), 'hs_config');
  assert.equal(rootElementName('<gs_provision version="1">'), 'gs_provision');
  assert.equal(rootElementName('Salted__…'), undefined);
  assert.equal(rootElementName(''), undefined);
});

test('input the strict parser trips over is still reported, not thrown', () => {
  const { syntaxError } = parseDocument('<?xm\ud83d');
  assert.ok(syntaxError);
  assert.match(syntaxError.message, /not allowed/);
});

test('a lone surrogate that trips the XML parser itself is reported as a character not allowed, where it stands', () => {
  assert.deepEqual(parseDocument('<hs_config/>\n<?pi \uD800').syntaxError, { message: 'This character is not allowed here in XML.', span: { start: 18, end: 19 } });
});
