/** Text folding for search: "Nguyễn Văn Đức" is found by typing "nguyen duc". */

/** Lower case without diacritics (NFD marks removed; đ/Đ have no decomposition). */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/** The distinct folded words of a name, each a search key (prefix-matched). */
export function nameWords(name: string): string[] {
  const words = foldText(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
  return [...new Set(words)];
}

/** Number of user-perceived characters (an emoji counts as one). */
export function charCount(text: string): number {
  const Segmenter = (Intl as { Segmenter?: typeof Intl.Segmenter }).Segmenter;
  if (Segmenter) {
    let n = 0;
    for (const _ of new Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) n++;
    return n;
  }
  return [...text].length;
}
