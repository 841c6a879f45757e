/** The owner's members list: filter, sort by any column, open a member. */
import { memo, useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  filterRows,
  nextSort,
  NO_TIER,
  sortRows,
  type MemberRow,
  type Sort,
  type SortKey,
} from '../../domain/members-list';
import type { Tier } from '../../domain/stamp/rules';
import { formatNumber, formatShortDate } from '../../i18n/format';
import type { MemberRows } from './useMemberRows';
import { VirtualTable } from './VirtualTable';

interface Props {
  data: MemberRows;
  tiers: readonly Tier[];
  onOpen: (memberId: string) => void;
}

const COLUMNS: SortKey[] = ['name', 'joined', 'lastVisit', 'stamps', 'tier'];

export function MembersList({ data, tiers, onOpen }: Props) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<Sort>({ key: 'name', direction: 'ascending' });
  const [text, setText] = useState('');
  const [tier, setTier] = useState('');
  const [minStamps, setMinStamps] = useState('');
  // Typing stays instant; filtering and sorting 100,000 rows follow when React has time.
  const filter = useDeferredValue({ text, tier, minStamps });
  const sorted = useMemo(() => sortRows(data.rows, sort), [data.rows, sort]);
  const shown = useMemo(
    () =>
      filterRows(sorted, {
        text: filter.text,
        tier: filter.tier,
        minStamps: filter.minStamps.trim() === '' ? null : Number(filter.minStamps),
      }),
    [sorted, filter],
  );
  const columns = tiers.length > 0 ? COLUMNS : COLUMNS.filter((c) => c !== 'tier');

  return (
    <section className="panel members" aria-labelledby="members-title">
      <h2 id="members-title">{t('members.title')}</h2>
      <div className="members__filters" role="search">
        <label className="field">
          <span>{t('members.filter')}</span>
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        {tiers.length > 0 && (
          <label className="field">
            <span>{t('members.tierFilter')}</span>
            <select value={tier} onChange={(e) => setTier(e.target.value)}>
              <option value="">{t('members.anyTier')}</option>
              {tiers.map((x) => (
                <option key={x.id} value={x.name}>
                  {x.name}
                </option>
              ))}
              <option value={NO_TIER}>{t('members.noTier')}</option>
            </select>
          </label>
        )}
        <label className="field">
          <span>{t('members.minStamps')}</span>
          <input
            type="number"
            inputMode="numeric"
            value={minStamps}
            onChange={(e) => setMinStamps(e.target.value)}
          />
        </label>
      </div>
      <p role="status" className="muted">
        {data.loading
          ? t('members.loading', { count: data.rows.length })
          : t('members.count', { count: shown.length })}
      </p>
      {data.failed && (
        <p className="form-error" role="alert">
          {t('members.loadFailed')}
        </p>
      )}
      <VirtualTable
        label={t('members.title')}
        rows={shown}
        columns={columns.length}
        rowKey={(r) => r.id}
        resetKey={`${sort.key}:${sort.direction}:${filter.text}:${filter.tier}:${filter.minStamps}`}
        header={columns.map((key) => (
          <th
            key={key}
            scope="col"
            aria-sort={sort.key === key ? sort.direction : undefined}
            className={`members__col members__col--${key}`}
          >
            <button
              type="button"
              className="members__sort"
              onClick={() => setSort(nextSort(sort, key))}
            >
              {t(`members.column.${key}`)}
              <span aria-hidden="true">
                {sort.key === key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}
              </span>
            </button>
          </th>
        ))}
        renderRow={(row: MemberRow) => (
          <MemberCells row={row} withTier={tiers.length > 0} onOpen={onOpen} />
        )}
      />
    </section>
  );
}

interface CellsProps {
  row: MemberRow;
  withTier: boolean;
  onOpen: (memberId: string) => void;
}

/** One row's cells; rows that stay in view are not rendered again while scrolling. */
const MemberCells = memo(function MemberCells({ row, withTier, onOpen }: CellsProps) {
  // useTranslation re-renders the cells when the language changes: the formats follow it.
  const { t } = useTranslation();
  return (
    <>
      <th scope="row" className="members__col members__col--name">
        <button type="button" className="button--link" onClick={() => onOpen(row.id)}>
          {row.anonymised ? t('members.anonymised') : row.name}
        </button>
      </th>
      <td className="members__col">{formatShortDate(row.joinedAt)}</td>
      <td className="members__col">
        {row.lastVisitAt === null ? t('members.never') : formatShortDate(row.lastVisitAt)}
      </td>
      <td className="members__col members__col--stamps">{formatNumber(row.stamps)}</td>
      {withTier && <td className="members__col">{row.tier ?? ''}</td>}
    </>
  );
});
