// The period month by month: contacts, complaints, the share met of each standard row (in the
// order of the whole period's), the median reply in working hours, escalations and satisfaction
// responses. One row a month; the table scrolls sideways in its own box on a narrow screen.
import { useT } from '../i18n';
import { DataTable } from './data-table';
import { formatMonth } from './format-date';
import { formatNumber, formatShare, standardKey, standardLabel } from './report-format';
import { ReportSection } from './report-parts';
import type { MonthFigures, StandardResult } from './report-types';

export function MonthTable({ months, standards }: { months: MonthFigures[]; standards: StandardResult[] }) {
  const t = useT();
  const shareOf = (month: MonthFigures, row: StandardResult) =>
    formatShare(t, month.standards.find((s) => standardKey(s) === standardKey(row))?.share_met ?? null);
  return (
    <ReportSection id="report-months" title={t('report_months')}>
      <DataTable labelledBy="report-months-table" caption={t('report_months_table')}
        columns={[
          t('report_col_month'),
          t('report_col_contacts'),
          t('report_complaints'),
          ...standards.map((row) => t('report_col_share_of', { standard: standardLabel(t, row) })),
          t('report_col_median_reply'),
          t('report_escalated'),
          t('report_col_responses'),
        ]}>
        {months.map((month) => (
          <tr key={month.month}>
            <th scope="row">{formatMonth(month.month)}</th>
            <td>{month.contacts}</td>
            <td>{month.complaints}</td>
            {standards.map((row) => <td key={standardKey(row)}>{shareOf(month, row)}</td>)}
            <td>{formatNumber(t, month.reply.working_hours.median)}</td>
            <td>{month.escalation.escalated}</td>
            <td>{month.satisfaction.responses}</td>
          </tr>
        ))}
      </DataTable>
    </ReportSection>
  );
}
