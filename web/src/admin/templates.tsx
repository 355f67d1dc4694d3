// Message templates (#/staff/admin/templates): every kind in each of the policy's languages,
// whether an admin edited it and how many problems it has; the problems of the set in force; and
// the editor of the one chosen.
import { useState } from 'preact/hooks';
import { useT } from '../i18n';
import { ErrorSummary } from '../ui/form';
import { DataTable } from './data-table';
import { TemplateEditor } from './template-editor';
import { type TemplateEntry, type TemplateListing, languageWord, templateName } from './template-types';
import { kindWord } from '../staff/outbox-message';
import { useApi } from './use-api';

export function Templates() {
  const t = useT();
  const listing = useApi<TemplateListing>('/api/v1/templates');
  const [editing, setEditing] = useState<TemplateEntry | null>(null);
  const [message, setMessage] = useState('');
  const problemsOf = (entry: TemplateEntry) =>
    listing.data?.problems.filter((p) => p.kind === entry.kind && p.language === entry.language) ?? [];

  function changed(entry: TemplateEntry, said: string) {
    setMessage(said);
    setEditing(entry);
    listing.reload();
  }

  return (
    <>
      <p>{t('tmpl_intro')}</p>
      <p role="status" class="saved">
        {message}
      </p>
      <ErrorSummary error={listing.error} />
      {listing.data && (
        <>
          <h2 id="tmpl-problems">{t('tmpl_problems_title')}</h2>
          {listing.data.problems.length === 0 ? (
            <p>{t('tmpl_no_problems')}</p>
          ) : (
            <ul class="problems" aria-labelledby="tmpl-problems">
              {listing.data.problems.map((p, i) => (
                <li key={i}>
                  <strong>{templateName(t, p)}</strong>: {p.message}
                </li>
              ))}
            </ul>
          )}
          <h2 id="tmpl-list">{t('tmpl_list')}</h2>
          <DataTable
            labelledBy="tmpl-list"
            columns={[t('tmpl_col_message'), t('tmpl_col_language'), t('tmpl_col_state'), t('tmpl_col_action')]}
          >
            {listing.data.templates.map((entry) => {
              const problems = problemsOf(entry).length;
              return (
                <tr key={`${entry.kind}/${entry.language}`}>
                  <th scope="row">{kindWord(t, entry.kind)}</th>
                  <td>{languageWord(t, entry.language)}</td>
                  <td>
                    <span class={entry.edited ? 'badge badge-edited' : 'badge'}>
                      {entry.edited ? t('tmpl_edited') : t('tmpl_shipped')}
                    </span>{' '}
                    {problems > 0 && (
                      <span class="badge badge-breached">{t('tmpl_problem_count', { count: problems })}</span>
                    )}
                  </td>
                  <td>
                    <button
                      type="button"
                      class="secondary"
                      aria-label={t('tmpl_edit_named', { name: templateName(t, entry) })}
                      onClick={() => {
                        setMessage('');
                        setEditing(entry);
                      }}
                    >
                      {t('tmpl_edit')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </DataTable>
          {editing && (
            <TemplateEditor
              key={`${editing.kind}/${editing.language}`}
              entry={editing}
              variables={listing.data.variables}
              onChanged={changed}
              onClose={() => setEditing(null)}
            />
          )}
        </>
      )}
    </>
  );
}
