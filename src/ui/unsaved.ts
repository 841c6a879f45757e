/**
 * Work a person has started but not saved (a quantity typed, a form open, a
 * write in flight). An app update waits for it: a cashier is never reloaded
 * mid-stamp.
 */
import { useEffect } from 'react';
import { createObservable } from '../shared/observable';
import { useObservable } from './useObservable';

const holders = new Set<symbol>();
const unsaved = createObservable(false);

export function useUnsavedWork(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const token = Symbol('unsaved');
    holders.add(token);
    unsaved.set(true);
    return () => {
      holders.delete(token);
      unsaved.set(holders.size > 0);
    };
  }, [active]);
}

export function useHasUnsavedWork(): boolean {
  return useObservable(unsaved);
}
