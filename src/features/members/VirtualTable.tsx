/**
 * A table that renders only the rows in view (plus a margin), so 100,000 rows
 * scroll smoothly. It stays a real <table>: aria-rowcount and aria-rowindex
 * tell assistive technology how many rows there are and where each one is.
 * Rows have a fixed height (ROW_HEIGHT, matched in members.css).
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';

export const ROW_HEIGHT = 48;
const OVERSCAN = 8;

interface Props<T> {
  label: string;
  rows: readonly T[];
  header: ReactNode;
  columns: number;
  rowKey: (row: T) => string;
  renderRow: (row: T) => ReactNode;
  /** Changes when the order or filter changes: the list scrolls back to the top. */
  resetKey?: string;
}

export function VirtualTable<T>({
  label,
  rows,
  header,
  columns,
  rowKey,
  renderRow,
  resetKey,
}: Props<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
    setScrollTop(0);
  }, [resetKey]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  const visible = rows.slice(first, last);

  return (
    <div
      ref={scroller}
      className="vtable"
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      tabIndex={0}
      role="region"
      aria-label={label}
    >
      <table aria-label={label} aria-rowcount={rows.length + 1}>
        <thead>
          <tr aria-rowindex={1}>{header}</tr>
        </thead>
        <tbody>
          {first > 0 && (
            <tr aria-hidden="true" className="vtable__spacer">
              <td colSpan={columns} style={{ height: first * ROW_HEIGHT }} />
            </tr>
          )}
          {visible.map((row, i) => (
            <tr key={rowKey(row)} aria-rowindex={first + i + 2} className="vtable__row">
              {renderRow(row)}
            </tr>
          ))}
          {last < rows.length && (
            <tr aria-hidden="true" className="vtable__spacer">
              <td colSpan={columns} style={{ height: (rows.length - last) * ROW_HEIGHT }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
