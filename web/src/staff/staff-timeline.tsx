// A case's history as staff see it: every event, oldest first, with its date and time in the
// organisation's zone, who recorded it (initials, name for screen readers) and what it says.
import { formatInstant, useT } from '../i18n';
import type { StaffEvent } from './staff-case';
import { wordsFor } from './words';

const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

// The payload's fields worth reading, as [label key, text] pairs: empty ones left out.
export function eventDetails(event: StaffEvent): [string, string][] {
  const details: [string, string][] = [];
  for (const [name, value] of Object.entries(event.payload)) {
    if (value === null || value === '' || value === false || (Array.isArray(value) && value.length === 0)) continue;
    if (event.type === 'received' && ['kind', 'channel', 'anonymous', 'subject'].includes(name)) continue;
    if (typeof value === 'string') details.push([name, instantPattern.test(value) ? formatInstant(value) : value]);
    else if (typeof value === 'number' || value === true) details.push([name, String(value)]);
    else if (Array.isArray(value)) details.push([name, value.map(describe).join('; ')]);
    else details.push([name, describe(value)]);
  }
  return details;
}

function describe(value: unknown): string {
  if (typeof value !== 'object' || value === null) return String(value);
  const record = value as Record<string, unknown>;
  if (typeof record.name === 'string') return record.name;
  return Object.entries(record)
    .filter(([, v]) => v !== null && v !== '' && v !== undefined)
    .map(([k, v]) => {
      if (k === 'amount' && typeof v === 'object') return money(v as Record<string, unknown>);
      if (typeof v === 'string' && instantPattern.test(v)) return formatInstant(v);
      return typeof v === 'object' ? describe(v) : String(v);
    })
    .join(', ');
}

function money(amount: Record<string, unknown>): string {
  return `${(Number(amount.minor_units) / 100).toFixed(2)} ${String(amount.currency ?? '')}`;
}

export function StaffTimeline({ events }: { events: StaffEvent[] }) {
  const t = useT();
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('staff_timeline')}</h2>
      <ol class="timeline">
        {events.map((event) => (
          <li key={event.seq}>
            <p class="timeline-head">
              <strong>{wordsFor(`staff_event_${event.type}`, event.type)}</strong>{' '}
              <time dateTime={event.at}>{formatInstant(event.at)}</time>{' '}
              <abbr class="initials" title={event.actor.name}>{event.actor.initials}</abbr>
              <span class="visually-hidden"> ({event.actor.name})</span>
            </p>
            {eventDetails(event).length > 0 && (
              <dl class="event-details">
                {eventDetails(event).map(([name, text]) => (
                  <div key={name}>
                    <dt>{wordsFor(`staff_field_${name}`, name)}</dt>
                    <dd>{text}</dd>
                  </div>
                ))}
              </dl>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
