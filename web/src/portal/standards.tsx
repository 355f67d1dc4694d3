// Our standards, how to complain and where to go next, as the active policy publishes them. The
// HTML comes from the organisation's Markdown rendered by the server in safe mode (no raw HTML,
// no script links).
import { language, languages, useT, type Language } from '../i18n';
import { usePublished } from './published';

function languageName(code: string): string {
  return languages[code as Language] ?? code;
}

export function StandardsPage() {
  const t = useT();
  const published = usePublished();
  return (
    <section aria-labelledby="standards-title">
      <h1 id="standards-title" tabIndex={-1}>
        {t('nav_standards')}
      </h1>
      {!published && <p role="status">{t('loading')}</p>}
      {published && (
        <>
          <p>{t('standards_intro', { organisation: published.organisation })}</p>
          {published.language !== language() && (
            <p class="hint">{t('standards_only_in', { language: languageName(published.language) })}</p>
          )}
          <div class="published" lang={published.language}
            dangerouslySetInnerHTML={{ __html: published.standards_html }} />
          <div class="published" lang={published.language}
            dangerouslySetInnerHTML={{ __html: published.how_to_complain_html }} />
          <div class="published" lang={published.language}
            dangerouslySetInnerHTML={{ __html: published.escalation_html }} />
        </>
      )}
    </section>
  );
}
