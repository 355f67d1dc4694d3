// Files on a case, as the customer sees them: choose files to send with a contact or a note, and
// list and download the files of the case.
import { useEffect, useState } from 'preact/hooks';
import { download, upload, call } from '../api';
import { useT } from '../i18n';

export const acceptedTypes = [
  'application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp', 'text/plain',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text', 'application/vnd.oasis.opendocument.spreadsheet',
].join(',');

// The tracking code as a header, or none for a signed-in customer.
export function secretHeader(secret: string): Record<string, string> {
  return secret ? { 'x-tracking-secret': secret } : {};
}

export interface Attachment {
  sha256: string;
  filename: string;
  content_type: string;
  size: number;
  event_seq: number;
}

// Sends `files` to the case, each to the caller's newest event (what they have just sent).
export async function attachFiles(reference: string, secret: string, files: File[]) {
  for (const file of files) {
    await upload<Attachment>(
      `/api/v1/portal/cases/${encodeURIComponent(reference)}/attachments?filename=${encodeURIComponent(file.name)}`,
      file,
      secretHeader(secret),
    );
  }
}

export function FilePicker({ id, onChange }: { id: string; onChange: (files: File[]) => void }) {
  const t = useT();
  return (
    <div class="field">
      <label for={id}>
        {t('attach_files')} <span class="field-need">({t('optional')})</span>
      </label>
      <p id={`${id}-hint`} class="hint">{t('attach_hint')}</p>
      <input id={id} type="file" multiple accept={acceptedTypes} aria-describedby={`${id}-hint`}
        onChange={(e) => onChange([...((e.target as HTMLInputElement).files ?? [])])} />
    </div>
  );
}

function size(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1048576).toFixed(1)} MB`;
}

export function AttachmentList({ reference, secret, version }: { reference: string; secret: string; version: number }) {
  const t = useT();
  const [files, setFiles] = useState<Attachment[]>([]);
  const base = `/api/v1/portal/cases/${encodeURIComponent(reference)}/attachments`;
  useEffect(() => {
    call<{ attachments: Attachment[] }>(base, { headers: secretHeader(secret) }).then(
      (answer) => setFiles(answer.attachments),
      () => setFiles([]),
    );
  }, [reference, secret, version]);
  if (files.length === 0) return null;
  return (
    <section aria-labelledby="files-title">
      <h3 id="files-title">{t('files')}</h3>
      <ul class="files">
        {files.map((f) => (
          <li key={f.sha256 + f.filename}>
            <button type="button" class="link"
              onClick={() => download(`${base}/${f.sha256}`, f.filename, secretHeader(secret))}>
              {t('download_file', { name: f.filename })}
            </button>{' '}
            <span class="hint">({size(f.size)})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
