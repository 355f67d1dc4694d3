// Logging a contact that came by phone, post, fax or in person (POST /api/v1/contacts): when
// it was received (deadlines run from then) is asked separately from when it is logged (now);
// a call or visit can be acknowledged there and then ("acknowledged verbally").
import { useState } from 'preact/hooks';
import { ApiError, call } from '../api';
import { formatInstant, language, useT } from '../i18n';
import type { MessageKey } from '../i18n/en';
import { kinds } from '../portal/submit';
import { navigate } from '../route';
import { ErrorSummary, Field, fieldError, TextArea } from '../ui/form';
import { instantOf } from './action-specs';
import { useDepartments } from './departments';
import { Suggestions, useActivePolicy } from './active-policy';

export const staffChannels = ['phone', 'post', 'fax', 'in_person'] as const;

// "now" as a datetime-local value in the reader's clock.
function localNow(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
}

export function contactBody(v: Record<string, string>, verbal: boolean) {
  const customer = v.name || v.email || v.phone
    ? { name: v.name || undefined, email: v.email || undefined, phone: v.phone || undefined, language: v.language }
    : undefined;
  const points = v.points.split('\n').map((p) => p.trim()).filter(Boolean);
  return {
    kind: v.kind,
    channel: v.channel,
    received_at: v.received_at ? instantOf(v.received_at) : undefined,
    subject: v.subject.trim(),
    body: v.body.trim() || undefined,
    customer,
    department_id: v.department_id ? Number(v.department_id) : undefined,
    service: v.service.trim() || undefined,
    nature: v.nature.trim() || undefined,
    points: points.length ? points : undefined,
    acknowledged_verbally: (v.channel === 'phone' || v.channel === 'in_person') && verbal ? true : undefined,
  };
}

export function NewContactPage() {
  const t = useT();
  const policy = useActivePolicy();
  const [values, setValues] = useState<Record<string, string>>(() => ({
    kind: 'complaint', channel: 'phone', received_at: localNow(), subject: '', body: '', name: '',
    email: '', phone: '', language: language(), department_id: '', service: '', nature: '', points: '',
  }));
  const [verbal, setVerbal] = useState(false);
  const departments = useDepartments();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (name: string) => (e: Event) => setValues((v) => ({ ...v, [name]: (e.target as HTMLInputElement).value }));
  const spoken = values.channel === 'phone' || values.channel === 'in_person';

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = contactBody(values, verbal);
      const created = await call<{ reference: string }>('/api/v1/contacts', { method: 'POST', body });
      navigate('staff', 'case', created.reference);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  }

  const text = (name: string, label: MessageKey, required = false, type = 'text', errorNames: string[] = [],
    hint?: string, list?: string) => (
    <Field id={`contact-${name}`} label={t(label)} required={required} hint={hint}
      error={fieldError(error, name, ...errorNames)}>
      {(d) => (
        <input id={`contact-${name}`} type={type} value={values[name]} aria-describedby={d} list={list}
          onInput={set(name)} />
      )}
    </Field>
  );
  const textArea = (name: string, label: MessageKey, rows: number, hint?: string) => (
    <TextArea id={`contact-${name}`} label={t(label)} hint={hint} rows={rows} value={values[name]}
      error={fieldError(error, name)} onValue={(value) => setValues((v) => ({ ...v, [name]: value }))} />
  );
  const select = (name: string, label: MessageKey, options: readonly string[], word: (o: string) => string,
    required = true) => (
    <Field id={`contact-${name}`} label={t(label)} required={required} error={fieldError(error, name)}>
      {(d) => (
        <select id={`contact-${name}`} value={values[name]} aria-describedby={d} onChange={set(name)}>
          {options.map((o) => <option key={o} value={o}>{word(o)}</option>)}
        </select>
      )}
    </Field>
  );

  return (
    <section aria-labelledby="new-title">
      <h1 id="new-title" tabIndex={-1}>{t('staff_new_title')}</h1>
      <ErrorSummary error={error} />
      <form onSubmit={submit} noValidate>
        {select('channel', 'staff_channel', staffChannels, (c) => t(`staff_channel_${c}` as MessageKey))}
        {select('kind', 'staff_contact_kind', kinds, (k) => t(`kind_${k}` as MessageKey))}
        {text('received_at', 'staff_received_at', true, 'datetime-local', [], t('staff_received_hint'))}
        <p class="hint logged-now">{t('staff_logged_now', { now: formatInstant(new Date().toISOString()) })}</p>
        {text('subject', 'subject', true)}
        {textArea('body', 'staff_contact_body', 5)}
        {textArea('points', 'staff_contact_points', 3, t('staff_contact_points_hint'))}
        <fieldset>
          <legend>{t('staff_customer')}</legend>
          {text('name', 'staff_customer_name', false, 'text', ['customer', 'customer.name'])}
          {text('email', 'staff_customer_email', false, 'email', ['customer.email'])}
          {text('phone', 'staff_customer_phone', false, 'tel', ['customer.phone'])}
          {select('language', 'staff_customer_language', ['en', 'es'], (l) => (l === 'en' ? 'English' : 'Español'))}
        </fieldset>
        {select('department_id', 'staff_filter_department', ['', ...departments.map((d) => String(d.id))],
          (id) => departments.find((d) => String(d.id) === id)?.name ?? t('staff_not_routed'), false)}
        {text('service', 'staff_service', false, 'text', [], undefined, 'policy-services')}
        {text('nature', 'staff_nature', false, 'text', [], undefined, 'policy-natures')}
        <Suggestions id="policy-services" options={policy?.services ?? []} />
        <Suggestions id="policy-natures" options={policy?.natures ?? []} />
        {spoken && (
          <div class="check">
            <input id="contact-verbal" type="checkbox" checked={verbal}
              onChange={(e) => setVerbal((e.target as HTMLInputElement).checked)} />
            <label for="contact-verbal">{t('staff_acknowledged_verbally')}</label>
          </div>
        )}
        <button type="submit" disabled={busy}>{t('staff_log_contact')}</button>
      </form>
    </section>
  );
}
