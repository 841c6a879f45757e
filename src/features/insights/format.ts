/** Percentages, averages and short dates for the insights screen, as the reader writes them. */
import { formatDayMonth, numberFormat } from '../../i18n/format';

export function formatPercent(share: number): string {
  const small = share !== 0 && Math.abs(share) < 0.1;
  return numberFormat(
    { style: 'percent', maximumFractionDigits: small ? 1 : 0 },
    small ? 'percent1' : 'percent0',
  ).format(share);
}

/** "12 Nov": a chart axis has little room. */
export function formatShortDay(at: number): string {
  return formatDayMonth(at);
}

export function formatAverage(n: number): string {
  return numberFormat({ maximumFractionDigits: 1 }, 'average').format(n);
}
