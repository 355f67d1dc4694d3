// What has happened on a case, as the customer may see it: newest last, each with its date in
// the organisation's time zone and what was said.
import { formatInstant, useT } from '../i18n';
import type { MessageKey } from '../i18n/en';

export interface CustomerEvent {
  seq: number;
  type: string;
  at: string;
  actor: { name: string; initials: string };
  payload: Record<string, unknown>;
}

const knownEvents = new Set([
  'received', 'acknowledged', 'note', 'replied', 'holding_sent', 'extended', 'escalated',
  'decided', 'resolved', 'closed', 'reopened', 'referred', 'redirected', 'reclassified',
  'survey_answered',
]);

// The words of an event worth showing: what was said, never internal fields.
function said(event: CustomerEvent): string {
  const p = event.payload;
  if (typeof p.score === 'number') return [`${p.score} / 5`, p.comment].filter(Boolean).join(' — ');
  for (const key of ['text', 'summary', 'body', 'reason', 'comment']) {
    if (typeof p[key] === 'string' && p[key]) return p[key] as string;
  }
  return '';
}

export function Timeline({ events }: { events: CustomerEvent[] }) {
  const t = useT();
  return (
    <section aria-labelledby="history-title">
      <h3 id="history-title">{t('history')}</h3>
      <ol class="timeline">
        {events.map((event) => (
          <li key={event.seq}>
            <p class="timeline-head">
              <strong>
                {t((knownEvents.has(event.type) ? `event_${event.type}` : 'event_other') as MessageKey)}
              </strong>{' '}
              <time dateTime={event.at}>{formatInstant(event.at)}</time>
            </p>
            {said(event) && <p class="timeline-text">{said(event)}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
