// The dashboard's panel of performance against our standards this year (GET
// /api/v1/reports/performance with the server's default period), as the reports page shows it,
// with a link to the full report.
import { useT } from '../i18n';
import { href } from '../route';
import { errorMessage } from '../ui/form';
import { reportPath } from './report-query';
import type { PerformanceReport } from './report-types';
import { StandardsPerformance } from './standards-performance';
import { useApi } from './use-api';

export function StandardsPanel() {
  const t = useT();
  const { data, error } = useApi<PerformanceReport>(reportPath);
  return (
    <section aria-labelledby="dash-standards-title">
      <h2 id="dash-standards-title">{t('report_panel_title')}</h2>
      {error && (
        <p role="alert" class="error-text">
          {t('report_failed', { message: errorMessage(error) })}
        </p>
      )}
      {!data && !error && <p role="status">{t('loading')}</p>}
      {data && <StandardsPerformance id="dash-standards" standards={data.total.standards} />}
      <p>
        <a href={href('staff', 'reports')}>{t('report_panel_link')}</a>
      </p>
    </section>
  );
}
