/**
 * Words for the rule lines an event records ("2 base, Gold ×2 +2, Birthday week +1"):
 * shown at the counter and in the owner's preview, so both say the same thing.
 */
import type { TFunction } from 'i18next';
import type { RuleLine } from '../domain/stamp/rules';

export function explainLine(t: TFunction, line: RuleLine): string {
  const kind = line.rule.split(':')[0]!;
  const values = {
    count: line.stamps,
    multiplier: line.multiplier ?? 1,
    name: line.name ?? '',
  };
  switch (kind) {
    case 'base':
    case 'tier':
    case 'promo':
    case 'club':
    case 'birthday':
    case 'welcome':
    case 'referral':
    case 'feedback':
      return t(`program.line.${kind}`, values);
    default:
      return t('program.line.other', values);
  }
}

/** "6 stamps: 2 base, Gold ×2 +2" — or just "1 stamp" when the base is all there is. */
export function explainStamps(t: TFunction, stamps: number, lines: readonly RuleLine[]): string {
  const shown = lines.filter((l) => l.stamps > 0 || l.rule === 'base');
  if (shown.length <= 1) return t('program.stamps', { count: stamps });
  return t('program.stampsBecause', {
    count: stamps,
    lines: shown.map((l) => explainLine(t, l)).join(', '),
  });
}
