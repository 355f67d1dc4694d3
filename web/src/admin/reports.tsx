// The reports page (#/staff/reports): for a year or chosen dates, and the kinds and channels of
// contact chosen, performance against every standard, the contacts, how long they waited, how
// complaints ended, remedies, satisfaction, preventive actions, suggestions and the period month
// by month. From GET /api/v1/reports/performance; the same figures and the complaints register
// as CSV and XLSX downloads (report-downloads.tsx).
import { useState } from 'preact/hooks';
import { formatInstant, useT } from '../i18n';
import { useDepartments, type Department } from '../staff/departments';
import { ReportDownloads } from './report-downloads';
import { ReportForm } from './report-form';
import { ContactFigures } from './report-contacts';
import { OutcomeFigures, RemedyFigures } from './report-outcomes';
import { PreventionFigures, SatisfactionFigures, SuggestionsFigures } from './report-feedback';
import { channelWord, kindWord } from './report-format';
import { MonthTable } from './report-months';
import { ReportSection } from './report-parts';
import { reportUrl, thisYear, type ReportAsk } from './report-query';
import { ExtensionFigures, TimingFigures } from './report-timing';
import type { PerformanceReport } from './report-types';
import { StandardsPerformance } from './standards-performance';
import { useApi } from './use-api';
import './admin.css';

export function ReportsPage() {
  const t = useT();
  const [ask, setAsk] = useState<ReportAsk>(thisYear);
  const report = useApi<PerformanceReport>(reportUrl(ask));
  const departments = useDepartments(); // asked once, not again with each report
  function asked(next: ReportAsk) {
    if (reportUrl(next) === reportUrl(ask)) report.reload();
    else setAsk(next);
  }
  const error = report.loading ? null : report.error;
  return (
    <section aria-labelledby="report-title" class="admin reports">
      <h1 id="report-title" tabIndex={-1}>
        {t('report_title')}
      </h1>
      <p>{t('report_intro')}</p>
      <ReportForm initial={ask} error={error} onAsk={asked} />
      <p role="status" class="saved">
        {report.loading ? t('loading') : ''}
      </p>
      {report.data && !report.loading && !error && <ReportFigures report={report.data} departments={departments} />}
      {report.data && !report.loading && !error && <ReportDownloads ask={ask} />}
    </section>
  );
}

function ReportFigures({ report, departments }: { report: PerformanceReport; departments: Department[] }) {
  const t = useT();
  const total = report.total;
  // `until` is not included: the period's last day is the one before it.
  const until = new Date(report.until).getTime();
  const lastDay = Number.isNaN(until) ? report.until : new Date(until - 1).toISOString();
  const only = [...report.filter.kind.map((k) => kindWord(t, k)), ...report.filter.channel.map((c) => channelWord(t, c))];
  return (
    <>
      <p class="report-period">
        {t('report_period', {
          from: formatInstant(report.from, false),
          until: formatInstant(lastDay, false),
          at: formatInstant(report.at),
        })}
        {only.length > 0 && ` ${t('report_only', { what: only.join(', ') })}`}
      </p>
      <ReportSection id="report-standards" title={t('report_standards')}>
        <StandardsPerformance id="report-standards" standards={total.standards} />
      </ReportSection>
      <ContactFigures figures={total} departments={departments} />
      <TimingFigures figures={total} />
      <OutcomeFigures figures={total} />
      <ExtensionFigures figures={total} />
      <RemedyFigures figures={total} />
      <SatisfactionFigures figures={total} />
      <PreventionFigures figures={total} />
      <SuggestionsFigures figures={total} />
      <MonthTable months={report.months} standards={total.standards} />
    </>
  );
}
