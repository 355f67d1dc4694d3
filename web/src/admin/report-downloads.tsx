// The reports page's downloads: one table of the report as CSV (the table chosen in a list), every
// table as an XLSX workbook, and the complaints register of the period as CSV or XLSX — each for
// the period and contacts asked. Plain links: the browser downloads them with the session cookie.
import { useState } from 'preact/hooks';
import { useT } from '../i18n';
import { ReportSection } from './report-parts';
import {
  registerUrl,
  reportTables,
  reportXlsxUrl,
  tableCsvUrl,
  type ReportAsk,
  type ReportTable,
} from './report-query';

export function ReportDownloads({ ask }: { ask: ReportAsk }) {
  const t = useT();
  const [table, setTable] = useState<ReportTable>('standards');
  return (
    <ReportSection id="report-downloads" title={t('report_downloads')}>
      <p>{t('report_downloads_intro')}</p>
      <div class="report-downloads">
        <label for="report-download-table">{t('report_download_table')}</label>{' '}
        <select
          id="report-download-table"
          value={table}
          onChange={(e) => setTable((e.target as HTMLSelectElement).value as ReportTable)}
        >
          {reportTables.map((name) => (
            <option key={name} value={name}>
              {t(`report_table_${name}`)}
            </option>
          ))}
        </select>{' '}
        <a class="button" href={tableCsvUrl(ask, table)} download>
          {t('report_download_csv')}
        </a>
      </div>
      <ul class="report-downloads">
        <li>
          <a href={reportXlsxUrl(ask)} download>
            {t('report_download_xlsx')}
          </a>
        </li>
        <li>
          <a href={registerUrl(ask, 'csv')} download>
            {t('report_download_register_csv')}
          </a>
        </li>
        <li>
          <a href={registerUrl(ask, 'xlsx')} download>
            {t('report_download_register_xlsx')}
          </a>
        </li>
      </ul>
      <p class="hint">{t('report_register_note')}</p>
    </ReportSection>
  );
}
