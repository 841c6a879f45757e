/** Whether a new version of the app is waiting, and how to switch to it. */
import { createObservable } from '../../shared/observable';

export const waitingUpdate = createObservable<(() => void) | null>(null);
