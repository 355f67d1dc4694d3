// What the organisation publishes (GET /api/v1/portal/standards), fetched once per language: its
// name, its time zone (every date is shown in it) and its published texts.
import { useEffect, useState } from 'preact/hooks';
import { call } from '../api';
import { language, setOrganisationZone, useT, type Language } from '../i18n';

export interface Published {
  organisation: string;
  time_zone: string;
  languages: string[];
  language: string;
  standards_html: string;
  how_to_complain_html: string;
  escalation_html: string;
  standards: { id: string; name: string }[];
}

const fetched = new Map<Language, Promise<Published>>();

export function loadPublished(lang: Language = language()): Promise<Published> {
  let pending = fetched.get(lang);
  if (!pending) {
    pending = call<Published>(`/api/v1/portal/standards?lang=${lang}`).then((published) => {
      setOrganisationZone(published.time_zone);
      return published;
    });
    pending.catch(() => fetched.delete(lang));
    fetched.set(lang, pending);
  }
  return pending;
}

// The published text in the reader's language; null until it has come.
export function usePublished(): Published | null {
  useT(); // re-render, and so re-fetch, when the language changes
  const lang = language();
  const [published, setPublished] = useState<Published | null>(null);
  useEffect(() => {
    let current = true;
    loadPublished(lang).then((p) => current && setPublished(p), () => {});
    return () => {
      current = false;
    };
  }, [lang]);
  return published;
}
