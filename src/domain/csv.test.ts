import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOM, csvField, neutralise, toCsv, unneutralise } from './csv';
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

describe('export cells', () => {
  it('quotes a cell with a comma, a quote, a CR or a LF, and nothing else', () => {
    expect(csvField('Siti Rahma; Kopi')).toBe('Siti Rahma; Kopi');
    expect(csvField('a\rb')).toBe('"a\rb"');
    expect(csvField('"')).toBe('""""');
    expect(csvField('say "hi" "twice"')).toBe('"say ""hi"" ""twice"""');
    expect(toCsv([])).toBe('');
    expect(toCsv([['a'], ['b', '']])).toBe('a\r\nb,\r\n');
  });

  it('prefixes an apostrophe only to text a spreadsheet would run', () => {
    expect(neutralise('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(neutralise('-3')).toBe("'-3");
    expect(neutralise("'quoted")).toBe("''quoted");
    expect(neutralise('Siti = owner')).toBe('Siti = owner');
    expect(neutralise('Budi-Santoso')).toBe('Budi-Santoso');
    expect(neutralise('')).toBe('');
  });

  it('drops exactly one leading apostrophe when reading back', () => {
    expect(unneutralise("''quoted")).toBe("'quoted");
    expect(unneutralise("'=SUM(A1)")).toBe('=SUM(A1)');
    expect(unneutralise("O'Brien")).toBe("O'Brien");
    expect(unneutralise("'")).toBe('');
  });
});

describe('reading the rows of an import file', () => {
  it('reads a one-column list, without a final line break', () => {
    expect(parseCsv('name\nSiti').rows).toEqual([['name'], ['Siti']]);
    expect(parseCsv('').rows).toEqual([]);
  });

  it('drops the line breaks at the end but keeps a last row of empty cells', () => {
    expect(parseCsv('a,b\r\n1,2\r\n\r\n\r\n').rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('a,b\r\n,\r\n').rows).toEqual([
      ['a', 'b'],
      ['', ''],
    ]);
  });

  it('detects a bar delimiter, and a semicolon file with commas in its cells', () => {
    expect(parseCsv('name|phone\nSiti|0812\n')).toEqual({
      rows: [
        ['name', 'phone'],
        ['Siti', '0812'],
      ],
      delimiter: '|',
    });
    expect(parseCsv('name;note\r\nSiti;a,b\r\nBudi;c,d\r\n').delimiter).toBe(';');
  });

  it('ignores blank lines when guessing the delimiter', () => {
    expect(parseCsv('name;phone\r\n\r\nSiti;0812\r\n\r\nBudi;0813\r\n').delimiter).toBe(';');
  });

  it('takes the delimiter that makes the most columns, the first of equals', () => {
    expect(parseCsv('a;b\tc\td\r\nd;e\tf\tg\r\n').delimiter).toBe('\t');
    expect(parseCsv('a;b\tc\r\nd;e\tf\r\n').delimiter).toBe(';');
  });

  it('keeps commas when four rows in five split the same way', () => {
    expect(parseCsv('n,a;p\ns,b;q\nt,c;r\nu,d;s\nv;w\n').delimiter).toBe(',');
    expect(parseCsv('n,a;p\ns,b;q\nt,c;r\nv;w\n').delimiter).toBe(';');
  });
});

describe('decoding a file, edge cases', () => {
  const le = (text: string, bom: boolean) => utf16(text, true, bom);

  it('trusts a UTF-16 BOM for text with few Latin letters', () => {
    const text = '名字电话号码\r\n';
    expect(decodeCsv(utf16(text, true, true))).toEqual({ ok: true, text, encoding: 'utf-16le' });
    expect(decodeCsv(utf16(text, false, true))).toEqual({ ok: true, text, encoding: 'utf-16be' });
  });

  it('reads a two-letter UTF-16 file without a BOM, but not a one-letter one', () => {
    expect(decodeCsv(le('ab', false))).toEqual({ ok: true, text: 'ab', encoding: 'utf-16le' });
    expect(decodeCsv(le('a', false))).toEqual({ ok: false, error: 'binary' });
  });

  it('refuses broken UTF-16 rather than guessing', () => {
    const loneSurrogate = new Uint8Array([0xff, 0xfe, 0x00, 0xd8, 0x61, 0x00]);
    expect(decodeCsv(loneSurrogate)).toEqual({ ok: false, error: 'binary' });
  });

  it('drops a doubled BOM', () => {
    expect(decodeCsv(utf8(BOM + BOM + 'name\r\n'))).toEqual({
      ok: true,
      text: 'name\r\n',
      encoding: 'utf-8',
    });
  });

  it('tolerates one stray control character per thousand, and no NUL', () => {
    const line = (n: number) => `${'a'.repeat(n)}\u0001\n`;
    expect(decodeCsv(utf8(line(998)))).toMatchObject({ ok: true });
    expect(decodeCsv(utf8(line(997)))).toEqual({ ok: false, error: 'binary' });
    expect(decodeCsv(utf8(`${'a'.repeat(5000)}\u0000`))).toEqual({ ok: false, error: 'binary' });
    expect(decodeCsv(utf8(`a\tb\r\n${'c'.repeat(10)}\v\f`))).toEqual({
      ok: false,
      error: 'binary',
    });
  });

  it('looks for control characters in the first 64 KiB only', () => {
    const text = `${'a'.repeat(65536)}\u0000`;
    expect(decodeCsv(utf8(text))).toEqual({ ok: true, text, encoding: 'utf-8' });
  });

  it('takes a file of exactly 40 MiB and refuses one byte more', () => {
    const size = 40 * 1024 * 1024;
    expect(decodeCsv(new Uint8Array(size).fill(0x61))).toMatchObject({ ok: true });
    expect(decodeCsv(new Uint8Array(size + 1).fill(0x61))).toEqual({
      ok: false,
      error: 'tooLarge',
    });
  });
});
