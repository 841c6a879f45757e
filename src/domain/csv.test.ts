import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOM, neutralise, toCsv, unneutralise } from './csv';
import { decodeCsv, MAX_CSV_BYTES, parseCsv } from './csv-read';

const utf8 = (s: string) => new TextEncoder().encode(s);

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const units = [...(bom ? [0xfeff] : []), ...[...text].flatMap((c) => codeUnits(c))];
  const out = new Uint8Array(units.length * 2);
  const view = new DataView(out.buffer);
  units.forEach((u, i) => view.setUint16(i * 2, u, littleEndian));
  return out;
}
const codeUnits = (c: string) => Array.from({ length: c.length }, (_, i) => c.charCodeAt(i));

const cell = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom('a,b', 'say "hi"', 'line\nbreak', 'cr\r\nlf', '=1+1', '  spaced  ', '😀☕', ''),
);

describe('CSV writing and reading', () => {
  it('round-trips any cells through RFC 4180 text and papaparse', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }).chain((width) =>
          fc.array(fc.array(cell, { minLength: width, maxLength: width }), {
            minLength: 1,
            maxLength: 12,
          }),
        ),
        (rows) => {
          expect(parseCsv(toCsv(rows)).rows).toEqual(rows);
        },
      ),
    );
  });

  it('quotes only what needs it and ends every record with CRLF', () => {
    expect(toCsv([['a', 'b,c', 'd"e', 'f\ng']])).toBe('a,"b,c","d""e","f\ng"\r\n');
  });

  it('neutralises formula-like text, reversibly', () => {
    for (const t of ['=SUM(A1)', '+62812', '-3+cmd', '@x', '\tx', '\rx', "'quoted"])
      expect(neutralise(t).startsWith("'")).toBe(true);
    expect(neutralise('Siti')).toBe('Siti');
    fc.assert(
      fc.property(fc.string(), (t) => {
        expect(unneutralise(neutralise(t))).toBe(t);
      }),
    );
  });

  it('detects semicolon and tab delimiters', () => {
    expect(parseCsv('name;phone\r\nSiti;0812\r\n')).toEqual({
      rows: [
        ['name', 'phone'],
        ['Siti', '0812'],
      ],
      delimiter: ';',
    });
    expect(parseCsv('name\tphone\nSiti\t0812\n').delimiter).toBe('\t');
  });
});

describe('decoding a file', () => {
  const text = 'name,phone\r\nNguyễn Thị Hà,0912345678\r\nJosé Ñúñez,0812\r\n';

  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeCsv(utf8(BOM + text))).toEqual({ ok: true, text, encoding: 'utf-8' });
    expect(decodeCsv(utf8(text))).toEqual({ ok: true, text, encoding: 'utf-8' });
  });

  it('reads UTF-16 in either byte order, with or without a BOM', () => {
    for (const le of [true, false])
      for (const bom of [true, false])
        expect(decodeCsv(utf16(text, le, bom))).toEqual({
          ok: true,
          text,
          encoding: le ? 'utf-16le' : 'utf-16be',
        });
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8', () => {
    // "José Müller, café" as Excel on Windows saves it: é = 0xE9, ü = 0xFC.
    const bytes = new Uint8Array([
      ...utf8('name\r\nJos'),
      0xe9,
      ...utf8(' M'),
      0xfc,
      ...utf8('ller caf'),
      0xe9,
      ...utf8('\r\n'),
    ]);
    expect(decodeCsv(bytes)).toEqual({
      ok: true,
      text: 'name\r\nJosé Müller café\r\n',
      encoding: 'windows-1252',
    });
  });

  it('refuses empty, binary and oversized files', () => {
    expect(decodeCsv(new Uint8Array())).toEqual({ ok: false, error: 'empty' });
    expect(decodeCsv(utf8(BOM + '\r\n \r\n'))).toEqual({ ok: false, error: 'empty' });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(decodeCsv(png)).toEqual({ ok: false, error: 'binary' });
    const random = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256);
    expect(decodeCsv(random)).toEqual({ ok: false, error: 'binary' });
    expect(decodeCsv(new Uint8Array(MAX_CSV_BYTES + 1))).toEqual({ ok: false, error: 'tooLarge' });
  });
});
