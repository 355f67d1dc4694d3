// A calendar date ("2027-12-27", already a day in the organisation's calendar) in words, in the
// reader's language. Formatted in UTC, where the date stands for itself: converting it to the
// organisation's zone as formatInstant does for instants could move it to the day before.
import { language } from '../i18n';

export function formatDate(date: string | null | undefined): string {
  if (!date) return '';
  const day = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return date;
  return new Intl.DateTimeFormat(language() === 'es' ? 'es-ES' : 'en-GB', {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(day);
}
