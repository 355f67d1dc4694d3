// "How did we do?" (#/feedback): the standing satisfaction survey, about nothing in particular and
// open to anyone — a rating from 1 to 5 and, if they like, a comment.
import { useState } from 'preact/hooks';
import { ApiError, call } from '../api';
import { language, useT } from '../i18n';
import type { MessageKey } from '../i18n/en';
import { ErrorSummary, TextArea, fieldError } from '../ui/form';

export const ratings = [1, 2, 3, 4, 5] as const;

export function FeedbackPage() {
  const t = useT();
  const [rating, setRating] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [thanks, setThanks] = useState(false);

  async function send(event: Event) {
    event.preventDefault();
    setError(null);
    setThanks(false);
    try {
      const body: Record<string, unknown> = { comment, language: language() };
      if (rating !== null) body.rating = rating;
      await call('/api/v1/portal/satisfaction', { method: 'POST', body });
      setThanks(true);
      setRating(null);
      setComment('');
    } catch (e) {
      setError(e as ApiError);
    }
  }

  const ratingError = fieldError(error, 'rating');
  return (
    <section aria-labelledby="feedback-title">
      <h1 id="feedback-title" tabIndex={-1}>
        {t('nav_feedback')}
      </h1>
      <p>{t('feedback_intro')}</p>
      {thanks && <p role="status" class="thanks">{t('feedback_thanks')}</p>}
      <form onSubmit={send} noValidate>
        <ErrorSummary error={error} />
        <fieldset aria-describedby={ratingError ? 'rating-error' : undefined}
          class={ratingError ? 'field-error' : undefined}>
          <legend>
            {t('feedback_rating')} <span class="field-need">({t('required')})</span>
          </legend>
          {ratingError && (
            <p id="rating-error" class="error-text">
              <span aria-hidden="true">⚠ </span>
              {ratingError}
            </p>
          )}
          <div class="ratings">
            {ratings.map((n) => (
              <label key={n} class="score">
                <input type="radio" name="rating" value={n} checked={rating === n} onChange={() => setRating(n)} />
                {t(`feedback_rating_${n}` as MessageKey)}
              </label>
            ))}
          </div>
        </fieldset>
        <TextArea id="feedback-comment" label={t('feedback_comment')} hint={t('feedback_comment_hint')} rows={5}
          value={comment} onValue={setComment} error={fieldError(error, 'comment')} />
        <button type="submit">{t('feedback_submit')}</button>
      </form>
    </section>
  );
}
