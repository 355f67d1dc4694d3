// English and Spanish. Every key of en.ts must exist in es.ts (the type says so, so a missing
// translation fails the build). The reader's choice is remembered in localStorage and sent with
// a contact so that the customer's emails come in the same language.
import { useEffect, useState } from 'preact/hooks';
import { en, type MessageKey } from './en';
import { es } from './es';

export type Language = 'en' | 'es';
export const languages: Record<Language, string> = { en: 'English', es: 'Español' };
const dictionaries: Record<Language, Record<MessageKey, string>> = { en, es };
const storageKey = 'caredesk.language';

function initialLanguage(): Language {
  const saved = globalThis.localStorage?.getItem(storageKey);
  if (saved === 'en' || saved === 'es') return saved;
  return globalThis.navigator?.language?.toLowerCase().startsWith('es') ? 'es' : 'en';
}

let current: Language = initialLanguage();
const listeners = new Set<() => void>();

export function language(): Language {
  return current;
}

// The reader's language as a locale for Intl's formats: British English or Spain's Spanish.
export function locale(): string {
  return current === 'es' ? 'es-ES' : 'en-GB';
}

export function setLanguage(next: Language) {
  current = next;
  globalThis.localStorage?.setItem(storageKey, next);
  document.documentElement.lang = next;
  listeners.forEach((listener) => listener());
}

// `t('key', { name: 'x' })` fills "{name}" placeholders.
export function translate(key: MessageKey, values: Record<string, string | number> = {}): string {
  const text = dictionaries[current][key] ?? en[key];
  return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? `{${name}}`));
}

export type Translate = typeof translate;

// Re-renders the component when the language changes.
export function useT(): Translate {
  const [, setVersion] = useState(0);
  useEffect(() => {
    const listener = () => setVersion((v) => v + 1);
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, []);
  return translate;
}

let organisationZone = 'UTC';
// The organisation's time zone: every date is shown in it, in the reader's language.
export function setOrganisationZone(zone: string) {
  organisationZone = zone;
}

// "2026-11-23T09:00:00+00:00" → "Monday 23 November 2026, 09:00" (or the Spanish form).
export function formatInstant(instant: string | null | undefined, withTime = true): string {
  if (!instant) return '';
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return new Intl.DateTimeFormat(locale(), {
    timeZone: organisationZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
  }).format(date);
}

if (typeof document !== 'undefined') document.documentElement.lang = current;
