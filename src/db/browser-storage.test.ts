import { afterEach, describe, expect, it, vi } from 'vitest';
import { forget, readJson, readText, STORED, writeJson, writeText } from './browser-storage';

/** localStorage as a browser has it, over a Map the test can look into. */
function fakeStorage(kept = new Map<string, string>()) {
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => kept.get(key) ?? null,
    setItem: (key: string, value: string) => void kept.set(key, String(value)),
    removeItem: (key: string) => void kept.delete(key),
  });
  return kept;
}

const isCount = (v: unknown): v is { count: number } =>
  typeof v === 'object' && v !== null && Number.isInteger((v as { count: number }).count);

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('browser storage', () => {
  it('names the keys the app has always used (phones and tablets already hold them)', () => {
    expect(STORED).toMatchObject({
      language: 'setia.language',
      ownerLock: 'setia.ownerLock',
      staffLock: 'setia.staffLock',
      camera: 'setia.camera',
      myCard: 'setia.myCard',
    });
    expect(STORED.keptCard('01JC8Z3Q')).toBe('setia.card.01JC8Z3Q');
    expect(STORED.ratedVisit('01JC8Z3Q')).toBe('setia.rated.01JC8Z3Q');
  });

  it('keeps text and JSON under the named keys', () => {
    const kept = fakeStorage();
    expect(writeText(STORED.camera, 'user')).toBe(true);
    expect(writeJson(STORED.ownerLock, { count: 2 })).toBe(true);
    expect(kept).toEqual(
      new Map([
        ['setia.camera', 'user'],
        ['setia.ownerLock', '{"count":2}'],
      ]),
    );
    expect(readText(STORED.camera)).toBe('user');
    expect(readJson(STORED.ownerLock, isCount)).toEqual({ count: 2 });
    forget(STORED.camera);
    expect(readText(STORED.camera)).toBeNull();
  });

  it('reads nothing from a value that is missing, not JSON or not the expected shape', () => {
    fakeStorage(
      new Map([
        [STORED.keptCard('A'), '{"count":'],
        [STORED.keptCard('B'), '{"count":"two"}'],
      ]),
    );
    expect(readJson(STORED.keptCard('A'), isCount)).toBeNull();
    expect(readJson(STORED.keptCard('B'), isCount)).toBeNull();
    expect(readJson(STORED.keptCard('C'), isCount)).toBeNull();
  });

  it('carries on when storage throws (private mode, full, blocked)', () => {
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
      removeItem: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    expect(readText(STORED.language)).toBeNull();
    expect(readJson(STORED.staffLock, isCount)).toBeNull();
    expect(writeText(STORED.language, 'vi')).toBe(false);
    expect(writeJson(STORED.staffLock, { count: 1 })).toBe(false);
    expect(() => forget(STORED.myCard)).not.toThrow();
  });

  it('carries on where there is no storage at all', () => {
    vi.stubGlobal('localStorage', undefined);
    expect(readText(STORED.myCard)).toBeNull();
    expect(writeText(STORED.myCard, 'x')).toBe(false);
  });
});
