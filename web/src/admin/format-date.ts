// Calendar dates ("2027-12-27", already a day in the organisation's calendar) and months
// ("2027-12") in words, in the reader's language. Formatted in UTC, where the date stands for
// itself: converting it to the organisation's zone as formatInstant does for instants could move
// it to the day before.
import { locale } from '../i18n';

export function formatDate(date: string | null | undefined): string {
  if (!date) return '';
  const day = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return date;
  return new Intl.DateTimeFormat(locale(), {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(day);
}

// A calendar month ("2025-03") in words: "March 2025", "marzo de 2025".
export function formatMonth(month: string): string {
  const first = new Date(`${month}-01T00:00:00Z`);
  if (Number.isNaN(first.getTime())) return month;
  return new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(first);
}
