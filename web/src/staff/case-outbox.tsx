// A case's messages on its page: every email, letter and call caredesk wrote for it, newest
// first, with how it was sent and whether it has gone.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, call } from '../api';
import { formatInstant, useT } from '../i18n';
import { ErrorSummary } from '../ui/form';
import { type OutboxPage, deliveryWord, kindWord, recipientLine, statusWord } from './outbox-message';

export function CaseOutbox({ reference, version }: { reference: string; version: number }) {
  const t = useT();
  const [page, setPage] = useState<OutboxPage | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    call<OutboxPage>(`/api/v1/outbox?reference=${encodeURIComponent(reference)}&limit=100`).then(
      setPage,
      (e: ApiError) => setError(e),
    );
  }, [reference, version]);
  return (
    <section aria-labelledby="case-messages" class="case-messages">
      <h2 id="case-messages">{t('case_messages')}</h2>
      <ErrorSummary error={error} />
      {page?.messages.length === 0 && <p>{t('case_messages_none')}</p>}
      {page && page.messages.length > 0 && (
        <ul class="plain message-list">
          {page.messages.map((m) => (
            <li key={m.id}>
              <details>
                <summary>
                  {m.subject} <span class="badge">{deliveryWord(t, m.delivery)}</span>{' '}
                  <span class={`badge outbox-${m.status}`}>{statusWord(t, m.status)}</span>
                </summary>
                <p class="hint">
                  {kindWord(t, m.kind)} · {t('case_message_to', { recipient: recipientLine(m) })} ·{' '}
                  {formatInstant(m.created_at)}
                  {m.sent_at && <> · {t('case_message_sent', { when: formatInstant(m.sent_at) })}</>}
                </p>
                <p class="pre">{m.text}</p>
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
