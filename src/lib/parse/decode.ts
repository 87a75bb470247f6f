/**
 * Bytes → text. Uses only TextDecoder, which both Node and browsers provide, so the parser stays
 * free of Node and DOM imports.
 *
 * Accepts UTF-8 with or without BOM, and GB18030 (GBK is a subset) for lists saved by Chinese
 * Windows tools. Refuses empty and binary input.
 */
export class DecodeError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'DecodeError';
  }
}

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'gb18030';
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

export function decodeListFile(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) throw new DecodeError(1, 'the file is empty');
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new DecodeError(lineAtByte(bytes, nul), `binary data (NUL byte at offset ${nul}); expected a text file`);

  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  let decoded: DecodedText;
  try {
    decoded = { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    // Valid UTF-8 up to a sequence cut short at the very end: a truncated file, not GB18030
    // (whose decoder would otherwise read the UTF-8 bytes as wrong characters).
    if (isUtf8CutShort(body)) {
      throw new DecodeError(lineAtByte(bytes, bytes.length), 'the file ends in the middle of a character — it looks truncated');
    }
    try {
      decoded = { text: new TextDecoder('gb18030', { fatal: true }).decode(body), encoding: 'gb18030' };
    } catch {
      throw new DecodeError(1, 'the file is neither UTF-8 nor GB18030 text');
    }
  }
  // Control characters other than tab, newline and carriage return mean this is not a list.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point of this check
  const control = decoded.text.search(/[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
  if (control >= 0) {
    const line = decoded.text.slice(0, control).split('\n').length;
    throw new DecodeError(
      line,
      `binary data (control character U+${decoded.text.charCodeAt(control).toString(16).padStart(4, '0')}); expected a text file`,
    );
  }
  if (decoded.text.trim() === '') throw new DecodeError(1, 'the file is empty');
  return decoded;
}
