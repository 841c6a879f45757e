import { describe, expect, it } from 'vitest';
import { indexWord, nameMatches, parseMemberQuery } from './search';
import { nameWords } from './text';

describe('member search', () => {
  it('folds diacritics so that typing plain letters finds Vietnamese and Indonesian names', () => {
    expect(nameWords('Nguyễn Văn Đức')).toEqual(['nguyen', 'van', 'duc']);
    const q = parseMemberQuery('nguyen du');
    expect(q.kind === 'name' && nameMatches(q.words, nameWords('Nguyễn Văn Đức'))).toBe(true);
    expect(q.kind === 'name' && nameMatches(q.words, nameWords('Nguyễn Văn An'))).toBe(false);
  });

  it('tells phones from names', () => {
    expect(parseMemberQuery('+62 812')).toEqual({ kind: 'phone', digits: '62812' });
    expect(parseMemberQuery('0812-34')).toEqual({ kind: 'phone', digits: '81234' });
    expect(parseMemberQuery('Budi 2')).toEqual({ kind: 'name', words: ['budi', '2'] });
    expect(parseMemberQuery('  ')).toEqual({ kind: 'empty' });
  });

  it('reads a typed phone in any spelling, dropping trunk and international zeros', () => {
    expect(parseMemberQuery('(0812) 345.678')).toEqual({ kind: 'phone', digits: '812345678' });
    expect(parseMemberQuery('00 62 812')).toEqual({ kind: 'phone', digits: '62812' });
    expect(parseMemberQuery(' 12 ')).toEqual({ kind: 'phone', digits: '12' });
    // Only leading zeros go: the zeros inside a number stay.
    expect(parseMemberQuery('812 3000')).toEqual({ kind: 'phone', digits: '8123000' });
  });

  it('waits for two digits before searching phones', () => {
    expect(parseMemberQuery('7')).toEqual({ kind: 'empty' });
    expect(parseMemberQuery('07')).toEqual({ kind: 'empty' });
    expect(parseMemberQuery('+')).toEqual({ kind: 'empty' });
    expect(parseMemberQuery('---')).toEqual({ kind: 'empty' });
  });

  it('searches names when letters come before or after the digits', () => {
    expect(parseMemberQuery('Budi 0812')).toEqual({ kind: 'name', words: ['budi', '0812'] });
    expect(parseMemberQuery('0812 Budi')).toEqual({ kind: 'name', words: ['0812', 'budi'] });
  });

  it('finds nothing to search in punctuation alone', () => {
    expect(parseMemberQuery('!?')).toEqual({ kind: 'empty' });
    expect(parseMemberQuery('☕')).toEqual({ kind: 'empty' });
  });

  it('scans the index by the longest word, the first of equals', () => {
    expect(indexWord(['ng', 'duc', 'van'])).toBe('duc');
    expect(indexWord(['an', 'nguyen'])).toBe('nguyen');
    expect(indexWord([])).toBe('');
  });

  it('needs every typed word to start some word of the name', () => {
    const name = nameWords('Nguyễn Văn Đức');
    expect(nameMatches(['van'], name)).toBe(true);
    expect(nameMatches(['duc', 'ng'], name)).toBe(true);
    expect(nameMatches(['uyen'], name)).toBe(false);
    expect(nameMatches(['duc', 'an'], name)).toBe(false);
    expect(nameMatches([], name)).toBe(true);
  });
});
