import { describe, expect, it } from 'vitest';
import { shortName } from './card';

describe("the installed card's short name (home screens show about 12 characters)", () => {
  it('keeps a short name, cuts a long one at a word, or at 12 characters when one word is longer', () => {
    expect(shortName('Kopi Kita')).toBe('Kopi Kita');
    expect(shortName('Kopi Kita 12')).toBe('Kopi Kita 12'); // exactly 12
    expect(shortName('Kedai Kopi Nusantara Jaya')).toBe('Kedai Kopi');
    expect(shortName('Warung   Senja Sore')).toBe('Warung Senja');
    expect(shortName('Kopikitanusantara')).toBe('Kopikitanusa');
    // Characters, not UTF-16 units: Vietnamese and emoji count once each.
    expect(shortName('Cà phê Đường phố')).toBe('Cà phê Đường');
    expect(shortName('☕☕☕☕☕☕☕☕☕☕☕☕☕')).toBe('☕☕☕☕☕☕☕☕☕☕☕☕');
  });
});
