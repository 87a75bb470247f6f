import { describe, expect, it } from 'vitest';
import { decodeListFile } from '../../../src/lib/parse';
import { encodeUtf16 } from '../import/encode';

const utf8 = (s: string) => new TextEncoder().encode(s);
const utf16 = encodeUtf16;
const failure = (bytes: Uint8Array) => {
  try {
    decodeListFile(bytes);
    return '';
  } catch (error) {
    return (error as Error).message;
  }
};

describe('decoding list files', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeListFile(utf8('序号\t事项类别')).text).toBe('序号\t事项类别');
    expect(decodeListFile(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('序号')])).text).toBe('序号');
  });
  it('reads GB18030', () => {
    // "序号" in GB18030/GBK: D0F2 BAC5
    const decoded = decodeListFile(new Uint8Array([0xd0, 0xf2, 0xba, 0xc5, 0x0a]));
    expect(decoded).toEqual({ text: '序号\n', encoding: 'gb18030' });
  });
  it('reads UTF-16 little- and big-endian by their BOM, CRLF line ends kept for the parser', () => {
    expect(decodeListFile(utf16('序号\t事项类别\r\n1\t党的建设', 'le'))).toEqual({
      text: '序号\t事项类别\r\n1\t党的建设',
      encoding: 'utf-16le',
    });
    expect(decodeListFile(utf16('序号\t事项类别\r\n', 'be'))).toEqual({ text: '序号\t事项类别\r\n', encoding: 'utf-16be' });
  });
  it('refuses UTF-16 cut in the middle of a character, and names UTF-16 without a BOM', () => {
    expect(failure(utf16('序号\r\n', 'le').subarray(0, 7))).toMatch(/odd number of bytes — it looks truncated/);
    expect(failure(utf16('1\t序号\r\n2\t事项', 'le').subarray(2))).toMatch(/UTF-16 text without a byte-order mark/);
  });
  it('refuses UTF-8 cut in the middle of a character instead of misreading it as GB18030', () => {
    const bytes = utf8('序号\n收养登记');
    expect(failure(bytes.subarray(0, bytes.length - 1))).toBe('the file ends in the middle of a character — it looks truncated');
  });
  it('refuses an empty or blank file', () => {
    expect(failure(new Uint8Array())).toMatch(/empty/);
    expect(failure(utf8(' \n\n'))).toMatch(/empty/);
  });
  it('refuses binary data, naming the line', () => {
    expect(failure(new Uint8Array([...utf8('a\nb\n'), 0, 1, 2]))).toMatch(/binary data/);
    expect(failure(utf8('序号\n\u0007x'))).toMatch(/binary data/);
  });
});
