import { setLanguage } from '../i18n';
import { click, fakeApi, mount, submit, type } from '../test-support';
import { sampleReport } from './report-sample';
import { ReportsPage } from './reports';

const path = '/api/v1/reports/performance';

// Each body row of the table captioned `caption`, as the texts of its cells.
function rowsOf(host: HTMLElement, caption: string): string[][] {
  const table = [...host.querySelectorAll('table')].find((t) => t.caption?.textContent === caption);
  if (!table) throw new Error(`no table captioned "${caption}"`);
  return [...table.querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent!));
}

function answering(report = sampleReport) {
  return fakeApi((request) => {
    if (request.url.startsWith(path)) return [200, report];
    if (request.url === '/api/v1/departments') return [200, { departments: [{ id: 3, name: 'Certificates' }] }];
    return [404, { error: { code: 'not_found', message: 'no such thing' } }];
  });
}

describe('the reports page', () => {
  beforeEach(() => setLanguage('en'));
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it("asks for this year's report and shows how each standard was met, with its verdict in words", async () => {
    const sent = answering();
    const host = await mount(<ReportsPage />);
    expect(sent[0].url).toBe(`${path}?year=${new Date().getFullYear()}`);
    expect(host.querySelector('h1')!.textContent).toBe('Reports');
    expect(host.querySelector('.report-period')!.textContent).toMatch(
      /^From Wednesday,? 1 January 2025 to Wednesday,? 31 December 2025\. Figures as of .*23 November 2025/,
    );
    expect(rowsOf(host, 'How each standard was met')).toEqual([
      ['We acknowledge complaints within 5 working days', '100 % within 5 working days', '100 %',
        '40 (40 met, 0 late)', '2', 'Target met'],
      ['We reply fully to complaints within 10 working days', '100 % within 10 working days', '78.9 %',
        '38 (30 met, 8 late)', '4', 'Target missed'],
      ['We answer emails within 2 working days, 4 in 5 within 1 working day (tier 1)', '80 % within 1 working day',
        '72 %', '100 (72 met, 28 late)', '3', 'Target missed'],
      ['We answer emails within 2 working days, 4 in 5 within 1 working day (tier 2)', '100 % within 2 working days',
        '100 %', '100 (100 met, 0 late)', '3', 'Target met'],
      ['We acknowledge a request for a review within 5 working days', '100 % within 5 working days', 'No figure',
        '0 (0 met, 0 late)', '1', 'Nothing settled yet'],
    ]);
    // The chart: a bar for each standard row with something settled, out of 100 %.
    const chart = host.querySelector('svg[role="img"]')!;
    expect(chart.querySelector('title')!.textContent).toBe('Share met in time, by standard');
    expect([...chart.querySelectorAll('.bar-value')].map((v) => v.textContent)).toEqual(['100 %', '79 %', '72 %', '100 %']);
    const widths = [...chart.querySelectorAll('rect.bar')].map((bar) => parseFloat(bar.getAttribute('width')!));
    expect(widths[0]).toBe(78);
    expect(widths[2]).toBeCloseTo(78 * 0.72);
  });

  it('shows contacts, waiting times, outcomes, redress as money, satisfaction and the months', async () => {
    answering();
    const host = await mount(<ReportsPage />);
    const headings = [...host.querySelectorAll('h2')].map((h) => h.textContent);
    expect(headings).toEqual(['Performance against our standards', 'Contacts', 'Time to acknowledge and to reply',
      'Outcomes', 'Extensions', 'Remedies and redress', 'Customer satisfaction', 'Preventive actions',
      'Suggestions', 'Month by month', 'Downloads']);
    expect(rowsOf(host, 'Contacts in the period')[0]).toEqual(['All contacts', '180']);
    expect(rowsOf(host, 'Contacts by channel')).toEqual([['Email', '120'], ['Phone', '40'], ['In person', '20']]);
    expect(rowsOf(host, 'Contacts by service')).toEqual([['Certificates', '100'], ['Not given', '80']]);
    expect(rowsOf(host, 'Contacts by department')).toEqual([['Certificates', '120'], ['Not yet routed', '60']]);
    expect(rowsOf(host, 'Time taken from receipt')[0]).toEqual([
      'To acknowledge, in working hours', '42', '6', '20.3', '0.5 – 37',
    ]);
    expect(rowsOf(host, 'Outcomes by stage')).toEqual([
      ['Complaints: stage 1', '10', '6', '20', '0', '0', '36'],
      ['Complaints: stage 2 (review)', '0', '0', '3', '0', '0', '3'],
    ]);
    expect(rowsOf(host, 'Escalation')[2]).toEqual(['Escalation rate', '8.3 %']);
    expect(rowsOf(host, 'Reasons given for extensions')).toEqual([['Waiting for the printer', '3'], ['Not given', '2']]);
    expect(rowsOf(host, 'Remedies given')).toEqual([['Apology', '14'], ['Financial redress', '4']]);
    expect(rowsOf(host, 'Financial redress')).toEqual([['GBP', '£1,234.50', '3'], ['EUR', '€50.00', '1']]);
    expect(rowsOf(host, 'The satisfaction survey')).toEqual([
      ['Customers asked', '40'], ['Responses', '10'], ['Response rate', '25 %'], ['Mean score', '3.9 out of 5'],
    ]);
    expect(rowsOf(host, 'Responses by score').map((row) => row[1])).toEqual(['1', '0', '2', '3', '4']);
    expect([...host.querySelectorAll('.report-comments li')].map((li) => li.textContent)).toEqual([
      'Quick and kind.', 'The letter never came.',
    ]);
    expect(host.textContent).toContain('The latest 2 of 3 comments.');
    expect(rowsOf(host, 'Preventive actions and how they stand')[1]).toEqual(['Overdue', '1']);
    expect(rowsOf(host, 'Suggestions and how they stand')[2]).toEqual(['Adopted', '6']);
    expect(rowsOf(host, 'The period month by month')).toEqual([
      ['January 2025', '20', '5', '100 %', '75 %', '70 %', '100 %', 'No figure', 'No figure', '1', '10'],
      ['February 2025', '15', '4', '100 %', '80 %', '75 %', '100 %', 'No figure', 'No figure', '1', '10'],
      ['March 2025', '0', '0', 'No figure', 'No figure', 'No figure', 'No figure', 'No figure', 'No figure', '1', '10'],
    ]);
  });

  it('asks for the year and the kinds and channels ticked, then for two dates, the last one counted in full', async () => {
    const sent = answering();
    const host = await mount(<ReportsPage />);
    const year = host.querySelector<HTMLInputElement>('#report-year')!;
    expect(year.labels?.[0]?.textContent).toContain('Year');
    await type(year, '2025');
    await click(host.querySelector<HTMLInputElement>('input[name="report-kinds"][value="complaint"]')!);
    await submit(host.querySelector('form')!);
    expect(sent.at(-1)!.url).toBe(`${path}?year=2025&kind=complaint`);

    await click(host.querySelector<HTMLInputElement>('input[name="report-period"][value="dates"]')!);
    expect(host.querySelector('#report-year')).toBeNull();
    await type(host.querySelector<HTMLInputElement>('#report-from')!, '2025-04-01');
    await type(host.querySelector<HTMLInputElement>('#report-last-day')!, '2025-06-30');
    await click(host.querySelector<HTMLInputElement>('input[name="report-channels"][value="email"]')!);
    await click(host.querySelector<HTMLInputElement>('input[name="report-channels"][value="phone"]')!);
    await submit(host.querySelector('form')!);
    expect(sent.at(-1)!.url).toBe(`${path}?from=2025-04-01&until=2025-07-01&kind=complaint&channel=phone&channel=email`);
  });

  it("says what the figures are limited to, and shows the server's refusal beside the field it names", async () => {
    const sent = fakeApi((request) => {
      if (request.url.includes('until=')) {
        return [422, { error: { code: 'invalid', message: 'until must be after from', field: 'until' } }];
      }
      if (request.url.startsWith(path)) {
        return [200, { ...sampleReport, filter: { ...sampleReport.filter, kind: ['complaint'], channel: ['post'] } }];
      }
      return [200, { departments: [] }];
    });
    const host = await mount(<ReportsPage />);
    expect(host.querySelector('.report-period')!.textContent).toMatch(/Only: A complaint, Post\.$/);
    await click(host.querySelector<HTMLInputElement>('input[name="report-period"][value="dates"]')!);
    await type(host.querySelector<HTMLInputElement>('#report-from')!, '2025-06-01');
    await type(host.querySelector<HTMLInputElement>('#report-last-day')!, '2025-05-01');
    await submit(host.querySelector('form')!);
    expect(sent.at(-1)!.url).toBe(`${path}?from=2025-06-01&until=2025-05-02`);
    expect(host.querySelector('[role="alert"]')!.textContent).toContain('until must be after from');
    expect(host.querySelector('#report-last-day-error')!.textContent).toContain('until must be after from');
    expect(host.querySelector('#report-last-day')!.getAttribute('aria-describedby')).toBe('report-last-day-error');
    expect(host.querySelector('.report-period')).toBeNull();
  });

  it('speaks Spanish', async () => {
    answering();
    setLanguage('es');
    const host = await mount(<ReportsPage />);
    expect(host.querySelector('h1')!.textContent).toBe('Informes');
    const [first] = rowsOf(host, 'Cómo se cumplió cada compromiso');
    expect(first.slice(1)).toEqual(['100 % en 5 días laborables', '100 %', '40 (40 a tiempo, 0 fuera de plazo)', '2',
      'Objetivo cumplido']);
    expect(rowsOf(host, 'El periodo mes a mes')[0][0]).toBe('enero de 2025');
  });
});
