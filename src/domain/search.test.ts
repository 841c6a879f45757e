import { describe, expect, it } from 'vitest';
import { nameMatches, parseMemberQuery } from './search';
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
});
