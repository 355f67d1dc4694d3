// The outbox (#/staff/admin/outbox): every message caredesk sends, newest first, filtered by
// status and by how it is sent; a failure shows the error that stopped it. An admin sends a
// failed or cancelled message again, or cancels one still waiting.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, call } from '../api';
import { formatInstant, useT } from '../i18n';
import { href } from '../route';
import {
  type OutboxMessage,
  type OutboxPage,
  deliveries,
  deliveryWord,
  kindWord,
  outboxStatuses,
  recipientLine,
  statusWord,
} from '../staff/outbox-message';
import { ErrorSummary } from '../ui/form';
import { DataTable } from './data-table';
import { asApiError } from './use-api';

function query(status: string, delivery: string, cursor: string | null): string {
  const parameters = new URLSearchParams();
  if (status) parameters.set('status', status);
  if (delivery) parameters.set('delivery', delivery);
  if (cursor) parameters.set('cursor', cursor);
  const text = parameters.toString();
  return '/api/v1/outbox' + (text ? `?${text}` : '');
}

export function Outbox() {
  const t = useT();
  const [status, setStatus] = useState('failed');
  const [delivery, setDelivery] = useState('');
  const [shown, setShown] = useState({ status: 'failed', delivery: '' });
  const [messages, setMessages] = useState<OutboxMessage[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [said, setSaid] = useState('');

  async function load(cursor: string | null) {
    setError(null);
    try {
      const page = await call<OutboxPage>(query(shown.status, shown.delivery, cursor));
      setMessages((before) => (cursor && before ? [...before, ...page.messages] : page.messages));
      setNext(page.next_cursor);
    } catch (e) {
      setError(asApiError(e));
    }
  }
  useEffect(() => void load(null), [shown]);

  async function act(message: OutboxMessage, action: 'retry' | 'cancel') {
    setError(null);
    try {
      const changed = await call<OutboxMessage>(`/api/v1/outbox/${message.id}/${action}`, { method: 'POST' });
      setMessages((before) => before?.map((m) => (m.id === changed.id ? changed : m)) ?? null);
      setSaid(t(action === 'retry' ? 'outbox_retried' : 'outbox_cancelled_done', { subject: message.subject }));
    } catch (e) {
      setError(asApiError(e));
    }
  }

  return (
    <>
      <p>{t('outbox_intro')}</p>
      <form
        class="inline-form outbox-filters"
        aria-label={t('outbox_filters')}
        onSubmit={(e) => {
          e.preventDefault();
          setSaid('');
          setShown({ status, delivery });
        }}
      >
        <Choice id="outbox-status" label={t('outbox_status')} value={status} onValue={setStatus}
          options={outboxStatuses.map((s) => [s, statusWord(t, s)])} />
        <Choice id="outbox-delivery" label={t('outbox_delivery')} value={delivery} onValue={setDelivery}
          options={deliveries.map((d) => [d, deliveryWord(t, d)])} />
        <button type="submit">{t('outbox_show')}</button>
      </form>
      <p role="status" class="saved">{said}</p>
      <ErrorSummary error={error} />
      <h2 id="outbox-list">{t('outbox_list')}</h2>
      {messages?.length === 0 && <p>{t('outbox_none')}</p>}
      {messages && messages.length > 0 && (
        <DataTable
          labelledBy="outbox-list"
          columns={[t('outbox_col_written'), t('outbox_col_to'), t('outbox_col_subject'), t('outbox_col_case'),
            t('outbox_col_delivery'), t('outbox_col_status'), t('outbox_col_actions')]}
        >
          {messages.map((m) => (
            <tr key={m.id}>
              <td>{formatInstant(m.created_at)}</td>
              <td>{recipientLine(m)}</td>
              <th scope="row">
                {m.subject}
                <span class="hint-inline"> ({kindWord(t, m.kind)})</span>
              </th>
              <td>{m.reference ? <a href={href('staff', 'case', m.reference)}>{m.reference}</a> : t('outbox_no_case')}</td>
              <td>{deliveryWord(t, m.delivery)}</td>
              <td>
                <span class={`badge outbox-${m.status}`}>{statusWord(t, m.status)}</span>
                <div class="hint">{t('outbox_attempts', { count: m.attempts })}</div>
                {m.last_error && <div class="error-text">{t('outbox_last_error', { error: m.last_error })}</div>}
              </td>
              <td>
                {(m.status === 'failed' || m.status === 'cancelled') && (
                  <button type="button" class="secondary" aria-label={t('outbox_retry_named', { subject: m.subject })}
                    onClick={() => void act(m, 'retry')}>
                    {t('outbox_retry')}
                  </button>
                )}
                {m.status === 'pending' && (
                  <button type="button" class="secondary" aria-label={t('outbox_cancel_named', { subject: m.subject })}
                    onClick={() => void act(m, 'cancel')}>
                    {t('outbox_cancel')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {next && (
        <button type="button" class="secondary" onClick={() => void load(next)}>
          {t('outbox_more')}
        </button>
      )}
    </>
  );
}

interface ChoiceProps {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  options: [string, string][]; // value, words
}

// A filter's choice: any, or one of `options`.
function Choice({ id, label, value, onValue, options }: ChoiceProps) {
  const t = useT();
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onValue((e.currentTarget as HTMLSelectElement).value)}>
        <option value="">{t('outbox_any')}</option>
        {options.map(([option, words]) => <option key={option} value={option}>{words}</option>)}
      </select>
    </div>
  );
}
