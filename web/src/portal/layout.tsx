// The portal's frame: a skip link, the organisation's name, the pages and the language choice.
import type { ComponentChildren } from 'preact';
import { href } from '../route';
import { languages, language, setLanguage, useT, type Language } from '../i18n';
import { NoticesBanner } from './notices-banner';
import { usePublished } from './published';

export function LanguagePicker() {
  const t = useT();
  return (
    <div class="language">
      <label for="language">{t('language')}</label>
      <select
        id="language"
        value={language()}
        onChange={(e) => setLanguage((e.target as HTMLSelectElement).value as Language)}
      >
        {Object.entries(languages).map(([code, name]) => (
          <option key={code} value={code} lang={code}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}

export function PortalLayout({ children }: { children: ComponentChildren }) {
  const t = useT();
  const published = usePublished();
  return (
    <>
      <a class="skip-link" href="#content" onClick={skipToContent}>
        {t('skip_to_content')}
      </a>
      <header class="site-header">
        <p class="site-name">{published?.organisation ?? t('portal_title')}</p>
        <nav aria-label={t('portal_nav')}>
          <ul>
            <li><a href={href('submit')}>{t('nav_submit')}</a></li>
            <li><a href={href('track')}>{t('nav_track')}</a></li>
            <li><a href={href('suggestions')}>{t('nav_suggestions')}</a></li>
            <li><a href={href('standards')}>{t('nav_standards')}</a></li>
            <li><a href={href('feedback')}>{t('nav_feedback')}</a></li>
            <li><a href={href('account')}>{t('nav_account')}</a></li>
            <li><a href={href('staff')}>{t('nav_staff')}</a></li>
          </ul>
        </nav>
        <LanguagePicker />
      </header>
      <NoticesBanner />
      <main id="content" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

// With hash routing the skip link's own "#content" would change the route: move focus instead.
export function skipToContent(event: Event) {
  event.preventDefault();
  document.getElementById('content')?.focus();
}
