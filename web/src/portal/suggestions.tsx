// "You said, we did": the suggestions the organisation has answered and published, and a form to
// make one (with or without a name).
import { useEffect, useState } from 'preact/hooks';
import { ApiError, call } from '../api';
import { formatInstant, language, useT } from '../i18n';
import type { MessageKey } from '../i18n/en';
import { ErrorSummary, Field, TextArea, fieldError } from '../ui/form';

interface PublishedSuggestion {
  id: number;
  text: string;
  status: string;
  response: string;
  received_on: string;
}

export function SuggestionsPage() {
  const t = useT();
  const [published, setPublished] = useState<PublishedSuggestion[] | null>(null);
  const [text, setText] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [thanks, setThanks] = useState(false);

  useEffect(() => {
    call<{ suggestions: PublishedSuggestion[] }>('/api/v1/portal/suggestions?limit=100').then(
      (answer) => setPublished(answer.suggestions),
      (e) => setError(e as ApiError),
    );
  }, []);

  async function send(event: Event) {
    event.preventDefault();
    setError(null);
    const customer = name || email ? { name, email, language: language() } : undefined;
    try {
      await call('/api/v1/portal/suggestions', { method: 'POST', body: { text, customer } });
      setThanks(true);
      setText('');
    } catch (e) {
      setError(e as ApiError);
    }
  }

  return (
    <section aria-labelledby="suggestions-title">
      <h1 id="suggestions-title" tabIndex={-1}>
        {t('nav_suggestions')}
      </h1>
      <p>{t('suggestions_intro')}</p>
      {published === null && !error && <p role="status">{t('loading')}</p>}
      {published?.length === 0 && <p>{t('suggestions_none')}</p>}
      {published && published.length > 0 && (
        <ul class="said-did">
          {published.map((s) => (
            <li key={s.id}>
              <p>
                <strong>{t('you_said')}</strong> {s.text}
              </p>
              <p>
                <strong>{t('we_did')}</strong> {s.response}{' '}
                <span class="badge">{t(`suggestion_${s.status}` as MessageKey)}</span>
              </p>
              <p class="hint">{formatInstant(s.received_on, false)}</p>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={send} noValidate>
        <h2>{t('suggest_title')}</h2>
        <ErrorSummary error={error} />
        {thanks && <p role="status">{t('suggest_thanks')}</p>}
        <TextArea id="suggestion" label={t('suggest_text')} required rows={5} value={text}
          onValue={setText} error={fieldError(error, 'text')} />
        <Field id="suggest-name" label={t('your_name')} hint={t('suggest_name_hint')}>
          {(d) => (
            <input id="suggest-name" autocomplete="name" value={name} aria-describedby={d}
              onInput={(e) => setName((e.target as HTMLInputElement).value)} />
          )}
        </Field>
        <Field id="suggest-email" label={t('your_email')} error={fieldError(error, 'customer.email')}>
          {(d) => (
            <input id="suggest-email" type="email" autocomplete="email" value={email}
              aria-describedby={d} onInput={(e) => setEmail((e.target as HTMLInputElement).value)} />
          )}
        </Field>
        <button type="submit">{t('submit')}</button>
      </form>
    </section>
  );
}
