/**
 * The card a customer's phone opened last, remembered on the phone: its
 * home-screen icon (start_url "/") reopens it. Apart from snapshot.ts because
 * the app reads it at start, before any card code is needed.
 */
const MY_CARD = 'setia.myCard';

/** The card a phone opened last: its home-screen icon (start_url "/") reopens it. */
export function rememberMyCard(link: string): void {
  try {
    localStorage.setItem(MY_CARD, link);
  } catch {
    /* private mode */
  }
}

export function myCard(): string | null {
  try {
    return localStorage.getItem(MY_CARD);
  } catch {
    return null;
  }
}

export function forgetMyCard(): void {
  try {
    localStorage.removeItem(MY_CARD);
  } catch {
    /* private mode */
  }
}
