// What a customer may do on their case: add information while it is open, rate the handling
// once it is resolved (once), and ask for a review of a resolved complaint.
import { useState } from 'preact/hooks';
import { ApiError, call } from '../api';
import { useT } from '../i18n';
import { ErrorSummary, TextArea } from '../ui/form';
import type { PortalCase } from './track';
import { FilePicker, attachFiles } from './attachments';

interface Props {
  shown: PortalCase;
  secret: string;
  onChanged: () => void;
}

export function CaseActions({ shown, secret, onChanged }: Props) {
  const t = useT();
  const [error, setError] = useState<ApiError | null>(null);
  const [note, setNote] = useState('');
  const [score, setScore] = useState('');
  const [comment, setComment] = useState('');
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState('');
  const [files, setFiles] = useState<File[]>([]);

  async function record(event: Record<string, unknown>) {
    setError(null);
    setMessage('');
    try {
      await call(`/api/v1/portal/cases/${encodeURIComponent(shown.reference)}/events`, {
        method: 'POST',
        body: event,
        headers: secret ? { 'x-tracking-secret': secret } : {},
      });
      if (event.type === 'note' && files.length) await attachFiles(shown.reference, secret, files);
      setMessage(t('saved'));
      onChanged();
    } catch (e) {
      setError(e as ApiError);
    }
  }

  const resolved = shown.status === 'resolved' || shown.status === 'closed';
  const rated = shown.events.some((e) => e.type === 'survey_answered');
  return (
    <div class="case-actions">
      <ErrorSummary error={error} />
      <p role="status" class="saved">{message}</p>
      {shown.status !== 'closed' && (
        <form onSubmit={(e) => { e.preventDefault(); void record({ type: 'note', text: note }).then(() => setNote('')); }}>
          <h3>{t('add_information')}</h3>
          <TextArea id="note" label={t('add_information')} required value={note} onValue={setNote} />
          <FilePicker id="note-files" onChange={setFiles} />
          <button type="submit">{t('add')}</button>
        </form>
      )}
      {resolved && !rated && (
        <form onSubmit={(e) => { e.preventDefault(); void record({ type: 'survey_answered', score: Number(score), comment }); }}>
          <h3>{t('rate_title')}</h3>
          <fieldset>
            <legend>{t('rate_score')}</legend>
            <div class="scores">
              {[1, 2, 3, 4, 5].map((n) => (
                <label key={n} class="score">
                  <input type="radio" name="score" value={n} checked={score === String(n)}
                    onChange={() => setScore(String(n))} />
                  {n}
                </label>
              ))}
            </div>
          </fieldset>
          <TextArea id="comment" label={t('rate_comment')} rows={3} value={comment} onValue={setComment} />
          <button type="submit">{t('rate_submit')}</button>
        </form>
      )}
      {resolved && shown.kind === 'complaint' && shown.stage !== 'stage2' && (
        <form onSubmit={(e) => { e.preventDefault(); void record({ type: 'escalated', reason }); }}>
          <h3>{t('review_title')}</h3>
          <TextArea id="reason" label={t('review_reason')} required rows={3} value={reason} onValue={setReason} />
          <button type="submit">{t('review_submit')}</button>
        </form>
      )}
    </div>
  );
}
