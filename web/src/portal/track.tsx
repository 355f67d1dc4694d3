// A customer follows a case with its reference and tracking code: status, the dates to expect,
// what has happened (replies included), the case file to download, and the three things a customer may do — add
// information, rate the handling once resolved, ask for a review.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, call } from '../api';
import { useT } from '../i18n';
import type { MessageKey } from '../i18n/en';
import { navigate } from '../route';
import { ErrorSummary, Field } from '../ui/form';
import { DeadlineList, type CustomerDeadline } from './deadlines';
import { CaseActions } from './case-actions';
import { Timeline, type CustomerEvent } from './timeline';
import { rememberedSecret, rememberSecret } from './secrets';
import { AttachmentList } from './attachments';
import { CaseFileLink } from './case-file-link';

export interface PortalCase {
  reference: string;
  kind: string;
  status: string;
  stage: string | null;
  subject: string;
  received_at: string;
  deadlines: CustomerDeadline[];
  events: CustomerEvent[];
}

export function TrackPage({ reference }: { reference?: string }) {
  const t = useT();
  const [ref, setRef] = useState(reference ?? '');
  const [secret, setSecret] = useState(reference ? rememberedSecret(reference) : '');
  const [shown, setShown] = useState<PortalCase | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [version, setVersion] = useState(0);

  // With the tracking code, or without one for a signed-in customer's own case (`quiet`: a
  // refusal then only means "ask for the code").
  async function load(r: string, s: string, quiet = false) {
    setError(null);
    try {
      const found = await call<PortalCase>(`/api/v1/portal/cases/${encodeURIComponent(r)}`, {
        headers: s ? { 'x-tracking-secret': s } : {},
      });
      if (s) rememberSecret(found.reference, s);
      setShown(found);
      setVersion((v) => v + 1);
    } catch (e) {
      const failure = e as ApiError;
      setShown(null);
      if (quiet) return;
      setError(failure.status === 404 ? new ApiError(404, t('not_found_case')) : failure);
    }
  }

  useEffect(() => {
    if (reference) void load(reference, secret, !secret);
  }, [reference]);

  function submit(event: Event) {
    event.preventDefault();
    const r = ref.trim().toUpperCase();
    if (r !== reference) navigate('track', r);
    void load(r, secret.trim());
  }

  return (
    <section aria-labelledby="track-title">
      <h1 id="track-title" tabIndex={-1}>
        {t('track_title')}
      </h1>
      <ErrorSummary error={error} />
      {!shown && (
        <form onSubmit={submit} noValidate>
          <Field id="reference" label={t('reference')} required>
            {(d) => (
              <input id="reference" required value={ref} aria-describedby={d} autocomplete="off"
                onInput={(e) => setRef((e.target as HTMLInputElement).value)} />
            )}
          </Field>
          <Field id="secret" label={t('tracking_code')} required>
            {(d) => (
              <input id="secret" required value={secret} aria-describedby={d} autocomplete="off"
                onInput={(e) => setSecret((e.target as HTMLInputElement).value)} />
            )}
          </Field>
          <button type="submit">{t('track_submit')}</button>
        </form>
      )}
      {shown && (
        <article aria-labelledby="case-subject">
          <h2 id="case-subject">
            {shown.reference}: {shown.subject}
          </h2>
          <dl class="facts">
            <dt>{t('kind')}</dt>
            <dd>{t(`kind_${shown.kind}` as MessageKey)}</dd>
            <dt>{t('case_status')}</dt>
            <dd>{t(`status_${shown.status}` as MessageKey)}</dd>
          </dl>
          <DeadlineList deadlines={shown.deadlines} />
          <Timeline events={shown.events} />
          <AttachmentList reference={shown.reference} secret={secret.trim()} version={version} />
          <CaseFileLink reference={shown.reference} secret={secret.trim()} />
          <CaseActions shown={shown} secret={secret.trim()} onChanged={() => load(shown.reference, secret.trim())} />
        </article>
      )}
    </section>
  );
}
