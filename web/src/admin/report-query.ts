// What the reports form asks for, as the query of GET /api/v1/reports/performance: a calendar
// year, or a first and a last day (the API's `until` is the day after the last, not included),
// and the kinds and channels of contact to count (none ticked: all).

export const reportPath = '/api/v1/reports/performance';

export interface ReportAsk {
  period: 'year' | 'dates';
  year: string;
  from: string; // YYYY-MM-DD
  lastDay: string; // YYYY-MM-DD, counted in full
  kinds: string[];
  channels: string[];
}

export function thisYear(now = new Date()): ReportAsk {
  return { period: 'year', year: String(now.getFullYear()), from: '', lastDay: '', kinds: [], channels: [] };
}

// "2025-12-31" → "2026-01-01"; anything not a date is left for the server to refuse.
export function dayAfter(date: string): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T00:00:00Z`) : null;
  if (!day || Number.isNaN(day.getTime())) return date;
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

// "year=2025&kind=complaint&kind=question": empty fields are left out, so that the server's
// defaults (this year, every kind) apply; several kinds or channels repeat the parameter.
export function reportQuery(ask: ReportAsk): string {
  const query = new URLSearchParams();
  if (ask.period === 'year') {
    if (ask.year.trim()) query.set('year', ask.year.trim());
  } else {
    if (ask.from) query.set('from', ask.from);
    if (ask.lastDay) query.set('until', dayAfter(ask.lastDay));
  }
  ask.kinds.forEach((kind) => query.append('kind', kind));
  ask.channels.forEach((channel) => query.append('channel', channel));
  return query.toString();
}

export function reportUrl(ask: ReportAsk): string {
  const query = reportQuery(ask);
  return query ? `${reportPath}?${query}` : reportPath;
}

// The report's tables as the downloads name them (GET /api/v1/reports/performance.csv?table=…),
// in the order of the workbook's worksheets.
export const reportTables = [
  'summary', 'by_kind', 'by_channel', 'by_service', 'by_nature', 'by_department', 'standards',
  'response_times', 'outcomes', 'extension_reasons', 'remedies', 'redress', 'root_causes',
  'satisfaction', 'comments', 'prevention', 'suggestions', 'trends', 'standards_by_month',
] as const;
export type ReportTable = (typeof reportTables)[number];

// One table as CSV, for the period and contacts asked.
export function tableCsvUrl(ask: ReportAsk, table: ReportTable): string {
  const query = new URLSearchParams(reportQuery(ask));
  query.set('table', table);
  return `${reportPath}.csv?${query}`;
}

// Every table as a workbook.
export function reportXlsxUrl(ask: ReportAsk): string {
  const query = reportQuery(ask);
  return query ? `${reportPath}.xlsx?${query}` : `${reportPath}.xlsx`;
}

// The complaints register of the period as a file: every row is a complaint, so the kinds asked
// are not sent (the register refuses them); the channels are.
export function registerUrl(ask: ReportAsk, format: 'csv' | 'xlsx'): string {
  const query = reportQuery({ ...ask, kinds: [] });
  const path = `/api/v1/reports/register.${format}`;
  return query ? `${path}?${query}` : path;
}
