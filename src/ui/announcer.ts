/**
 * One polite live region for the app's confirmations ("2 stamps added"), so a
 * cashier sees — and a screen reader hears — that the action landed.
 */
import { useSyncExternalStore } from 'react';

export interface Announcement {
  id: number;
  text: string;
  tone: 'success' | 'info' | 'error';
}

let current: Announcement | null = null;
let nextId = 1;
let timer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();

function emit() {
  for (const l of listeners) l();
}

export function announce(text: string, tone: Announcement['tone'] = 'success'): void {
  current = { id: nextId++, text, tone };
  clearTimeout(timer);
  timer = setTimeout(() => {
    current = null;
    emit();
  }, 4000);
  emit();
}

export function useAnnouncement(): Announcement | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}
