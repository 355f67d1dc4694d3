// GET /api/v1/templates: every message template in force, its variables and the set's problems.
import type { Translate } from '../i18n';
import { en, type MessageKey } from '../i18n/en';
import { kindWord } from '../staff/outbox-message';

export interface TemplateEntry {
  kind: string;
  language: string;
  subject: string;
  text: string;
  edited: boolean;
  variables: string[];
  required: string[];
}

export interface TemplateProblem {
  problem: string;
  kind: string;
  language: string;
  field: string | null;
  message: string;
}

export interface TemplateVariable {
  name: string;
  meaning: string;
}

export interface TemplateListing {
  languages: string[];
  templates: TemplateEntry[];
  problems: TemplateProblem[];
  variables: TemplateVariable[];
}

export interface Preview {
  subject: string;
  text: string;
  html: string;
  problems: TemplateProblem[];
}

// "English", "Spanish", or the language tag itself for one the UI has no name for.
export function languageWord(t: Translate, language: string): string {
  const key = `lang_${language}`;
  return key in en ? t(key as MessageKey) : language;
}

// "Acknowledgement (English)".
export function templateName(t: Translate, entry: { kind: string; language: string }): string {
  return `${kindWord(t, entry.kind)} (${languageWord(t, entry.language)})`;
}

export function templatePath(entry: { kind: string; language: string }): string {
  return `/api/v1/templates/${encodeURIComponent(entry.kind)}/${encodeURIComponent(entry.language)}`;
}
