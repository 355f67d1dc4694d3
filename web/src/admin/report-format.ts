// The report's figures in words, in the reader's language: numbers, shares ("72 %"), money from
// minor units with its currency, a standard's target and verdict, and the names of the API's
// keys (kinds, channels, stages, outcomes, remedies), falling back to the key as sent.
import { locale, type Translate } from '../i18n';
import { en, type MessageKey } from '../i18n/en';
import { wordsFor } from '../staff/words';
import type { Stage, StandardResult } from './report-types';

// 3.25 → "3.3", null → "No figure".
export function formatNumber(t: Translate, value: number | null): string {
  if (value === null || !Number.isFinite(value)) return t('report_no_figure');
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 }).format(value);
}

// 0.72 → "72 %", null → "No figure".
export function formatShare(t: Translate, share: number | null): string {
  if (share === null) return t('report_no_figure');
  return t('report_percent', { value: formatNumber(t, share * 100) });
}

// 123450 GBP → "£1,234.50": the minor units divided as the currency is (JPY has none).
export function formatMoney(minorUnits: number, currency: string): string {
  try {
    const format = new Intl.NumberFormat(locale(), { style: 'currency', currency });
    return format.format(minorUnits / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
  } catch {
    return `${minorUnits / 100} ${currency}`; // not a currency code Intl knows
  }
}

export type Verdict = 'met' | 'missed' | 'none';

export function verdictOf(row: StandardResult): Verdict {
  if (row.target_met === null) return 'none';
  return row.target_met ? 'met' : 'missed';
}

// "80% within 1 working_days" → "80 % within 1 working day"; a target in another form as sent.
export function targetWords(t: Translate, row: StandardResult): string {
  const match = /within\s+(\d+)\s+([a-z_]+)\s*$/.exec(row.target);
  if (!match) return row.target;
  const [, count, unit] = match;
  const key = `report_unit_${unit}${count === '1' ? '_one' : ''}`;
  if (!(key in en)) return row.target;
  const within = t(key as MessageKey, { count });
  return t('report_target', { share: formatNumber(t, row.target_share * 100), within });
}

// A standard row's name; a tier's says which tier it is.
export function standardLabel(t: Translate, row: StandardResult): string {
  return row.tier > 0 ? t('report_standard_tier', { name: row.name, tier: row.tier }) : row.name;
}

export const standardKey = (row: StandardResult) => `${row.standard}#${row.tier}`;

// Free text (a service, a nature, a reason): "" is "Not given".
export function given(t: Translate, key: string): string {
  return key || t('report_not_given');
}

export const kindWord = (t: Translate, key: string) => (key ? wordsFor(`kind_${key}`, key) : given(t, key));
export const channelWord = (t: Translate, key: string) =>
  key ? wordsFor(`staff_channel_${key}`, key) : given(t, key);
export const outcomeWord = (key: string) => wordsFor(`staff_outcome_${key}`, key);
export const remedyWord = (t: Translate, key: string) =>
  key ? wordsFor(`staff_remedy_${key}`, key) : given(t, key);
export const stageWord = (t: Translate, stage: Stage | string | null) =>
  stage ? wordsFor(`dash_stage_${stage}`, stage) : t('report_stage_none');
