/** Whether a new version of the app is waiting, and how to switch to it. */
import { useSyncExternalStore } from 'react';

type Apply = () => void;
let waiting: Apply | null = null;
const listeners = new Set<() => void>();

export function setUpdateWaiting(apply: Apply | null): void {
  waiting = apply;
  listeners.forEach((l) => l());
}

export function useWaitingUpdate(): Apply | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => waiting,
  );
}
