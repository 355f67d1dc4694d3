// A customer with a portal account signs in and sees every case of theirs, newest first, each
// opening its tracking page (no tracking code needed while signed in). Portal accounts are
// made by staff (`caredesk customer password`); no account is needed to contact us.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, call, setCsrfToken } from '../api';
import { formatInstant, useT } from '../i18n';
import type { MessageKey } from '../i18n/en';
import { href } from '../route';
import { ErrorSummary, Field } from '../ui/form';

interface MyCase {
  reference: string;
  kind: string;
  status: string;
  subject: string;
  received_at: string;
}

// Whether this browser holds a customer's session: the cases, or null when not signed in.
async function myCases(): Promise<MyCase[] | null> {
  try {
    const me = await call<{ kind: string }>('/api/v1/me');
    if (me.kind !== 'customer') return null;
    return (await call<{ cases: MyCase[] }>('/api/v1/cases?limit=100')).cases;
  } catch (e) {
    if ((e as ApiError).status === 401) return null;
    throw e;
  }
}

export function AccountPage() {
  const t = useT();
  const [cases, setCases] = useState<MyCase[] | null | undefined>(undefined);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);

  const refresh = () => myCases().then(setCases, (e) => setError(e as ApiError));
  useEffect(() => void refresh(), []);

  async function signIn(event: Event) {
    event.preventDefault();
    setError(null);
    try {
      const me = await call<{ csrf_token: string }>('/api/v1/portal/sessions', {
        method: 'POST',
        body: { email, password },
      });
      setCsrfToken(me.csrf_token);
      setPassword('');
      await refresh();
    } catch (e) {
      const failure = e as ApiError;
      setError(failure.status === 401 ? new ApiError(401, t('sign_in_wrong')) : failure);
    }
  }

  async function signOut() {
    await call('/api/v1/sessions/current', { method: 'DELETE' }).catch(() => undefined);
    setCsrfToken('');
    setCases(null);
  }

  return (
    <section aria-labelledby="account-title">
      <h1 id="account-title" tabIndex={-1}>{t('account_title')}</h1>
      <ErrorSummary error={error} />
      {cases === undefined && <p role="status">{t('loading')}</p>}
      {cases === null && (
        <form onSubmit={signIn} noValidate>
          <p>{t('account_intro')}</p>
          <Field id="account-email" label={t('your_email')} required>
            {(d) => (
              <input id="account-email" type="email" autocomplete="username" value={email}
                aria-describedby={d} onInput={(e) => setEmail((e.target as HTMLInputElement).value)} />
            )}
          </Field>
          <Field id="account-password" label={t('password')} required>
            {(d) => (
              <input id="account-password" type="password" autocomplete="current-password"
                value={password} aria-describedby={d}
                onInput={(e) => setPassword((e.target as HTMLInputElement).value)} />
            )}
          </Field>
          <button type="submit">{t('sign_in')}</button>
        </form>
      )}
      {cases && (
        <>
          <p><button type="button" class="secondary" onClick={signOut}>{t('sign_out')}</button></p>
          {cases.length === 0 && <p>{t('account_no_cases')}</p>}
          <ul class="my-cases">
            {cases.map((c) => (
              <li key={c.reference}>
                <a href={href('track', c.reference)}>{c.reference}: {c.subject}</a>
                <span class="hint">
                  {' '}— {t(`kind_${c.kind}` as MessageKey)}, {t(`status_${c.status}` as MessageKey)},{' '}
                  {formatInstant(c.received_at, false)}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
