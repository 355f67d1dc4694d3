// Staff sign-in: email and password; the answer sets the session cookie and the CSRF token.
import { useState } from 'preact/hooks';
import { ApiError } from '../api';
import { useT } from '../i18n';
import { ErrorSummary, Field, fieldError } from '../ui/form';
import type { Me } from './page-registry';
import { signIn } from './session';

export function SignInPage({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const t = useT();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const me = await signIn(email.trim(), password);
      if (me) onSignedIn(me);
      else setError(new ApiError(403, t('staff_sign_in_not_staff')));
    } catch (e) {
      const failure = e as ApiError;
      setError(failure.status === 401 ? new ApiError(401, t('staff_sign_in_wrong')) : failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="sign-in-title" class="narrow">
      <h1 id="sign-in-title" tabIndex={-1}>{t('staff_sign_in_title')}</h1>
      <ErrorSummary error={error} />
      <form onSubmit={submit} noValidate>
        <Field id="email" label={t('staff_email')} required error={fieldError(error, 'email')}>
          {(d) => (
            <input id="email" type="email" autocomplete="username" required value={email}
              aria-describedby={d} onInput={(e) => setEmail((e.target as HTMLInputElement).value)} />
          )}
        </Field>
        <Field id="password" label={t('staff_password')} required error={fieldError(error, 'password')}>
          {(d) => (
            <input id="password" type="password" autocomplete="current-password" required
              value={password} aria-describedby={d}
              onInput={(e) => setPassword((e.target as HTMLInputElement).value)} />
          )}
        </Field>
        <button type="submit" disabled={busy}>{t('staff_sign_in')}</button>
      </form>
    </section>
  );
}
