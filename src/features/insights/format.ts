/** Percentages and short dates in the reader's language, for the insights screen. */
import i18n from '../../i18n';

export function formatPercent(share: number): string {
  return new Intl.NumberFormat(i18n.language || 'en', {
    style: 'percent',
    maximumFractionDigits: share !== 0 && Math.abs(share) < 0.1 ? 1 : 0,
  }).format(share);
}

/** "12 Nov": a chart axis has little room. */
export function formatShortDay(at: number): string {
  return new Intl.DateTimeFormat(i18n.language || 'en', { day: 'numeric', month: 'short' }).format(
    at,
  );
}

export function formatAverage(n: number): string {
  return new Intl.NumberFormat(i18n.language || 'en', { maximumFractionDigits: 1 }).format(n);
}
