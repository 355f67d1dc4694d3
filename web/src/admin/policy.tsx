// The policy (#/staff/admin/policy): the active version's text, installing a new version (a
// policy that does not parse is refused whole, and every problem is listed by line) and the
// history of versions.
import { useState } from 'preact/hooks';
import { ApiError, call } from '../api';
import { formatInstant, useT } from '../i18n';
import { ErrorSummary, Field } from '../ui/form';
import { formatDate } from './format-date';
import { DataTable } from './data-table';
import { asApiError, useApi } from './use-api';

interface PolicyVersion {
  version: string;
  installed_at: string;
  active: boolean;
  name?: string;
  review_date?: string | null;
  text?: string;
}

// "12: unknown key" → { line: 12, reason: "unknown key" }; a problem without a line keeps it all.
export function lineProblem(problem: string): { line: number | null; reason: string } {
  const match = /^(\d+):\s*(.*)$/s.exec(problem);
  return match ? { line: Number(match[1]), reason: match[2] } : { line: null, reason: problem };
}

export function PolicyAdmin() {
  const t = useT();
  const active = useApi<PolicyVersion>('/api/v1/policy');
  const versions = useApi<{ versions: PolicyVersion[] }>('/api/v1/policy/versions');
  const reload = () => {
    active.reload();
    versions.reload();
  };
  return (
    <>
      <h2 id="policy-active">{t('policy_active')}</h2>
      <ErrorSummary error={active.error} />
      {active.data && (
        <>
          <dl class="facts">
            <dt>{t('policy_name')}</dt>
            <dd>{active.data.name}</dd>
            <dt>{t('policy_version')}</dt>
            <dd>
              <code>{active.data.version}</code>
            </dd>
            <dt>{t('policy_installed')}</dt>
            <dd>{formatInstant(active.data.installed_at)}</dd>
            <dt>{t('policy_review_date')}</dt>
            <dd>{formatDate(active.data.review_date) || t('policy_no_review')}</dd>
          </dl>
          <details>
            <summary>{t('policy_show_text')}</summary>
            <pre class="policy-text" tabIndex={0} aria-label={t('policy_text_of_active')}>
              {active.data.text}
            </pre>
          </details>
        </>
      )}
      <PolicyUpload onInstalled={reload} />
      <h2 id="policy-versions">{t('policy_versions')}</h2>
      <ErrorSummary error={versions.error} />
      {versions.data && (
        <DataTable
          labelledBy="policy-versions"
          columns={[
            t('policy_version'),
            t('policy_name'),
            t('policy_installed'),
            t('policy_state'),
          ]}
        >
          {versions.data.versions.map((v) => (
            <tr key={v.version}>
              <th scope="row">
                <code>{v.version}</code>
              </th>
              <td>{v.name}</td>
              <td>{formatInstant(v.installed_at)}</td>
              <td>{v.active ? t('policy_in_force') : t('policy_superseded')}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}

function PolicyUpload({ onInstalled }: { onInstalled: () => void }) {
  const t = useT();
  const [text, setText] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [installed, setInstalled] = useState('');
  const [busy, setBusy] = useState(false);

  async function chooseFile(event: Event) {
    const file = (event.currentTarget as HTMLInputElement).files?.[0];
    if (file) setText(await file.text());
  }

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setInstalled('');
    try {
      const done = await call<PolicyVersion>('/api/v1/policy', { method: 'POST', body: { text } });
      setInstalled(t('policy_installed_now', { version: done.version }));
      setText('');
      onInstalled();
    } catch (e) {
      // The server's own words: "text" is a field of other forms too, with their own messages.
      const failure = asApiError(e);
      setError(new ApiError(failure.status, failure.message, undefined, failure.problems));
    } finally {
      setBusy(false);
    }
  }

  const problems = error?.problems.map(lineProblem) ?? [];
  return (
    <form onSubmit={submit} noValidate aria-labelledby="policy-upload">
      <h2 id="policy-upload">{t('policy_upload')}</h2>
      {error && problems.length === 0 && <ErrorSummary error={error} />}
      {problems.length > 0 && (
        <div class="error-summary" role="alert" tabIndex={-1} ref={(el) => el?.focus()}>
          <h3>{t('policy_problems', { count: problems.length })}</h3>
          <ol class="problems">
            {problems.map((p, index) => (
              <li key={index}>
                {p.line !== null && <strong>{t('policy_line', { line: p.line })}: </strong>}
                {p.reason}
              </li>
            ))}
          </ol>
        </div>
      )}
      <p role="status" class="saved">
        {installed}
      </p>
      <div class="field">
        <label for="policy-file">
          {t('policy_file')} <span class="field-need">({t('optional')})</span>
        </label>
        <input id="policy-file" type="file" accept=".toml,text/plain" onChange={chooseFile} />
      </div>
      <Field
        id="policy-new-text"
        label={t('policy_new_text')}
        required
        hint={t('policy_new_text_hint')}
        error={problems.length > 0 ? t('policy_problems', { count: problems.length }) : undefined}
      >
        {(describedBy) => (
          <textarea
            id="policy-new-text"
            rows={14}
            spellcheck={false}
            class="policy-text"
            value={text}
            aria-describedby={describedBy}
            aria-invalid={problems.length > 0 || undefined}
            onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
          />
        )}
      </Field>
      <button type="submit" disabled={busy}>
        {busy ? t('sending') : t('policy_install')}
      </button>
    </form>
  );
}
