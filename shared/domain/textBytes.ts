// The bytes of a handset file as text: UTF-8, as the base station reads it. Anything else is named, with the
// place of the first bad byte and how to convert the file; encrypted (binary) files are left to their own checks.

export type DecodedText =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly problem: string; readonly line: number; readonly column: number };

const STRICT = new TextDecoder('utf-8', { fatal: true });
const LOSSY = new TextDecoder('utf-8');

/** OpenSSL's header of a salted file (`openssl enc` without `-nosalt`), before its 8-byte salt. */
export const SALTED_HEADER = 'Salted__';

/** True when the bytes start with OpenSSL's whole `Salted__` header. */
export function hasSaltedHeader(data: Uint8Array): boolean {
  return data.length >= SALTED_HEADER.length && Buffer.from(data.buffer, data.byteOffset, SALTED_HEADER.length).toString('latin1') === SALTED_HEADER;
}

/** The text without a UTF-8 byte-order mark, or why the bytes are not UTF-8 text. */
export function decodeHandsetBytes(data: Uint8Array): DecodedText {
  const utf16 = utf16Kind(data);
  if (utf16) return { ok: false, line: 1, column: 1, problem: utf16Problem(utf16) };
  try {
    return { ok: true, text: STRICT.decode(data) };
  } catch {
    const text = LOSSY.decode(data);
    if (looksBinary(data, text)) return { ok: true, text }; // encrypted: the callers say so in their own words
    return invalidUtf8(data, text);
  }
}

/** The bytes as text whatever they hold (UTF-16 by its mark; bad bytes become U+FFFD): to recognise a file, not to check it. */
export function decodeLossy(data: Uint8Array): string {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data);
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data);
  return LOSSY.decode(data);
}

export const CONVERT_HINT = 'Save it as UTF-8 (in VS Code: Reopen with Encoding, then Save with Encoding → UTF-8)';

function utf16Kind(data: Uint8Array): string | undefined {
  if (data[0] === 0xff && data[1] === 0xfe) return 'UTF-16 little-endian (it starts with the byte-order mark FF FE)';
  if (data[0] === 0xfe && data[1] === 0xff) return 'UTF-16 big-endian (it starts with the byte-order mark FE FF)';
  if (data[0] === 0x3c && data[1] === 0x00) return 'UTF-16 little-endian without a byte-order mark';
  if (data[0] === 0x00 && data[1] === 0x3c) return 'UTF-16 big-endian without a byte-order mark';
  return undefined;
}

function utf16Problem(kind: string): string {
  return `The file is ${kind}; handset files must be UTF-8, which the base station reads. ${CONVERT_HINT}, or convert it: iconv -f UTF-16 -t UTF-8 FILE > NEW_FILE.`;
}

/** OpenSSL's header, or control characters where XML text would start. */
function looksBinary(data: Uint8Array, text: string): boolean {
  return hasSaltedHeader(data) || controlCharacterNearStart(text);
}

/** A file's text that is an encrypted file read as text: OpenSSL's salted header, or control characters where XML should start (`openssl enc -nosalt`). */
export function looksEncryptedText(text: string): boolean {
  return text.startsWith(SALTED_HEADER) || controlCharacterNearStart(text);
}

function controlCharacterNearStart(text: string): boolean {
  for (let i = 0; i < Math.min(text.length, 64); i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return true;
  }
  return false;
}

function invalidUtf8(data: Uint8Array, text: string): DecodedText {
  // The first U+FFFD that does not stand for an encoded U+FFFD (EF BF BD) in the file marks the first bad byte.
  let at = text.indexOf('\uFFFD');
  let byte = Buffer.byteLength(text.slice(0, at), 'utf8');
  while (at >= 0 && data[byte] === 0xef && data[byte + 1] === 0xbf && data[byte + 2] === 0xbd) {
    at = text.indexOf('\uFFFD', at + 1);
    byte = Buffer.byteLength(text.slice(0, at), 'utf8');
  }
  const before = text.slice(0, Math.max(at, 0));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  const hex = (data[byte] ?? 0).toString(16).toUpperCase(); // a bad byte is 0x80 or more: two digits
  return {
    ok: false,
    line,
    column,
    problem: `The file is not valid UTF-8: byte 0x${hex} at line ${line}, column ${column} (byte ${byte}) is not UTF-8; the file is probably Latin-1 (ISO 8859-1) or Windows-1252. ${CONVERT_HINT}, or convert it: iconv -f ISO-8859-1 -t UTF-8 FILE > NEW_FILE.`,
  };
}
