// How long contacts waited: the time to acknowledge and to reply (median, 90th percentile and
// the fastest and slowest, in working hours and in working days), and the deadlines extended,
// with the reasons given.
import { useT } from '../i18n';
import type { MessageKey } from '../i18n/en';
import { DataTable } from './data-table';
import { formatNumber, given } from './report-format';
import { CountTable, FiguresTable, ReportSection } from './report-parts';
import type { PeriodFigures, Spread } from './report-types';

export function TimingFigures({ figures }: { figures: PeriodFigures }) {
  const t = useT();
  const rows: [MessageKey, Spread][] = [
    ['report_ack_hours', figures.acknowledge.working_hours],
    ['report_ack_days', figures.acknowledge.working_days],
    ['report_reply_hours', figures.reply.working_hours],
    ['report_reply_days', figures.reply.working_days],
  ];
  const figure = (value: number | null) => formatNumber(t, value);
  return (
    <ReportSection id="report-timing" title={t('report_timing')}>
      <DataTable labelledBy="report-timing-table" caption={t('report_timing_table')}
        columns={[t('report_col_measure'), t('report_col_counted'), t('report_col_median'), t('report_col_p90'),
          t('report_col_range')]}>
        {rows.map(([what, spread]) => (
          <tr key={what}>
            <th scope="row">{t(what)}</th>
            <td>{spread.count}</td>
            <td>{figure(spread.median)}</td>
            <td>{figure(spread.p90)}</td>
            <td>
              {spread.count === 0
                ? figure(null)
                : t('report_range', { min: figure(spread.min), max: figure(spread.max) })}
            </td>
          </tr>
        ))}
      </DataTable>
    </ReportSection>
  );
}

export function ExtensionFigures({ figures }: { figures: PeriodFigures }) {
  const t = useT();
  return (
    <ReportSection id="report-extensions" title={t('report_extensions')}>
      <FiguresTable id="report-extension-cases" caption={t('report_extensions_table')}
        rows={[[t('report_extension_cases'), figures.extensions.cases]]} />
      <CountTable id="report-extension-reasons" caption={t('report_extension_reasons')}
        keyHeading={t('report_col_reason')} countHeading={t('report_col_times')}
        counts={figures.extensions.reasons} words={(key) => given(t, key)} />
    </ReportSection>
  );
}
