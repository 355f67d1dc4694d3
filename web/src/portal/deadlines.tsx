// The dates a customer can expect: each deadline as "what we do: by when", with its state in
// words (never by colour alone).
import { formatInstant, useT } from '../i18n';
import type { MessageKey } from '../i18n/en';

export interface CustomerDeadline {
  standard: string;
  event: string;
  due: string | null;
  status: string;
}

export function DeadlineList({ deadlines }: { deadlines: CustomerDeadline[] }) {
  const t = useT();
  const shown = deadlines.filter((d) => d.due && d.status !== 'not_applicable');
  if (shown.length === 0) return null;
  return (
    <ul class="deadlines">
      {shown.map((d) => (
        <li key={d.standard + d.event} class={`deadline deadline-${d.status}`}>
          {t('deadline_due', {
            what: t(`milestone_${d.event}` as MessageKey) ?? d.event,
            due: formatInstant(d.due),
          })}{' '}
          <span class="badge">{t(`deadline_status_${d.status}` as MessageKey)}</span>
        </li>
      ))}
    </ul>
  );
}
