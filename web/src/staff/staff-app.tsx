// The staff screens behind sign-in: GET /api/v1/me decides between the sign-in form and the
// console; the console's navigation and pages come from the page registries (the staff
// console's in pages.ts, the manager dashboard's and admin's in admin/pages.ts), filtered by
// the signed-in person's role.
import { useEffect, useState } from 'preact/hooks';
import { adminPages } from '../admin/pages';
import { useT } from '../i18n';
import type { Route } from '../route';
import type { Me, StaffPage } from './page-registry';
import { staffPages } from './pages';
import { currentStaff, loadOrganisationZone } from './session';
import { SignInPage } from './sign-in';
import { StaffLayout } from './staff-layout';
import './staff.css';

export function pagesFor(me: Me): StaffPage[] {
  return [...staffPages, ...adminPages].filter((page) => page.roles.includes(me.role));
}

export function StaffApp({ route }: { route: Route }) {
  const t = useT();
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [failed, setFailed] = useState('');
  // Dates wait for the organisation's time zone, so none is shown in the wrong one.
  const [zoneKnown, setZoneKnown] = useState(false);

  useEffect(() => {
    currentStaff().then(setMe, (e: Error) => setFailed(e.message));
  }, []);
  useEffect(() => {
    if (!me) return;
    void loadOrganisationZone().then(() => setZoneKnown(true));
    // Signed in: the page's heading takes the focus, as after any change of page.
    requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus());
  }, [me]);

  if (failed) return <StaffLayout me={null} pages={[]} onSignedOut={() => {}}><p role="alert">{failed}</p></StaffLayout>;
  if (me === undefined || (me && !zoneKnown)) return <p role="status">{t('loading')}</p>;
  if (me === null) {
    return (
      <StaffLayout me={null} pages={[]} onSignedOut={() => {}}>
        <SignInPage onSignedIn={setMe} />
      </StaffLayout>
    );
  }
  const pages = pagesFor(me);
  const wanted = route.page === 'sign-in' ? 'queue' : route.page;
  const page = pages.find((p) => p.name === wanted);
  const Page = page?.component;
  return (
    <StaffLayout me={me} pages={pages} current={page?.name} onSignedOut={() => setMe(null)}>
      {Page ? (
        <Page param={route.param} me={me} />
      ) : (
        <>
          <h1 tabIndex={-1}>{t('staff_page_missing_title')}</h1>
          <p>{t('staff_page_missing')}</p>
        </>
      )}
    </StaffLayout>
  );
}
