import { dayAfter, reportQuery, reportUrl, thisYear } from './report-query';

describe("the report's query", () => {
  const year = { ...thisYear(new Date(2025, 5, 1)), year: '2025' };

  it('asks for a year, with each kind and channel ticked as its own parameter', () => {
    expect(thisYear(new Date(2025, 5, 1)).year).toBe('2025');
    expect(reportQuery(year)).toBe('year=2025');
    expect(reportQuery({ ...year, kinds: ['complaint'] })).toBe('year=2025&kind=complaint');
    expect(reportQuery({ ...year, kinds: ['complaint', 'question'], channels: ['in_person'] })).toBe(
      'year=2025&kind=complaint&kind=question&channel=in_person',
    );
  });

  it("leaves out what is empty, so that the server's defaults apply", () => {
    expect(reportUrl({ ...year, year: ' ' })).toBe('/api/v1/reports/performance');
    expect(reportQuery({ ...year, period: 'dates', from: '2025-04-01' })).toBe('from=2025-04-01');
  });

  it('sends the day after the last day as `until`, which the API does not include', () => {
    expect(reportQuery({ ...year, period: 'dates', from: '2025-04-01', lastDay: '2025-06-30' })).toBe(
      'from=2025-04-01&until=2025-07-01',
    );
    expect(dayAfter('2025-12-31')).toBe('2026-01-01');
    expect(dayAfter('2024-02-28')).toBe('2024-02-29');
    expect(dayAfter('2025-02-28')).toBe('2025-03-01');
    expect(dayAfter('31/12/2025')).toBe('31/12/2025');
  });
});
