// The bytes of a handset file read as text (domain/textBytes.ts): UTF-8 accepted, UTF-16 and other encodings named
// with how to convert them, encrypted files recognised by OpenSSL's header.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeHandsetBytes, decodeLossy, hasSaltedHeader, looksEncryptedText, SALTED_HEADER } from '../../shared/domain/textBytes';
import { encrypt } from '../../shared/domain/opensslEnc';
import { handset } from './helpers';

const utf16le = (text: string, bom = true) => Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string, bom = true) => Buffer.from(utf16le(text, bom).swap16());

test('UTF-8 comes back as text, without its byte-order mark', () => {
  assert.deepEqual(decodeHandsetBytes(Buffer.from('<hs_config>é</hs_config>')), { ok: true, text: '<hs_config>é</hs_config>' });
  assert.deepEqual(decodeHandsetBytes(Buffer.from('\uFEFF<a/>')), { ok: true, text: '<a/>' });
});

test('UTF-16, with or without its byte-order mark, is named at line 1, column 1 with how to convert it', () => {
  const cases: [Buffer, string][] = [
    [utf16le('<a/>'), 'UTF-16 little-endian (it starts with the byte-order mark FF FE)'],
    [utf16be('<a/>'), 'UTF-16 big-endian (it starts with the byte-order mark FE FF)'],
    [utf16le('<a/>', false), 'UTF-16 little-endian without a byte-order mark'],
    [utf16be('<a/>', false), 'UTF-16 big-endian without a byte-order mark'],
  ];
  for (const [bytes, kind] of cases) {
    assert.deepEqual(decodeHandsetBytes(bytes), {
      ok: false,
      line: 1,
      column: 1,
      problem: `The file is ${kind}; handset files must be UTF-8, which the base station reads. Save it as UTF-8 (in VS Code: Reopen with Encoding, then Save with Encoding → UTF-8), or convert it: iconv -f UTF-16 -t UTF-8 FILE > NEW_FILE.`,
    });
  }
});

test('Latin-1 bytes are named by the first bad byte, its line and column; an encoded U+FFFD before it is no bad byte', () => {
  const latin1 = Buffer.concat([Buffer.from('<a>\n<b>\uFFFD ok</b>\n  <c>M'), Buffer.from([0xfc]), Buffer.from('ller</c>\n</a>')]);
  const r = decodeHandsetBytes(latin1);
  assert.ok(!r.ok);
  assert.equal(r.line, 3);
  assert.equal(r.column, 7);
  assert.match(r.problem, /^The file is not valid UTF-8: byte 0xFC at line 3, column 7 \(byte 24\) is not UTF-8; .*iconv -f ISO-8859-1 -t UTF-8 FILE > NEW_FILE\.$/);
});

test('the first bad byte: an encoded U+FFFD at the very start is skipped; bytes that only end like one are not', () => {
  const firstBad = (...bytes: number[]) => {
    const r = decodeHandsetBytes(Buffer.from(bytes));
    assert.ok(!r.ok, `${bytes} is not UTF-8`);
    return /byte (0x[0-9A-F]+) at line 1, column (\d+) \(byte (\d+)\)/.exec(r.problem)!.slice(1).join(' ');
  };
  assert.equal(firstBad(0xef, 0xbf, 0xbd, 0x3c, 0xfc), '0xFC 3 4', 'U+FFFD written in the file, then < and the bad byte');
  assert.equal(firstBad(0xfc, 0xbf, 0xbd), '0xFC 1 0');
  assert.equal(firstBad(0xef, 0x41, 0xbd), '0xEF 1 0');
  assert.equal(firstBad(0xef, 0xbf, 0x41), '0xEF 1 0');
});

test('only the byte pairs of UTF-16 are taken for UTF-16: either byte alone is not', () => {
  const problem = (...bytes: number[]) => {
    const r = decodeHandsetBytes(Buffer.from(bytes));
    return r.ok ? 'ok' : /UTF-16/.test(r.problem) ? 'UTF-16' : 'not UTF-8';
  };
  assert.equal(problem(0x3c, 0xfe, 0x3e), 'not UTF-8');
  assert.equal(problem(0x3c, 0xff, 0x3e), 'not UTF-8');
  assert.equal(problem(0xff, 0x3c, 0x3e), 'not UTF-8');
  assert.equal(problem(0xfe, 0x3c, 0x3e), 'not UTF-8');
  assert.equal(problem(0x20, 0x3c, 0x61, 0x2f, 0x3e), 'ok', 'a space before the root');
  assert.equal(problem(0x20, 0x00, 0x3c), 'ok', 'NUL is valid UTF-8 (the parser reports it)');
  assert.equal(problem(0x00, 0x20, 0x3c), 'ok');
  assert.equal(problem(0x3c, 0x00, 0x61, 0x00), 'UTF-16');
  assert.equal(problem(0x00, 0x3c, 0x00, 0x61), 'UTF-16');
});

test('encrypted bytes are left to the encryption checks: text, not a UTF-8 problem', () => {
  const salted = encrypt(Buffer.from(handset()), 'secret');
  assert.equal(decodeHandsetBytes(salted).ok, true);
  const nosalt = Buffer.concat([Buffer.from([0x01, 0x9f, 0xa0]), Buffer.from('<a/>')]);
  assert.equal(decodeHandsetBytes(nosalt).ok, true, 'a control character where XML would start');
  const late = Buffer.concat([Buffer.from(`<a>${' '.repeat(60)}`), Buffer.from([0x9f, 0x01])]);
  assert.equal(decodeHandsetBytes(late).ok, false, 'a bad byte and a control character past the first 64 characters are a UTF-8 problem');
  const early = Buffer.concat([Buffer.from(`<a>${' '.repeat(59)}`), Buffer.from([0x9f, 0x01])]);
  assert.equal(decodeHandsetBytes(early).ok, true, 'a control character as the 64th character counts as encrypted');
});

test('decodeLossy reads UTF-16 by its mark and anything else as UTF-8 with U+FFFD for bad bytes', () => {
  assert.equal(decodeLossy(utf16le('<hs_config/>')), '<hs_config/>');
  assert.equal(decodeLossy(utf16be('<hs_config/>')), '<hs_config/>');
  assert.equal(decodeLossy(Buffer.from([0x3c, 0x61, 0xfc, 0x3e])), '<a\uFFFD>');
  assert.equal(decodeLossy(Buffer.from([0xff, 0x3c])), '\uFFFD<', 'FF without FE is no mark');
  assert.equal(decodeLossy(Buffer.from([0xfe, 0x3c])), '\uFFFD<', 'FE without FF is no mark');
  assert.equal(decodeLossy(Buffer.from([0x3c, 0xfe])), '<\uFFFD', 'FE second is no mark');
  assert.equal(decodeLossy(Buffer.from([0x3c, 0xff])), '<\uFFFD', 'FF second is no mark');
});

test('the Salted__ header counts only whole and at the start, also in a view into a larger buffer', () => {
  const whole = Buffer.from(`${SALTED_HEADER}12345678`);
  assert.equal(hasSaltedHeader(whole), true);
  assert.equal(hasSaltedHeader(Buffer.from(SALTED_HEADER)), true, 'the header alone');
  assert.equal(hasSaltedHeader(Buffer.from(SALTED_HEADER.slice(0, -1))), false, 'cut short');
  assert.equal(hasSaltedHeader(Buffer.from(` ${SALTED_HEADER}`)), false, 'not at the start');
  const larger = Buffer.from(`xx${SALTED_HEADER}rest`);
  assert.equal(hasSaltedHeader(new Uint8Array(larger.buffer, larger.byteOffset + 2, larger.length - 2)), true);
  assert.equal(hasSaltedHeader(new Uint8Array(larger.buffer, larger.byteOffset, larger.length)), false);
  assert.equal(hasSaltedHeader(new Uint8Array(0)), false);
});

test('encrypted text: the header, or a control character in the first 64 characters other than tab and line ends', () => {
  assert.equal(looksEncryptedText(`${SALTED_HEADER}x`), true);
  assert.equal(looksEncryptedText('\t\r\n<hs_config/>'), false);
  assert.equal(looksEncryptedText(`${' '.repeat(63)}\u0001`), true);
  assert.equal(looksEncryptedText(`${' '.repeat(64)}\u0001`), false);
  assert.equal(looksEncryptedText('\u001f'), true);
  assert.equal(looksEncryptedText(' '), false);
});
