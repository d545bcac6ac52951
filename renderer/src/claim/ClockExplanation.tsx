/** "Why is this due then?": the core's account of a deadline (explainClock). */
import { useMemo } from 'react';
import { explainClock, type Calendar, type Claim, type ClockName, type Policy } from '@shared/index';
import { t } from '../i18n';
import { formatDay, formatInZone, formatNumber } from '../ui/format';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function ClockExplanation({ claim, clock, now, calendar, policy }: { claim: Claim; clock: ClockName; now: number; calendar: Calendar; policy: Policy }) {
  // Explained at the moment it was opened; the countdown above keeps ticking.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const explanation = useMemo(() => explainClock(claim, clock, new Date(now), calendar, { policy }), [claim, clock, calendar, policy]);
  if (!explanation) return null;
  const zone = explanation.timeZone;
  const at = (d: Date) => formatInZone(d, zone);
  const { reading } = explanation;
  const target = t(reading.unit === 'business_days' ? 'clocks.businessDays' : 'clocks.days', { value: formatNumber(reading.target) });
  return (
    <div className="explanation">
      <h3>{t('explain.heading', { clock: t(`clock.${clock}`) })}</h3>
      <p>{t('explain.calendar', { zone, weekend: explanation.weekend.map((d) => WEEKDAYS[d]).join(', ') })}</p>
      <p>{t('explain.target', { target, start: at(reading.startedAt), due: at(reading.dueAt) })}</p>
      <h4>{t('explain.counted')}</h4>
      <ul>
        {explanation.counted.map((i) => (
          <li key={i.from.toISOString()}>
            {t('explain.interval', { status: t(`status.${i.status}`), from: at(i.from), to: at(i.to), days: formatNumber(i.businessDays) })}
          </li>
        ))}
      </ul>
      {explanation.paused.length > 0 && (
        <>
          <h4>{t('explain.paused')}</h4>
          <ul>
            {explanation.paused.map((i) => (
              <li key={i.from.toISOString()}>
                {t('explain.interval', { status: t(`status.${i.status}`), from: at(i.from), to: at(i.to), days: formatNumber(i.businessDays) })}
              </li>
            ))}
          </ul>
        </>
      )}
      <h4>{t('explain.skipped', { count: explanation.skippedDays.length })}</h4>
      {explanation.skippedDays.length === 0 ? (
        <p>{t('explain.noSkipped')}</p>
      ) : (
        <ul className="skipped-days">
          {explanation.skippedDays.map((d) => (
            <li key={d.date}>
              {formatDay(d.date)} · {d.kind === 'weekend' ? t('explain.weekend') : t('explain.holiday')}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
