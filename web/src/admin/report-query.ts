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
