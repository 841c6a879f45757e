/**
 * Work a person has started but not saved (a quantity typed, a form open, a
 * write in flight). An app update waits for it: a cashier is never reloaded
 * mid-stamp.
 */
import { useEffect, useSyncExternalStore } from 'react';

const holders = new Set<symbol>();
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export function useUnsavedWork(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const token = Symbol('unsaved');
    holders.add(token);
    emit();
    return () => {
      holders.delete(token);
      emit();
    };
  }, [active]);
}

export function hasUnsavedWork(): boolean {
  return holders.size > 0;
}

export function useHasUnsavedWork(): boolean {
  return useSyncExternalStore((l) => {
    listeners.add(l);
    return () => listeners.delete(l);
  }, hasUnsavedWork);
}
