import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { STORED } from '../db/browser-storage';
import { OPEN_LOCK } from '../domain/owner-lock';
import { pinLockStore } from './pin-lock-store';

let kept: Map<string, string>;
beforeEach(() => {
  kept = new Map();
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => kept.get(key) ?? null,
    setItem: (key: string, value: string) => void kept.set(key, value),
    removeItem: (key: string) => void kept.delete(key),
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('PIN lock on the device', () => {
  it('keeps counting the wrong tries the previous version stored', () => {
    // As the previous version wrote it: JSON under setia.ownerLock.
    kept.set('setia.ownerLock', '{"fails":6,"until":1764000060000}');
    expect(pinLockStore(STORED.ownerLock).read()).toEqual({ fails: 6, until: 1_764_000_060_000 });
    pinLockStore(STORED.staffLock).write({ fails: 1, until: 0 });
    expect(kept.get('setia.staffLock')).toBe('{"fails":1,"until":0}');
  });

  it('starts open when nothing, or something unreadable, is stored', () => {
    expect(pinLockStore(STORED.ownerLock).read()).toEqual(OPEN_LOCK);
    kept.set('setia.ownerLock', '{"fails":"many"}');
    expect(pinLockStore(STORED.ownerLock).read()).toEqual(OPEN_LOCK);
  });
});
