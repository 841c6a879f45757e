import { describe, expect, it } from 'vitest';
import { mergeCatalogues } from './index';

describe('catalogue merge', () => {
  it('deep-merges feature files and refuses a key defined twice', () => {
    expect(
      mergeCatalogues({ a: { errors: { x: 'X' } }, b: { errors: { y: 'Y' }, b: 'B' } }),
    ).toEqual({
      errors: { x: 'X', y: 'Y' },
      b: 'B',
    });
    expect(() =>
      mergeCatalogues({ a: { errors: { x: 'X' } }, b: { errors: { x: 'again' } } }),
    ).toThrow('i18n key "errors.x" is defined twice (again in b)');
  });
});
