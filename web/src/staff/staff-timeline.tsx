// A case's history as staff see it: every event, oldest first, with its date and time in the
// organisation's zone, who recorded it (initials, name for screen readers) and what it says.
import { formatInstant, useT } from '../i18n';
import type { StaffEvent } from './staff-case';
import { wordsFor } from './words';

const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

// The words for a value of an enumerated field ("upheld" → "Upheld"), by the field's name.
const valuePrefixes: Record<string, string> = {
  outcome: 'staff_outcome_', decision: 'staff_decision_', new_kind: 'kind_', stage: 'staff_stage_',
  type: 'staff_remedy_',
};

function words(name: string, value: string): string {
  if (instantPattern.test(value)) return formatInstant(value);
  const prefix = valuePrefixes[name];
  return prefix ? wordsFor(prefix + value, value) : value;
}

// The payload's fields worth reading, as [field name, text] pairs: empty ones left out.
export function eventDetails(event: StaffEvent): [string, string][] {
  const details: [string, string][] = [];
  for (const [name, value] of Object.entries(event.payload)) {
    const empty = value === null || value === '' || value === false;
    if (empty || (Array.isArray(value) && value.length === 0)) continue;
    if (event.type === 'received' && ['kind', 'channel', 'anonymous', 'subject'].includes(name)) continue;
    if (typeof value === 'string') details.push([name, words(name, value)]);
    else if (typeof value === 'number' || value === true) details.push([name, String(value)]);
    else if (Array.isArray(value)) details.push([name, value.map(describe).join('; ')]);
    else details.push([name, describe(value)]);
  }
  return details;
}

// An object of a payload (a remedy, a preventive action, a point's outcome, a person) in words.
function describe(value: unknown): string {
  if (typeof value !== 'object' || value === null) return String(value);
  const record = value as Record<string, unknown>;
  if (typeof record.name === 'string') return record.name;
  const parts = Object.entries(record)
    .filter(([, v]) => v !== null && v !== '' && v !== undefined)
    .map(([k, v]) => {
      if (k === 'amount' && typeof v === 'object') return money(v as Record<string, unknown>);
      return typeof v === 'object' ? describe(v) : words(k, String(v));
    });
  return parts.length > 1 ? `${parts[0]}: ${parts.slice(1).join(', ')}` : parts.join('');
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
