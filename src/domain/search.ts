/**
 * What the cashier typed in "Search members", turned into index lookups.
 * Digits search phones (trunk zeros and "+" dropped), anything else searches names.
 */
import { foldText, nameWords } from './text';

export type MemberQuery =
  { kind: 'empty' } | { kind: 'phone'; digits: string } | { kind: 'name'; words: string[] };

const PHONE_LIKE = /^[\d\s()+.-]+$/;

export function parseMemberQuery(raw: string): MemberQuery {
  const text = raw.trim();
  if (text.length === 0) return { kind: 'empty' };
  if (PHONE_LIKE.test(text)) {
    const digits = text.replace(/\D/g, '').replace(/^0+/, '');
    return digits.length >= 2 ? { kind: 'phone', digits } : { kind: 'empty' };
  }
  const words = nameWords(text);
  return words.length > 0 ? { kind: 'name', words } : { kind: 'empty' };
}

/** The query word the index should scan: the longest is the most selective. */
export function indexWord(words: readonly string[]): string {
  return words.reduce((a, b) => (b.length > a.length ? b : a), '');
}

/** Every query word must start some word of the name. */
export function nameMatches(words: readonly string[], memberNameWords: readonly string[]): boolean {
  return words.every((q) => memberNameWords.some((w) => w.startsWith(q)));
}

export { foldText };
