/**
 * The owner's insights (route /owner/insights): headline figures with their
 * definitions, per-day charts (uPlot), bar charts and lists, for a period the
 * owner picks. Computed on this tablet from its own ledger, in a worker.
 */
import { memo, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { updateShop } from '../../db/actions';
import {
  DEFAULT_CHURN_DAYS,
  daysOfRange,
  parseChurnDays,
  type Insights,
} from '../../domain/insights';
import { CUSTOMER_STAFF_ID, DEFAULT_STAFF_ID, type ShopSettings } from '../../domain/shop';
import { formatDate, formatNumber } from '../../i18n/format';
import { Field } from '../../ui/Field';
import { BarList } from './BarList';
import { formatPercent, formatShortDay } from './format';
import { Headlines } from './Headlines';
import { CampaignReturns, Comments, TopMembers } from './Lists';
import { PeriodPicker } from './PeriodPicker';
import type { InsightsRequest } from './protocol';
import { customRange, lastDays, localDay, type Preset } from './range';
import { TimeChart, type ChartSeries } from './TimeChart';
import { useInsights } from './useInsights';
import './insights.css';

const DAY = 86_400_000;

export default function InsightsScreen({ shop }: { shop: ShopSettings }) {
  const { t } = useTranslation();
  const [opened] = useState(() => Date.now());
  const [preset, setPreset] = useState<Preset>('30');
  const [custom, setCustom] = useState(() => ({
    from: localDay(opened - 29 * DAY),
    to: localDay(opened),
  }));
  const [attempt, setAttempt] = useState(0);
  const churnDays = shop.churnDays ?? DEFAULT_CHURN_DAYS;
  const hasCampaigns = (shop.campaigns?.length ?? 0) > 0;

  const range = useMemo(
    () =>
      preset === 'custom' ? customRange(custom.from, custom.to) : lastDays(Number(preset), opened),
    [preset, custom, opened],
  );
  const request = useMemo<InsightsRequest | null>(
    () =>
      range && {
        ...range,
        now: opened,
        churnDays,
        stampsPerCard: shop.stampsPerCard,
        campaignReturns: hasCampaigns,
      },
    [range, opened, churnDays, shop.stampsPerCard, hasCampaigns],
  );
  const state = useInsights(request, attempt);
  const shown = state.result && state.answered;

  return (
    <section className="panel insights" aria-labelledby="insights-title">
      <h2 id="insights-title">{t('insights.title')}</h2>
      <p className="muted">{t('insights.intro')}</p>
      <div className="insights-controls">
        <PeriodPicker
          preset={preset}
          onPreset={setPreset}
          from={custom.from}
          to={custom.to}
          onCustom={(from, to) => setCustom({ from, to })}
          invalid={preset === 'custom' && range === null}
        />
        <ChurnSetting churnDays={churnDays} />
      </div>
      {state.progress !== null && (
        <div className="insights-progress" role="status">
          <progress
            max={1}
            value={state.progress}
            aria-label={t('insights.reading')}
            className="insights-progress__bar"
          />
          <span>{t('insights.readingPercent', { percent: formatPercent(state.progress) })}</span>
        </div>
      )}
      {state.failed && (
        <div role="alert" className="insights-failed">
          <p className="form-error">{t('insights.failed')}</p>
          <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
            {t('insights.retry')}
          </button>
        </div>
      )}
      {shown && (
        <Figures
          insights={state.result!.insights}
          names={state.result!.names}
          events={state.result!.events}
          request={state.answered!}
          staffNames={shop.staff}
        />
      )}
      {shown && state.result!.campaigns.length > 0 && (
        <CampaignReturns
          returns={state.result!.campaigns}
          campaigns={shop.campaigns ?? []}
          names={state.result!.names}
        />
      )}
    </section>
  );
}

/** Memoised: progress updates while the next figures are read must not redraw these. */
const Figures = memo(function Figures({
  insights: r,
  names,
  events,
  request,
  staffNames,
}: {
  insights: Insights;
  names: Record<string, string>;
  events: number;
  request: InsightsRequest;
  staffNames: ShopSettings['staff'];
}) {
  const { t } = useTranslation();
  const days = useMemo(() => daysOfRange(request.from, request.to, localDay), [request]);
  const byDay = useMemo(() => new Map(r.days.map((d) => [d.day, d])), [r]);
  const pick = useCallback(
    (f: (d: Insights['days'][number]) => number) =>
      days.map((d) => (byDay.has(d) ? f(byDay.get(d)!) : 0)),
    [days, byDay],
  );
  const stampSeries = useMemo<ChartSeries[]>(
    () => [
      { label: t('insights.series.stamps'), values: pick((d) => d.stamps), color: '#7a3e1d' },
      {
        label: t('insights.series.redemptions'),
        values: pick((d) => d.redemptions),
        color: '#b45309',
        dash: [6, 4],
      },
    ],
    [pick, t],
  );
  const visitSeries = useMemo<ChartSeries[]>(
    () => [
      { label: t('insights.series.new'), values: pick((d) => d.newVisits), color: '#166534' },
      {
        label: t('insights.series.returning'),
        values: pick((d) => d.returningVisits),
        color: '#7a3e1d',
        dash: [6, 4],
      },
    ],
    [pick, t],
  );
  const first = days[0] ? formatDate(days[0]) : '';
  const last = days.length ? formatDate(days[days.length - 1]!) : '';
  const busiest = r.days.reduce<Insights['days'][number] | null>(
    (best, d) => (best === null || d.stamps > best.stamps ? d : best),
    null,
  );
  const staffName = (id: string) =>
    id === DEFAULT_STAFF_ID
      ? t('insights.owner')
      : id === CUSTOMER_STAFF_ID
        ? t('insights.customer')
        : (staffNames?.find((s) => s.id === id)?.name ?? id);

  return (
    <>
      <p className="muted">
        {t('insights.computedFrom', { count: events, from: first, to: last })}
      </p>
      <Headlines insights={r} churnDays={request.churnDays} periodDays={days.length} />
      <div className="insights-charts">
        <TimeChart
          title={t('insights.stampsChart')}
          summary={
            busiest && busiest.stamps > 0
              ? t('insights.stampsSummary', {
                  from: first,
                  to: last,
                  stamps: t('insights.stampCount', { count: r.stampsEarned }),
                  redemptions: t('insights.redemptionCount', { count: r.redemptions }),
                  day: formatDate(busiest.day),
                  busiest: t('insights.stampCount', { count: busiest.stamps }),
                })
              : t('insights.stampsSummaryQuiet', {
                  from: first,
                  to: last,
                  redemptions: t('insights.redemptionCount', { count: r.redemptions }),
                })
          }
          days={days}
          series={stampSeries}
          formatDay={formatShortDay}
          formatValue={formatNumber}
        />
        <TimeChart
          title={t('insights.visitsChart')}
          summary={t('insights.visitsSummary', {
            from: first,
            to: last,
            new: t('insights.visitCount', { count: r.newVisits }),
            returning: t('insights.visitCount', { count: r.returningVisits }),
          })}
          days={days}
          series={visitSeries}
          formatDay={formatShortDay}
          formatValue={formatNumber}
        />
        <BarList
          title={t('insights.frequency')}
          empty={t('insights.noVisits')}
          bars={r.frequency.map((f) => ({
            key: f.bucket,
            // "1", "2–3", "13+": the bucket's first number decides the plural ("1 visit").
            label: t('insights.visitsBucket', { bucket: f.bucket, count: parseInt(f.bucket, 10) }),
            value: f.members,
            text: t('insights.memberCount', { count: f.members }),
          }))}
        />
        <BarList
          title={t('insights.staffStamps')}
          empty={t('insights.noVisits')}
          bars={r.staff.map((s) => ({
            key: s.staffId,
            label: staffName(s.staffId),
            value: s.stamps,
            text: t('insights.stampCount', { count: s.stamps }),
          }))}
        />
        <BarList
          title={t('insights.staffOverrides')}
          empty={t('insights.noVisits')}
          bars={r.staff.map((s) => ({
            key: s.staffId,
            label: staffName(s.staffId),
            value: s.overrides,
            text: t('insights.overrideCount', { count: s.overrides }),
          }))}
        />
      </div>
      <p className="muted">{t('insights.overridesHint')}</p>
      <div className="insights-lists">
        <TopMembers top={r.topMembers} names={names} />
        <Comments comments={r.comments} names={names} />
      </div>
    </>
  );
});

/** After how many days without a visit a member counts as churned; saved for the shop. */
function ChurnSetting({ churnDays }: { churnDays: number }) {
  const { t } = useTranslation();
  const [text, setText] = useState(String(churnDays));
  const [error, setError] = useState<string | null>(null);
  const save = () => {
    const days = parseChurnDays(text);
    if (days === null) return setError(t('insights.churnDaysInvalid'));
    setError(null);
    if (days !== churnDays)
      updateShop({ churnDays: days }).catch(() => setError(t('errors.saveFailed')));
  };
  return (
    <form
      className="insights-churn"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <Field label={t('insights.churnDays')} error={error} hint={t('insights.churnDaysHint')}>
        <input
          type="number"
          inputMode="numeric"
          min={7}
          max={365}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onBlur={save}
        />
      </Field>
    </form>
  );
}
