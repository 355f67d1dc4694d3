// Form parts that carry their own accessibility: every input has a visible label tied to it,
// an error is announced and linked with aria-describedby, and a required field says so in
// words (not by colour or an asterisk alone).
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { translate, useT } from '../i18n';
import { en, type MessageKey } from '../i18n/en';
import { ApiError } from '../api';

interface FieldProps {
  id: string;
  label: string;
  required?: boolean;
  error?: string;
  hint?: string;
  children: (describedBy: string | undefined) => ComponentChildren;
}

export function Field({ id, label, required, error, hint, children }: FieldProps) {
  const t = useT();
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={id}>
        {label} <span class="field-need">({required ? t('required') : t('optional')})</span>
      </label>
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} class="error-text">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
      {children(described || undefined)}
    </div>
  );
}

// The API's error at the top of a form, focused so that it is read out; the field it names
// (if any) shows the message again beside the input. Focused once for each error: the form
// re-rendering as the reader mends a field must not take the focus from that field.
export function ErrorSummary({ error }: { error: ApiError | null }) {
  const t = useT();
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => summary.current?.focus(), [error]);
  if (!error) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} ref={summary}>
      <h2>{t('error_title')}</h2>
      <p>{errorMessage(error)}</p>
      {error.problems.length > 0 && (
        <ul>
          {error.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

// The message for field `name` when the API's error names it ("customer.email" matches
// "customer.email" and "email").
export function fieldError(error: ApiError | null, ...names: string[]): string | undefined {
  if (!error?.field) return undefined;
  return names.includes(error.field) ? errorMessage(error) : undefined;
}

// The API's error `e` with its field put under `scope` ("text" → "notice.text"): for a form whose
// fields share a name with another form's, so that it shows the server's words for them rather
// than the other form's translated hint.
export function scopedError(e: unknown, scope: string): ApiError {
  if (!(e instanceof ApiError)) return new ApiError(0, String(e));
  return new ApiError(e.status, e.message, e.field ? `${scope}.${e.field}` : undefined, e.problems);
}

// The error in the reader's language when the field it names has a translated message
// ("field_error_subject"), else as the server said it.
export function errorMessage(error: ApiError): string {
  const key = `field_error_${(error.field ?? '').replace(/\./g, '_')}`;
  return key in en ? translate(key as MessageKey) : error.message;
}

interface TextAreaProps {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  rows?: number;
  required?: boolean;
  error?: string;
  hint?: string;
}

// A labelled multi-line text field (see Field).
export function TextArea({ id, label, value, onValue, rows = 4, required, error, hint }: TextAreaProps) {
  return (
    <Field id={id} label={label} required={required} error={error} hint={hint}>
      {(described) => (
        <textarea id={id} rows={rows} value={value} aria-describedby={described}
          aria-invalid={error ? true : undefined}
          onInput={(e) => onValue((e.target as HTMLTextAreaElement).value)} />
      )}
    </Field>
  );
}

interface TextInputProps {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  required?: boolean;
  error?: string;
  hint?: string;
}

// A labelled one-line text field (see Field).
export function TextInput({ id, label, value, onValue, required, error, hint }: TextInputProps) {
  return (
    <Field id={id} label={label} required={required} error={error} hint={hint}>
      {(described) => (
        <input id={id} value={value} aria-describedby={described} aria-invalid={error ? true : undefined}
          onInput={(e) => onValue((e.target as HTMLInputElement).value)} />
      )}
    </Field>
  );
}
