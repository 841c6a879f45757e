import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv-read';

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
