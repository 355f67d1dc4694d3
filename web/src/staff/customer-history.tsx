// The customer's other cases, newest first: what they have raised before (and how it ended)
// is part of dealing with them well.
import { useEffect, useState } from 'preact/hooks';
import { call } from '../api';
import { formatInstant, useT } from '../i18n';
import type { MessageKey } from '../i18n/en';
import { href } from '../route';

interface CaseLine {
  reference: string;
  kind: string;
  status: string;
  subject: string;
  received_at: string;
}

export function CustomerHistory({ customerId, current }: { customerId: number; current: string }) {
  const t = useT();
  const [cases, setCases] = useState<CaseLine[] | null>(null);
  useEffect(() => {
    call<{ cases: CaseLine[] }>(`/api/v1/cases?customer_id=${customerId}&limit=20`).then(
      (answer) => setCases(answer.cases.filter((c) => c.reference !== current)),
      () => setCases([]),
    );
  }, [customerId, current]);
  if (cases === null) return null;
  return (
    <>
      <h3>{t('staff_customer_history')}</h3>
      {cases.length === 0 ? (
        <p>{t('staff_customer_history_none')}</p>
      ) : (
        <ul class="plain">
          {cases.map((c) => (
            <li key={c.reference}>
              <a href={href('staff', 'case', c.reference)}>{c.reference}: {c.subject}</a>{' '}
              <span class="hint">
                ({t(`kind_${c.kind}` as MessageKey)}, {t(`status_${c.status}` as MessageKey)},{' '}
                {formatInstant(c.received_at, false)})
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
