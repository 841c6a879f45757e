/**
 * One polite live region for the app's confirmations ("2 stamps added"), so a
 * cashier sees — and a screen reader hears — that the action landed.
 */
import { createObservable } from '../shared/observable';

export interface Announcement {
  id: number;
  text: string;
  tone: 'success' | 'info' | 'error';
}

export const announcement = createObservable<Announcement | null>(null);
let nextId = 1;
let timer: ReturnType<typeof setTimeout> | undefined;

export function announce(text: string, tone: Announcement['tone'] = 'success'): void {
  announcement.set({ id: nextId++, text, tone });
  clearTimeout(timer);
  timer = setTimeout(() => announcement.set(null), 4000);
}
