/** The paper punch card, drawn: filled circles for the stamps on the current card. */
import { useTranslation } from 'react-i18next';
import { GiftIcon } from './icons';

interface PunchCardProps {
  stamps: number;
  size: number;
}

export function PunchCard({ stamps, size }: PunchCardProps) {
  const { t } = useTranslation();
  return (
    <div
      className="punch-card"
      role="img"
      aria-label={t('counter.cardProgress', { count: stamps, total: size })}
      style={{
        gridTemplateColumns: `repeat(${Math.min(size, size > 12 ? 10 : Math.ceil(size / 2))}, 1fr)`,
      }}
    >
      {Array.from({ length: size }, (_, i) => (
        <span
          key={i}
          className={`punch${i < stamps ? ' punch--filled' : ''}${i === size - 1 ? ' punch--reward' : ''}`}
          aria-hidden="true"
        >
          {i === size - 1 && i >= stamps && <GiftIcon />}
        </span>
      ))}
    </div>
  );
}
