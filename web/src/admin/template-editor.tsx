// One message template's editor: its subject and text, the variables it may use (and those it
// must), and a live preview with sample values — the email as HTML in a sandboxed frame, and the
// plain text that plain-text emails, letters and calls use. Save checks it on the server (a
// template that would not render, or leaves out what its kind must say, is refused with the
// reason); "go back" removes the edit.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, call } from '../api';
import { useT } from '../i18n';
import { ErrorSummary, TextArea, TextInput, fieldError, scopedError } from '../ui/form';
import {
  type Preview,
  type TemplateEntry,
  type TemplateVariable,
  templateName,
  templatePath,
} from './template-types';

interface Props {
  entry: TemplateEntry;
  variables: TemplateVariable[];
  onChanged: (entry: TemplateEntry, said: string) => void;
  onClose: () => void;
}

// How long typing must pause before the preview is asked for again.
export const previewDelayMs = 300;

// The preview of the draft, asked for again a moment after each change; the latest answer wins.
function usePreview(entry: TemplateEntry, subject: string, text: string, plain: boolean, large: boolean) {
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const asked = useRef(0);
  useEffect(() => {
    const number = ++asked.current;
    const timer = setTimeout(() => {
      const body = { kind: entry.kind, language: entry.language, subject, text, plain_text: plain, large_print: large };
      call<Preview>('/api/v1/templates/preview', { method: 'POST', body }).then(
        (answer) => number === asked.current && (setPreview(answer), setError(null)),
        (e: unknown) => number === asked.current && setError(scopedError(e, 'template')),
      );
    }, previewDelayMs);
    return () => clearTimeout(timer);
  }, [entry.kind, entry.language, subject, text, plain, large]);
  return { preview, error };
}

export function TemplateEditor({ entry, variables, onChanged, onClose }: Props) {
  const t = useT();
  const name = templateName(t, entry);
  const [subject, setSubject] = useState(entry.subject);
  const [text, setText] = useState(entry.text);
  const [plain, setPlain] = useState(false);
  const [large, setLarge] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const { preview, error: previewError } = usePreview(entry, subject, text, plain, large);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const meaning = (variable: string) => variables.find((v) => v.name === variable)?.meaning ?? '';

  async function save(event: Event) {
    event.preventDefault();
    setError(null);
    try {
      const saved = await call<TemplateEntry>(templatePath(entry), { method: 'PUT', body: { subject, text } });
      onChanged(saved, t('tmpl_saved', { name }));
    } catch (e) {
      setError(scopedError(e, 'template'));
    }
  }

  async function reset() {
    setError(null);
    try {
      const shipped = await call<TemplateEntry>(templatePath(entry), { method: 'DELETE' });
      setSubject(shipped.subject);
      setText(shipped.text);
      onChanged(shipped, t('tmpl_reset_done', { name }));
    } catch (e) {
      setError(scopedError(e, 'template'));
    }
  }

  return (
    <section class="template-editor" aria-labelledby="tmpl-editor-title">
      <h2 id="tmpl-editor-title" tabIndex={-1} ref={heading}>
        {t('tmpl_editor_title', { name })}
      </h2>
      <div class="editor-columns">
        <form onSubmit={save} noValidate>
          <ErrorSummary error={error} />
          <TextInput id="tmpl-subject" label={t('tmpl_subject')} required value={subject} onValue={setSubject}
            error={fieldError(error, 'template.subject')} />
          <div class="template-text">
            <TextArea id="tmpl-text" label={t('tmpl_text')} required rows={18} value={text} onValue={setText}
              hint={t('tmpl_text_hint', { example: '{{reference}}' })} error={fieldError(error, 'template.text')} />
          </div>
          <h3 id="tmpl-variables">{t('tmpl_variables')}</h3>
          <dl class="variables" aria-labelledby="tmpl-variables">
            {entry.variables.map((variable) => (
              <div key={variable}>
                <dt>
                  <code>{`{{${variable}}}`}</code>
                  {entry.required.includes(variable) && <span class="badge">{t('tmpl_required')}</span>}
                </dt>
                <dd>{meaning(variable)}</dd>
              </div>
            ))}
          </dl>
          <div class="actions">
            <button type="submit">{t('tmpl_save')}</button>
            {entry.edited && (
              <button type="button" class="secondary" onClick={() => void reset()}>
                {t('tmpl_reset')}
              </button>
            )}
            <button type="button" class="secondary" onClick={onClose}>
              {t('tmpl_close')}
            </button>
          </div>
        </form>
        <PreviewPane name={name} preview={preview} error={previewError} plain={plain} large={large}
          onPlain={setPlain} onLarge={setLarge} />
      </div>
    </section>
  );
}

interface PaneProps {
  name: string;
  preview: Preview | null;
  error: ApiError | null;
  plain: boolean;
  large: boolean;
  onPlain: (on: boolean) => void;
  onLarge: (on: boolean) => void;
}

function PreviewPane({ name, preview, error, plain, large, onPlain, onLarge }: PaneProps) {
  const t = useT();
  return (
    <section class="template-preview" aria-labelledby="tmpl-preview-title">
      <h3 id="tmpl-preview-title">{t('tmpl_preview')}</h3>
      <p class="hint">{t('tmpl_preview_hint')}</p>
      <label class="check">
        <input type="checkbox" checked={plain} onChange={(e) => onPlain((e.currentTarget as HTMLInputElement).checked)} />
        {t('tmpl_plain_text')}
      </label>
      <label class="check">
        <input type="checkbox" checked={large} onChange={(e) => onLarge((e.currentTarget as HTMLInputElement).checked)} />
        {t('tmpl_large_print')}
      </label>
      {error && (
        <p class="error-text">
          <span aria-hidden="true">⚠ </span>
          {error.message}
        </p>
      )}
      {preview && !error && (
        <>
          {preview.problems.length > 0 && (
            <>
              <h4 id="tmpl-live-problems">{t('tmpl_live_problems')}</h4>
              <ul class="problems" aria-labelledby="tmpl-live-problems">
                {preview.problems.map((p, i) => <li key={i}>{p.message}</li>)}
              </ul>
            </>
          )}
          <p class="preview-subject">{t('tmpl_preview_subject', { subject: preview.subject })}</p>
          <h4>{t('tmpl_preview_email')}</h4>
          {preview.html ? (
            <iframe class="preview-frame" sandbox="" srcdoc={preview.html} title={t('tmpl_preview_frame', { name })} />
          ) : (
            <p>{t('tmpl_preview_none')}</p>
          )}
          <h4>{t('tmpl_preview_text')}</h4>
          <pre class="preview-text">{preview.text}</pre>
        </>
      )}
    </section>
  );
}
