// The customer's copy of their case file as a PDF: every entry they may see, with its date, time
// and who made it. A button that reads as a link, since the tracking code travels in a header a
// plain link cannot send.
import { useState } from 'preact/hooks';
import { download } from '../api';
import { useT } from '../i18n';
import { secretHeader } from './attachments';

export function CaseFileLink({ reference, secret }: { reference: string; secret: string }) {
  const t = useT();
  const [failed, setFailed] = useState(false);
  const path = `/api/v1/portal/cases/${encodeURIComponent(reference)}/file.pdf`;
  function fetchFile() {
    download(path, `${reference}.pdf`, secretHeader(secret)).then(
      () => setFailed(false),
      () => setFailed(true),
    );
  }
  return (
    <p class="case-file">
      <button type="button" class="link" onClick={fetchFile}>
        {t('download_case_file')}
      </button>
      {failed && (
        <span role="alert" class="error">
          {' '}
          {t('download_case_file_failed')}
        </span>
      )}
    </p>
  );
}
