import { setLanguage } from '../i18n';
import { fakeApi, mount } from '../test-support';
import { ReportDownloads } from './report-downloads';
import { registerUrl, reportXlsxUrl, tableCsvUrl, thisYear, type ReportAsk } from './report-query';

const dates: ReportAsk = {
  period: 'dates',
  year: '',
  from: '2026-01-01',
  lastDay: '2026-03-31',
  kinds: ['complaint'],
  channels: ['email', 'post'],
};

describe('the report downloads', () => {
  beforeEach(() => setLanguage('en'));
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('ask for the period and contacts of the report, and the register without kinds', () => {
    expect(tableCsvUrl(dates, 'by_nature')).toBe(
      '/api/v1/reports/performance.csv?from=2026-01-01&until=2026-04-01&kind=complaint&channel=email&channel=post&table=by_nature',
    );
    expect(reportXlsxUrl({ ...thisYear(), year: '2026' })).toBe('/api/v1/reports/performance.xlsx?year=2026');
    // Every row of the register is a complaint: the server refuses a kind there.
    expect(registerUrl(dates, 'csv')).toBe(
      '/api/v1/reports/register.csv?from=2026-01-01&until=2026-04-01&channel=email&channel=post',
    );
    expect(registerUrl({ ...thisYear(), year: '' }, 'xlsx')).toBe('/api/v1/reports/register.xlsx');
  });

  it('offer the chosen table as CSV, every table as a workbook and the register, as downloads', async () => {
    fakeApi(() => [404, { error: { code: 'not_found', message: 'none' } }]);
    const host = await mount(<ReportDownloads ask={{ ...thisYear(), year: '2026' }} />);
    expect(host.querySelector('h2')!.textContent).toBe('Downloads');
    const links = [...host.querySelectorAll('a')];
    expect(links.every((a) => a.hasAttribute('download'))).toBe(true);
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Download the table (CSV)', '/api/v1/reports/performance.csv?year=2026&table=standards'],
      ['Every table in one workbook (XLSX)', '/api/v1/reports/performance.xlsx?year=2026'],
      ['The complaints register (CSV)', '/api/v1/reports/register.csv?year=2026'],
      ['The complaints register (XLSX)', '/api/v1/reports/register.xlsx?year=2026'],
    ]);
    const select = host.querySelector('select')!;
    expect(host.querySelector(`label[for="${select.id}"]`)!.textContent).toBe('Table');
    expect(select.options.length).toBe(19);
    select.value = 'trends';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(host.querySelector('a')!.getAttribute('href')).toBe('/api/v1/reports/performance.csv?year=2026&table=trends');
  });

  it('speak Spanish', async () => {
    setLanguage('es');
    fakeApi(() => [404, { error: { code: 'not_found', message: 'none' } }]);
    const host = await mount(<ReportDownloads ask={thisYear()} />);
    expect(host.querySelector('h2')!.textContent).toBe('Descargas');
    expect([...host.querySelectorAll('option')].find((o) => o.value === 'by_nature')!.textContent).toBe(
      'Quejas por naturaleza',
    );
  });
});
