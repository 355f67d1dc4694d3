// Performance against each standard (a row for each tier of a tiered one): a chart of the share
// met in time, out of 100 %, and a table with the target, the share met, how many deadlines are
// settled and pending, and the verdict in words ("Target met", "Target missed", "Nothing settled
// yet"). Shared by the reports page and the dashboard's panel.
import { useT } from '../i18n';
import { BarChart } from './bar-chart';
import { DataTable } from './data-table';
import {
  formatShare,
  standardKey,
  standardLabel,
  targetWords,
  verdictOf,
} from './report-format';
import type { StandardResult } from './report-types';

export function StandardsPerformance({ id, standards }: { id: string; standards: StandardResult[] }) {
  const t = useT();
  if (standards.length === 0) return <p>{t('report_standards_none')}</p>;
  const settled = standards.filter((row) => row.share_met !== null);
  return (
    <>
      {settled.length > 0 && (
        <BarChart
          id={`${id}-chart`}
          title={t('report_standards_chart')}
          description={t('report_standards_chart_desc')}
          series={[{ key: 'share', label: t('report_chart_unit'), heading: t('report_col_share_met_percent') }]}
          rows={settled.map((row) => ({
            label: standardLabel(t, row),
            values: { share: Math.round((row.share_met ?? 0) * 100) },
          }))}
          max={100}
        />
      )}
      <StandardsTable id={`${id}-table`} standards={standards} />
    </>
  );
}

function StandardsTable({ id, standards }: { id: string; standards: StandardResult[] }) {
  const t = useT();
  return (
    <DataTable
      labelledBy={id}
      caption={t('report_standards_table')}
      columns={[
        t('report_col_standard'),
        t('report_col_target'),
        t('report_col_share_met'),
        t('report_col_settled'),
        t('report_col_pending'),
        t('report_col_verdict'),
      ]}
    >
      {standards.map((row) => {
        const verdict = verdictOf(row);
        return (
          <tr key={standardKey(row)} class={`standard-${verdict}`}>
            <th scope="row">{standardLabel(t, row)}</th>
            <td>{targetWords(t, row)}</td>
            <td class="share">{formatShare(t, row.share_met)}</td>
            <td>
              {row.met + row.breached}
              <span class="hint-inline"> {t('report_settled_split', { met: row.met, breached: row.breached })}</span>
            </td>
            <td>{row.pending}</td>
            <td>
              <span class={`badge verdict verdict-${verdict}`}>{t(`report_verdict_${verdict}`)}</span>
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
