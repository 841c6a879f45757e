/** A plain horizontal bar chart: each bar's figure is written next to it, so it reads as text too. */
import { useId } from 'react';

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** The value in words, as shown and read. */
  text: string;
}

export function BarList({ title, bars, empty }: { title: string; bars: Bar[]; empty: string }) {
  const titleId = useId();
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <figure className="insights-bars" aria-labelledby={titleId}>
      <figcaption id={titleId} className="insights-chart__title">
        {title}
      </figcaption>
      {bars.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul aria-labelledby={titleId}>
          {bars.map((b) => (
            <li key={b.key} className="insights-bars__row">
              <span className="insights-bars__label">{b.label}</span>
              <span className="insights-bars__track" aria-hidden="true">
                <span
                  className="insights-bars__bar"
                  style={{ width: `${(b.value / max) * 100}%` }}
                />
              </span>
              <span className="insights-bars__value">{b.text}</span>
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
