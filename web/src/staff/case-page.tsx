// One case for staff: what it is, every deadline, the customer, the whole history, its file to
// download and every action that can be recorded on it.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, call } from '../api';
import { formatInstant, useT } from '../i18n';
import type { MessageKey } from '../i18n/en';
import { ErrorSummary } from '../ui/form';
import { CaseActions } from './case-actions';
import { CaseDeadlines } from './case-deadlines';
import { CaseOutbox } from './case-outbox';
import { CustomerPanel } from './customer-panel';
import { loadActivePolicy } from './active-policy';
import type { Me } from './page-registry';
import type { StaffCase } from './staff-case';
import { StaffTimeline } from './staff-timeline';
import { wordsFor } from './words';

function loadStandardNames(): Promise<Record<string, string>> {
  return loadActivePolicy().then((policy) => policy.standardNames);
}

// Who the case is assigned to: the last `assigned` event names them.
function assigneeOf(shown: StaffCase): string | undefined {
  const assigned = shown.events.filter((e) => e.type === 'assigned').pop();
  const person = assigned?.payload.assignee as { name?: string; initials?: string } | undefined;
  return person?.name && `${person.name} (${person.initials})`;
}

// The case's complete file as a PDF: the full record, and the copy a customer may be given.
function CaseFileLinks({ reference }: { reference: string }) {
  const t = useT();
  const path = `/api/v1/cases/${encodeURIComponent(reference)}/file.pdf`;
  return (
    <p class="case-file">
      <a href={path} download={`${reference}.pdf`}>{t('staff_case_file')}</a>
      {' · '}
      <a href={`${path}?for=customer`} download={`${reference}-customer.pdf`}>
        {t('staff_case_file_customer')}
      </a>
    </p>
  );
}

export function CasePage({ param, me }: { param?: string; me: Me }) {
  const t = useT();
  const [shown, setShown] = useState<StaffCase | null>(null);
  const [names, setNames] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [message, setMessage] = useState('');

  useEffect(() => {
    if (!param) return;
    setShown(null);
    call<StaffCase>(`/api/v1/cases/${encodeURIComponent(param)}`).then(setShown, (e: ApiError) => setError(e));
    void loadStandardNames().then(setNames);
  }, [param]);

  // The heading was not there when the route changed (the case was loading): focus it now,
  // unless the reader has already moved on.
  const loadedReference = shown?.reference;
  useEffect(() => {
    if (loadedReference && document.activeElement === document.body) {
      document.querySelector<HTMLElement>('main h1')?.focus();
    }
  }, [loadedReference]);

  function recorded(next: StaffCase) {
    const last = next.events[next.events.length - 1];
    setShown(next);
    setMessage(t('staff_recorded', { what: wordsFor(`staff_event_${last?.type}`, last?.type ?? '') }));
  }

  if (error) return (<><h1 tabIndex={-1}>{param}</h1><ErrorSummary error={error} /></>);
  if (!shown) return <p role="status">{t('loading')}</p>;
  return (
    <article aria-labelledby="case-title" class="case-page">
      <h1 id="case-title" tabIndex={-1}>
        <span class="case-ref">{shown.reference}</span> {shown.subject}
      </h1>
      <p role="status" class="saved">{message}</p>
      <CaseFileLinks reference={shown.reference} />
      <div class="case-columns">
        <div>
          <dl class="facts">
            <dt>{t('kind')}</dt>
            <dd>{t(`kind_${shown.kind}` as MessageKey)}</dd>
            <dt>{t('staff_channel')}</dt>
            <dd>{t(`staff_channel_${shown.channel}` as MessageKey)}</dd>
            <dt>{t('case_status')}</dt>
            <dd>{t(`status_${shown.status}` as MessageKey)}</dd>
            {shown.stage && (<><dt>{t('staff_stage')}</dt><dd>{t(`staff_stage_${shown.stage}` as MessageKey)}</dd></>)}
            <dt>{t('staff_received_at')}</dt>
            <dd>{formatInstant(shown.received_at)}</dd>
            <dt>{t('staff_logged_at')}</dt>
            <dd>{formatInstant(shown.logged_at)}</dd>
            <dt>{t('staff_assignee')}</dt>
            <dd>{assigneeOf(shown) ?? t('staff_unassigned')}</dd>
            {shown.nature && (<><dt>{t('staff_nature')}</dt><dd>{shown.nature}</dd></>)}
            {shown.service && (<><dt>{t('staff_service')}</dt><dd>{shown.service}</dd></>)}
          </dl>
          <CaseDeadlines deadlines={shown.deadlines} standardNames={names} />
        </div>
        <CustomerPanel customer={shown.customer} anonymous={shown.anonymous} reference={shown.reference} />
      </div>
      <StaffTimeline events={shown.events} />
      <CaseOutbox reference={shown.reference} version={shown.events.length} />
      <CaseActions me={me} shown={shown} onRecorded={recorded} />
    </article>
  );
}
