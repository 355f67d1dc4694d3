// A contact from the portal, with or without a name: any kind, then the reference, the tracking
// code and the dates the customer can expect.
import { useState } from 'preact/hooks';
import { ApiError, call } from '../api';
import { language, useT } from '../i18n';
import type { MessageKey } from '../i18n/en';
import { href } from '../route';
import { ErrorSummary, Field, TextArea, fieldError } from '../ui/form';
import { DeadlineList, type CustomerDeadline } from './deadlines';
import { rememberSecret } from './secrets';
import { FilePicker, attachFiles } from './attachments';

export const kinds = [
  'complaint',
  'question',
  'comment',
  'compliment',
  'service_request',
  'suggestion',
  'adjustment_request',
] as const;

interface Submitted {
  reference: string;
  tracking_secret: string;
  deadlines: CustomerDeadline[];
}

export function SubmitPage() {
  const t = useT();
  const [kind, setKind] = useState<string>('complaint');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Submitted | null>(null);
  const [files, setFiles] = useState<File[]>([]);

  async function send(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const customer = anonymous ? undefined : { name, email, phone, language: language() };
    try {
      const submitted = await call<Submitted>('/api/v1/portal/contacts', {
        method: 'POST',
        body: { kind, subject, body, anonymous, customer },
      });
      rememberSecret(submitted.reference, submitted.tracking_secret);
      try {
        await attachFiles(submitted.reference, submitted.tracking_secret, files);
      } finally {
        setDone(submitted); // the contact is on file even if a file was refused
      }
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    return (
      <section aria-labelledby="submitted-title">
        <h1 id="submitted-title" tabIndex={-1} ref={(h) => h?.focus()}>
          {t('submitted_title', { kind: t(`noun_${kind}` as MessageKey) })}
        </h1>
        <p>{t('submitted_reference', { reference: done.reference })}</p>
        <p>
          {t('submitted_secret', { secret: '' })}
          <code class="secret">{done.tracking_secret}</code>
        </p>
        <h2>{t('submitted_expect')}</h2>
        <DeadlineList deadlines={done.deadlines} />
        <p>
          <a class="button" href={href('track', done.reference)}>
            {t('track_it')}
          </a>
        </p>
      </section>
    );
  }

  return (
    <form onSubmit={send} noValidate aria-labelledby="submit-title">
      <h1 id="submit-title" tabIndex={-1}>
        {t('nav_submit')}
      </h1>
      <ErrorSummary error={error} />
      <Field id="kind" label={t('kind')} required>
        {(d) => (
          <select id="kind" value={kind} aria-describedby={d}
            onChange={(e) => setKind((e.target as HTMLSelectElement).value)}>
            {kinds.map((k) => (
              <option key={k} value={k}>{t(`kind_${k}` as MessageKey)}</option>
            ))}
          </select>
        )}
      </Field>
      <Field id="subject" label={t('subject')} required error={fieldError(error, 'subject')}>
        {(d) => (
          <input id="subject" required maxLength={500} value={subject} aria-describedby={d}
            aria-invalid={!!fieldError(error, 'subject')}
            onInput={(e) => setSubject((e.target as HTMLInputElement).value)} />
        )}
      </Field>
      <TextArea id="body" label={t('body')} rows={8} value={body} onValue={setBody}
        error={fieldError(error, 'body')} />
      <FilePicker id="files" onChange={setFiles} />
      <div class="check">
        <input id="anonymous" type="checkbox" checked={anonymous}
          onChange={(e) => setAnonymous((e.target as HTMLInputElement).checked)} />
        <label for="anonymous">{t('anonymous')}</label>
      </div>
      {!anonymous && (
        <fieldset>
          <legend>{t('contact_details')}</legend>
          <p class="hint">{t('contact_details_hint')}</p>
          <Field id="name" label={t('your_name')} error={fieldError(error, 'customer', 'customer.name')}>
            {(d) => (
              <input id="name" autocomplete="name" value={name} aria-describedby={d}
                onInput={(e) => setName((e.target as HTMLInputElement).value)} />
            )}
          </Field>
          <Field id="email" label={t('your_email')} error={fieldError(error, 'customer.email')}>
            {(d) => (
              <input id="email" type="email" autocomplete="email" value={email} aria-describedby={d}
                onInput={(e) => setEmail((e.target as HTMLInputElement).value)} />
            )}
          </Field>
          <Field id="phone" label={t('your_phone')} error={fieldError(error, 'customer.phone')}>
            {(d) => (
              <input id="phone" type="tel" autocomplete="tel" value={phone} aria-describedby={d}
                onInput={(e) => setPhone((e.target as HTMLInputElement).value)} />
            )}
          </Field>
        </fieldset>
      )}
      <button type="submit" disabled={busy}>
        {busy ? t('sending') : t('submit')}
      </button>
    </form>
  );
}
