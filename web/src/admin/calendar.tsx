// The business calendar's preview (#/staff/admin/calendar): for a chosen year, the active
// policy's time zone, weekly opening hours and every closed date with its name — what deadlines
// will be counted against.
import { useState } from 'preact/hooks';
import { useT } from '../i18n';
import type { MessageKey } from '../i18n/en';
import { ErrorSummary, Field, fieldError } from '../ui/form';
import { formatDate } from './format-date';
import { useApi } from './use-api';

interface CalendarYear {
  year: number;
  policy_version: string;
  time_zone: string;
  holiday_sets: string[];
  opening_hours: { weekday: string; intervals: { opens: string; closes: string }[] }[];
  closed_dates: { date: string; name: string }[];
}

export function CalendarPreview() {
  const t = useT();
  const [year, setYear] = useState(String(new Date().getFullYear() + 1));
  const [asked, setAsked] = useState(year);
  const calendar = useApi<CalendarYear>(`/api/v1/calendar?year=${encodeURIComponent(asked)}`);

  function submit(event: Event) {
    event.preventDefault();
    setAsked(year.trim());
  }

  const data = calendar.data?.year === Number(asked) ? calendar.data : null;
  return (
    <>
      <form onSubmit={submit} noValidate class="inline-form">
        <ErrorSummary error={calendar.error} />
        <Field id="calendar-year" label={t('cal_year')} required error={fieldError(calendar.error, 'year')}>
          {(describedBy) => (
            <input
              id="calendar-year"
              inputMode="numeric"
              value={year}
              aria-describedby={describedBy}
              onInput={(e) => setYear((e.currentTarget as HTMLInputElement).value)}
            />
          )}
        </Field>
        <button type="submit">{t('cal_show')}</button>
      </form>
      {data && (
        <>
          <h2>{t('cal_title', { year: data.year })}</h2>
          <dl class="facts">
            <dt>{t('cal_zone')}</dt>
            <dd>{data.time_zone}</dd>
            <dt>{t('cal_sets')}</dt>
            <dd>{data.holiday_sets.join(', ') || t('cal_none')}</dd>
          </dl>
          <h3 id="cal-hours">{t('cal_hours')}</h3>
          <table class="figures" aria-labelledby="cal-hours">
            <tbody>
              {data.opening_hours.map((day) => (
                <tr key={day.weekday}>
                  <th scope="row">{t(`cal_${day.weekday}` as MessageKey)}</th>
                  <td>
                    {day.intervals.length === 0
                      ? t('cal_closed')
                      : day.intervals.map((i) => `${i.opens}–${i.closes}`).join(', ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3 id="cal-closed">{t('cal_closed_dates', { count: data.closed_dates.length })}</h3>
          <ul class="closed-dates" aria-labelledby="cal-closed">
            {data.closed_dates.map((d) => (
              <li key={d.date}>
                <time dateTime={d.date}>{formatDate(d.date)}</time>: {d.name}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
