/**
 * A per-day line chart drawn by uPlot (fetched only when the first chart opens).
 * The canvas is an image to assistive technology, named by a summary in words.
 */
import { useEffect, useId, useRef } from 'react';
import type uPlot from 'uplot';
import { dayStart } from './range';

export interface ChartSeries {
  label: string;
  values: number[];
  color: string;
  /** A dashed line too, so the series differ without colour. */
  dash?: number[];
}

interface Props {
  title: string;
  summary: string;
  days: string[];
  series: ChartSeries[];
  formatDay: (at: number) => string;
  formatValue: (n: number) => string;
}

const HEIGHT = 220;

export function TimeChart({ title, summary, days, series, formatDay, formatValue }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let plot: uPlot | null = null;
    let gone = false;
    const resize = new ResizeObserver(() =>
      plot?.setSize({ width: el.clientWidth, height: HEIGHT }),
    );
    // Each chart is drawn in a task of its own, after the figures: no long task on the main thread.
    void Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')])
      .then(async ([m]) => {
        await new Promise((r) => setTimeout(r, 0));
        return m;
      })
      .then((m) => {
        if (gone) return;
        const UPlot = m.default;
        const xs = days.map((d) => (dayStart(d) ?? 0) / 1000);
        plot = new UPlot(
          {
            width: el.clientWidth || 600,
            height: HEIGHT,
            legend: { show: false },
            cursor: { drag: { x: false, y: false } },
            scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(4, max)] } },
            axes: [
              {
                values: (_u, splits) => splits.map((s) => formatDay(s * 1000)),
                stroke: '#5e4a3c',
              },
              { values: (_u, splits) => splits.map(formatValue), stroke: '#5e4a3c' },
            ],
            series: [
              {},
              ...series.map((s) => ({
                label: s.label,
                stroke: s.color,
                width: 2,
                ...(s.dash ? { dash: s.dash } : {}),
                points: { show: days.length <= 31 },
              })),
            ],
          },
          [xs, ...series.map((s) => s.values)],
          el,
        );
        resize.observe(el);
        performance.mark('setia:insights-chart');
      });
    return () => {
      gone = true;
      resize.disconnect();
      plot?.destroy();
    };
  }, [days, series, formatDay, formatValue]);

  return (
    <figure className="insights-chart" aria-labelledby={titleId}>
      <figcaption id={titleId} className="insights-chart__title">
        {title}
      </figcaption>
      <div ref={box} className="insights-chart__plot" role="img" aria-label={summary} />
      <ul className="insights-legend">
        {series.map((s) => (
          <li key={s.label}>
            <svg width="28" height="10" aria-hidden="true">
              <line
                x1="0"
                y1="5"
                x2="28"
                y2="5"
                stroke={s.color}
                strokeWidth="3"
                strokeDasharray={s.dash?.join(' ')}
              />
            </svg>
            {s.label}
          </li>
        ))}
      </ul>
    </figure>
  );
}
