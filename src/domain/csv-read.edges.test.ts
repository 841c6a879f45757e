import { describe, expect, it } from 'vitest';
import { decodeCsv, parseCsv } from './csv-read';

describe('reading a CSV file at its edges', () => {
  it('keeps a blank line in the middle as a row, so row numbers match the file', () => {
    expect(parseCsv('name\n\nSiti\n').rows).toEqual([['name'], [''], ['Siti']]);
  });

  it('splits on commas when commas split every line, even if semicolons split more', () => {
    expect(parseCsv('a;b;c,d\ne;f;g,h\n')).toEqual({
      rows: [
        ['a;b;c', 'd'],
        ['e;f;g', 'h'],
      ],
      delimiter: ',',
    });
  });

  it('takes the delimiter that splits into the most columns when commas do not', () => {
    expect(parseCsv('a|b|c;d\ne|f|g;h\n').delimiter).toBe('|');
  });
});

describe('reading a one-column file', () => {
  it('reports the comma as its delimiter', () => {
    expect(parseCsv('name\nSiti\n')).toEqual({ rows: [['name'], ['Siti']], delimiter: ',' });
  });
});

/** Text as UTF-16 code units, without a BOM, in the given byte order. */
function utf16Bytes(text: string, order: 'le' | 'be'): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const [hi, lo] = [text.charCodeAt(i) >> 8, text.charCodeAt(i) & 0xff];
    out.push(...(order === 'le' ? [lo, hi] : [hi, lo]));
  }
  return Uint8Array.from(out);
}
/** Latin-1 text as Windows-1252 bytes (the same code for every letter above 0xA0). */
const cp1252 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const ascii = (text: string) => new TextEncoder().encode(text);
const BINARY = { ok: false, error: 'binary' };

describe('decoding a file at the edges', () => {
  it('refuses a UTF-16 file cut off after an odd byte rather than read it as Windows-1252', () => {
    const bytes = Uint8Array.from([0xff, 0xfe, ...utf16Bytes('中文', 'le'), 0x41]);
    expect(decodeCsv(bytes)).toEqual(BINARY);
  });

  it('lets a UTF-8 BOM decide even when the bytes after it look like UTF-16', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...ascii('a\0b\0c\0d\0e\0f\0\n')]);
    expect(decodeCsv(bytes)).toEqual(BINARY);
  });

  it('takes only a whole UTF-16 BOM for one: þ and ÿ are Windows-1252 letters', () => {
    for (const text of [
      'þjálfari;sími\r\nJón;5551234\r\n',
      'Íþróttafélag;sími\r\nKR;5551234\r\n',
      'Aÿ-Champagne;tél\r\n',
      'ÿ;x\r\n',
    ])
      expect(decodeCsv(cp1252(text))).toEqual({ ok: true, text, encoding: 'windows-1252' });
  });

  it('reads a two-letter big-endian UTF-16 file without a BOM, but not a one-letter one', () => {
    expect(decodeCsv(utf16Bytes('ab', 'be'))).toEqual({
      ok: true,
      text: 'ab',
      encoding: 'utf-16be',
    });
    expect(decodeCsv(utf16Bytes('a', 'be'))).toEqual(BINARY);
  });

  it('takes BOM-less text for UTF-16 only when more than 40 % of its high bytes are zero', () => {
    for (const order of ['le', 'be'] as const) {
      const encoding = order === 'le' ? 'utf-16le' : 'utf-16be';
      expect(decodeCsv(utf16Bytes('中中abc', order))).toEqual({
        ok: true,
        text: '中中abc',
        encoding,
      });
      expect(decodeCsv(utf16Bytes('中中中ab', order))).toEqual(BINARY);
    }
  });

  it('takes BOM-less text for UTF-16 only when under 10 % of its low bytes are zero', () => {
    // 一 (U+4E00) has a zero low byte.
    for (const order of ['le', 'be'] as const) {
      const encoding = order === 'le' ? 'utf-16le' : 'utf-16be';
      const text = `一${'a'.repeat(10)}`;
      expect(decodeCsv(utf16Bytes(text, order))).toEqual({ ok: true, text, encoding });
      expect(decodeCsv(utf16Bytes(`一${'a'.repeat(9)}`, order))).toEqual(BINARY);
      expect(decodeCsv(utf16Bytes(`一一abc`, order))).toEqual(BINARY);
    }
  });

  it('judges BOM-less UTF-16 on its first 4 KiB only', () => {
    // 204 of the first 2048 characters have a zero low byte: just under a tenth.
    const text = `${'一'.repeat(204)}${'a'.repeat(1844)}${'一'.repeat(10)}${'a'.repeat(100)}`;
    expect(decodeCsv(utf16Bytes(text, 'le'))).toEqual({ ok: true, text, encoding: 'utf-16le' });
  });

  it('refuses a UTF-8 file with one stray NUL rather than guess it is UTF-16', () => {
    expect(decodeCsv(ascii('name\r\nSit\0\r\n'))).toEqual(BINARY);
    expect(decodeCsv(ascii('name\r\nSiti\0x\r\n'))).toEqual(BINARY);
  });
});
