import { afterEach, describe, expect, it } from 'vitest';
import { charCount, foldText, nameWords } from './text';

describe('folding names for member search', () => {
  it('drops diacritics and case, Vietnamese đ/Đ included', () => {
    expect(foldText('ĐẶNG Văn Đức')).toBe('dang van duc');
    expect(foldText('José Ñúñez')).toBe('jose nunez');
    expect(foldText('Siti')).toBe('siti');
  });

  it('splits a name into distinct words, punctuation and repeats left out, digits kept', () => {
    expect(nameWords('-Dewi  Siti-Rahma siti 2')).toEqual(['dewi', 'siti', 'rahma', '2']);
    expect(nameWords("O'Brien, Jr.")).toEqual(['o', 'brien', 'jr']);
    expect(nameWords('☕ 🍰')).toEqual([]);
  });
});

describe('counting the characters of a name', () => {
  const intl = Intl as { Segmenter?: typeof Intl.Segmenter };
  const segmenter = intl.Segmenter;
  afterEach(() => {
    intl.Segmenter = segmenter;
  });

  it('counts what a person sees: an emoji with its skin tone is one character', () => {
    expect(charCount('👍🏽ab')).toBe(3);
    expect(charCount('Nguyễn')).toBe(6);
    expect(charCount('')).toBe(0);
  });

  it('counts code points on a browser without Intl.Segmenter', () => {
    intl.Segmenter = undefined;
    expect(charCount('👍🏽ab')).toBe(4);
    expect(charCount('Budi')).toBe(4);
  });
});
