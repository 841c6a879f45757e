/**
 * The card a customer's phone opened last, remembered on the phone: its
 * home-screen icon (start_url "/") reopens it. Apart from kept-card.ts because
 * the app reads it at start, before any card code is needed.
 */
import { forget, readText, STORED, writeText } from '../../db/browser-storage';

/** The card a phone opened last: its home-screen icon (start_url "/") reopens it. */
export const rememberMyCard = (link: string): void => void writeText(STORED.myCard, link);

export const myCard = (): string | null => readText(STORED.myCard);

export const forgetMyCard = (): void => forget(STORED.myCard);
