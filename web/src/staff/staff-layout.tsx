// The staff console's frame: a skip link, who is signed in, the pages their role may open,
// sign-out and the language choice.
import type { ComponentChildren } from 'preact';
import { useT } from '../i18n';
import { LanguagePicker, skipToContent } from '../portal/layout';
import { usePublished } from '../portal/published';
import { href, navigate } from '../route';
import type { Me, StaffPage } from './page-registry';
import { signOut } from './session';

interface Props {
  me: Me | null;
  pages: StaffPage[];
  current?: string;
  onSignedOut: () => void;
  children: ComponentChildren;
}

export function StaffLayout({ me, pages, current, onSignedOut, children }: Props) {
  const t = useT();
  const published = usePublished();
  async function leave() {
    await signOut();
    onSignedOut();
    navigate('staff', 'sign-in');
  }
  return (
    <>
      <a class="skip-link" href="#content" onClick={skipToContent}>
        {t('skip_to_content')}
      </a>
      <header class="site-header staff-header">
        <p class="site-name">
          {published ? t('staff_title_of', { organisation: published.organisation }) : t('staff_title')}
        </p>
        {me && (
          <nav aria-label={t('staff_nav')}>
            <ul>
              {pages.filter((p) => p.inNav).map((p) => (
                <li key={p.name}>
                  <a href={href('staff', p.name)} aria-current={p.name === current ? 'page' : undefined}>
                    {t(p.label)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <LanguagePicker />
        {me && (
          <div class="staff-who">
            <span>{t('staff_signed_in_as', { name: me.name, role: t(`staff_role_${me.role}`) })}</span>
            <button type="button" class="secondary" onClick={() => void leave()}>
              {t('staff_sign_out')}
            </button>
          </div>
        )}
      </header>
      <main id="content" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
