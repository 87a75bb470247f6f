/**
 * Bytes → text. Uses only TextDecoder, which both Node and browsers provide, so the parser stays
 * free of Node and DOM imports.
 *
 * Accepts UTF-8 with or without BOM, GB18030 (GBK is a subset) for lists saved by Chinese Windows
 * tools, and UTF-16 with its BOM — what Notepad calls "Unicode" and Excel writes as "Unicode text".
 * UTF-16 is known only by its BOM: without one it cannot be told from binary data. Refuses empty
 * and binary input.
 */
import { decodeRefusalInEnglish, type DecodeRefusal } from './refusal';

export class DecodeError extends Error {
  /** In English, for the build's report; `refusal` is the same as data, which the page says in Chinese. */
  readonly reason: string;
  constructor(
    readonly line: number,
    readonly refusal: DecodeRefusal,
  ) {
    const reason = decodeRefusalInEnglish(refusal);
    super(reason);
    this.reason = reason;
    this.name = 'DecodeError';
  }
}

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';
}

function lineAtByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function isUtf8CutShort(body: Uint8Array): boolean {
  const strict = new TextDecoder('utf-8', { fatal: true });
  for (let cut = 1; cut <= 3 && cut < body.length; cut++) {
    const lead = body[body.length - cut];
    if (lead < 0xc0) continue; // a continuation byte: look further back for the lead byte
    try {
      strict.decode(body.subarray(0, body.length - cut));
      return true;
    } catch {
      return false;
    }
  }
  return false;
}

/** The UTF-16 byte order a BOM announces, or null. */
function utf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodedText {
  const body = bytes.subarray(2);
  if (body.length % 2 === 1) throw new DecodeError(1, { kind: 'utf16-odd-length' });
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(body), encoding };
  } catch {
    throw new DecodeError(1, { kind: 'utf16-invalid', encoding });
  }
}

/**
 * Line ends, tabs and digits saved as UTF-16 put a NUL in every other byte, always on the same side:
 * worth naming, since the fix (save with a BOM, or as UTF-8) is not what "binary data" suggests.
 */
function looksLikeUtf16WithoutBom(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 400);
  const nulsAt = [0, 0];
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) nulsAt[i % 2]++;
  return Math.min(...nulsAt) === 0 && Math.max(...nulsAt) >= 2;
}

function decodeBytes(bytes: Uint8Array): DecodedText {
  const utf16 = utf16Bom(bytes);
  if (utf16) return decodeUtf16(bytes, utf16);

  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    if (looksLikeUtf16WithoutBom(bytes)) throw new DecodeError(1, { kind: 'utf16-without-bom' });
    throw new DecodeError(lineAtByte(bytes, nul), { kind: 'binary-nul', offset: nul });
  }

  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    // Valid UTF-8 up to a sequence cut short at the very end: a truncated file, not GB18030
    // (whose decoder would otherwise read the UTF-8 bytes as wrong characters).
    if (isUtf8CutShort(body)) {
      throw new DecodeError(lineAtByte(bytes, bytes.length), { kind: 'utf8-cut-short' });
    }
    try {
      return { text: new TextDecoder('gb18030', { fatal: true }).decode(body), encoding: 'gb18030' };
    } catch {
      throw new DecodeError(1, { kind: 'unknown-encoding' });
    }
  }
}

export function decodeListFile(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) throw new DecodeError(1, { kind: 'empty' });
  const decoded = decodeBytes(bytes);
  // Control characters other than tab, newline and carriage return mean this is not a list.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point of this check
  const control = decoded.text.search(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
  if (control >= 0) {
    const line = decoded.text.slice(0, control).split('\n').length;
    throw new DecodeError(line, { kind: 'binary-control', codePoint: decoded.text.charCodeAt(control) });
  }
  if (decoded.text.trim() === '') throw new DecodeError(1, { kind: 'empty' });
  return decoded;
}
