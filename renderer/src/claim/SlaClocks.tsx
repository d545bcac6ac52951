/**
 * Every running SLA clock of the claim with a live countdown (on the one shared ticker): business
 * time left, the due instant in the reviewer's own time and in the calendar's zone, the level as
 * colour and text, and on request the core's explanation of the deadline.
 */
import { useId, useState } from 'react';
import { clocks, type Claim, type ClockReading } from '@shared/index';
import { useSyncSettings } from '../data/workstation';
import { t } from '../i18n';
import { Badge } from '../ui/Badge';
import { formatCountdown, formatInZone, formatLocal, formatNumber } from '../ui/format';
import { useNow } from '../ui/useNow';
import { ClockExplanation } from './ClockExplanation';

const LEVEL_TONE = { on_track: 'success', at_risk: 'warning', breached: 'danger' } as const;

export function SlaClocks({ claim }: { claim: Claim }) {
  const now = useNow();
  const { calendar, policy } = useSyncSettings();
  const readings = clocks(claim, new Date(now), calendar, { policy });
  return (
    <section aria-labelledby="clocks-heading" className="panel">
      <h2 id="clocks-heading">{t('clocks.heading')}</h2>
      {readings.length === 0 ? (
        <p>{t('clocks.none')}</p>
      ) : (
        <ul className="clock-list">
          {readings.map((reading) => (
            <ClockRow key={reading.clock} claim={claim} reading={reading} now={now} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ClockRow({ claim, reading, now }: { claim: Claim; reading: ClockReading; now: number }) {
  const [explaining, setExplaining] = useState(false);
  const { calendar, policy } = useSyncSettings();
  const explanationId = useId();
  const amount = reading.unit === 'business_days' ? 'clocks.businessDays' : 'clocks.days';
  const left = reading.remaining >= 0 ? 'clocks.left' : 'clocks.over';
  return (
    <li className={`clock clock--${reading.level}`}>
      <div className="clock__head">
        <strong>{t(`clock.${reading.clock}`)}</strong> <Badge tone={LEVEL_TONE[reading.level]}>{t(`level.${reading.level}`)}</Badge>
        {reading.paused && <Badge>{t('clocks.paused')}</Badge>}
      </div>
      <div className="clock__countdown">
        <span className="clock__time">{t(left, { time: formatCountdown(reading.remaining) })}</span>{' '}
        <span className="muted">({t(amount, { value: formatNumber(Math.abs(reading.remaining)) })})</span>
      </div>
      <div className="muted">{t('clocks.due', { local: formatLocal(reading.dueAt), zoned: formatInZone(reading.dueAt, calendar.timeZone), zone: calendar.timeZone })}</div>
      <button type="button" className="link-button" aria-expanded={explaining} aria-controls={explanationId} onClick={() => setExplaining((v) => !v)}>
        {explaining ? t('clocks.whyHide') : t('clocks.why')}
      </button>
      <div id={explanationId}>{explaining && <ClockExplanation claim={claim} clock={reading.clock} now={now} calendar={calendar} policy={policy} />}</div>
    </li>
  );
}
