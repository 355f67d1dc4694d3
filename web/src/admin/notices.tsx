// Service notices (#/staff/notices), for managers and admins: announce a problem that affects the
// service — shown on every portal page while in force, and written at once to the customers with
// an open case in the service when asked — and end it once it is over.
import { useState } from 'preact/hooks';
import { ApiError, call } from '../api';
import { formatInstant, useT } from '../i18n';
import type { PortalNotice } from '../portal/notices-banner';
import { useActivePolicy } from '../staff/active-policy';
import { ErrorSummary, Field, TextArea, TextInput, fieldError, scopedError } from '../ui/form';
import { DataTable } from './data-table';
import { useApi } from './use-api';

// A notice as staff see it: as the portal does, and whether it is in force now.
export interface ServiceNotice extends PortalNotice {
  in_force: boolean;
}

// In force, ended (or ended before it began), or yet to begin.
function stateOf(notice: ServiceNotice, now: Date): 'notice_in_force' | 'notice_ended' | 'notice_scheduled' {
  if (notice.in_force) return 'notice_in_force';
  const ends = notice.ends_at ? new Date(notice.ends_at) : null;
  if (ends && (ends <= now || ends <= new Date(notice.starts_at))) return 'notice_ended';
  return 'notice_scheduled';
}

export function NoticesPage() {
  const t = useT();
  const notices = useApi<{ notices: ServiceNotice[] }>('/api/v1/notices?limit=100');
  const [said, setSaid] = useState('');
  const [error, setError] = useState<ApiError | null>(null);

  async function end(notice: ServiceNotice) {
    setError(null);
    try {
      await call(`/api/v1/notices/${notice.id}`, { method: 'PUT', body: {} });
      setSaid(t('notice_ended_done', { title: notice.title }));
      notices.reload();
    } catch (e) {
      setError(scopedError(e, 'notice'));
    }
  }

  const now = new Date();
  return (
    <section aria-labelledby="notices-title" class="admin notices">
      <h1 id="notices-title" tabIndex={-1}>{t('nav_notices')}</h1>
      <p>{t('notices_intro')}</p>
      <p role="status" class="saved">{said}</p>
      <NewNotice onPublished={(message) => { setSaid(message); notices.reload(); }} />
      <h2 id="notice-list">{t('notice_list')}</h2>
      <ErrorSummary error={error ?? notices.error} />
      {notices.data?.notices.length === 0 && <p>{t('notices_none')}</p>}
      {notices.data && notices.data.notices.length > 0 && (
        <DataTable labelledBy="notice-list"
          columns={[t('notice_col_title'), t('notice_col_service'), t('notice_col_from'), t('notice_col_until'),
            t('notice_col_state'), t('tmpl_col_action')]}>
          {notices.data.notices.map((n) => {
            const state = stateOf(n, now);
            return (
              <tr key={n.id}>
                <th scope="row">
                  {n.title}
                  <div class="hint pre">{n.text}</div>
                </th>
                <td>{n.service || t('notice_all_services')}</td>
                <td>{formatInstant(n.starts_at)}</td>
                <td>{n.ends_at ? formatInstant(n.ends_at) : t('notice_until_ended')}</td>
                <td><span class={`badge ${state}`}>{t(state)}</span></td>
                <td>
                  {state !== 'notice_ended' && (
                    <button type="button" class="secondary" aria-label={t('notice_end_named', { title: n.title })}
                      onClick={() => void end(n)}>
                      {t('notice_end')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </section>
  );
}

function NewNotice({ onPublished }: { onPublished: (message: string) => void }) {
  const t = useT();
  const policy = useActivePolicy();
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [service, setService] = useState('');
  const [notify, setNotify] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function publish(event: Event) {
    event.preventDefault();
    setError(null);
    try {
      const body = { title: title.trim(), text: text.trim(), service, notify };
      const made = await call<ServiceNotice & { notified: number }>('/api/v1/notices', { method: 'POST', body });
      onPublished(notify
        ? t('notice_published_notified', { title: made.title, count: made.notified })
        : t('notice_published', { title: made.title }));
      setTitle('');
      setText('');
      setNotify(false);
    } catch (e) {
      setError(scopedError(e, 'notice'));
    }
  }

  return (
    <form onSubmit={publish} noValidate aria-labelledby="notice-new">
      <h2 id="notice-new">{t('notice_new')}</h2>
      <ErrorSummary error={error} />
      <TextInput id="notice-title" label={t('notice_title')} required value={title} onValue={setTitle}
        error={fieldError(error, 'notice.title')} />
      <TextArea id="notice-text" label={t('notice_text')} required rows={4} value={text} onValue={setText}
        error={fieldError(error, 'notice.text')} />
      <Field id="notice-service" label={t('notice_service')} error={fieldError(error, 'notice.service')}>
        {(describedBy) => (
          <select id="notice-service" value={service} aria-describedby={describedBy}
            onChange={(e) => setService((e.currentTarget as HTMLSelectElement).value)}>
            <option value="">{t('notice_all_services')}</option>
            {(policy?.services ?? []).map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        )}
      </Field>
      <label class="check">
        <input type="checkbox" id="notice-notify" checked={notify}
          onChange={(e) => setNotify((e.currentTarget as HTMLInputElement).checked)} />
        {t('notice_notify')}
      </label>
      <button type="submit">{t('notice_publish')}</button>
    </form>
  );
}
