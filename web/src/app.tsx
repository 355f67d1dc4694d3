// The whole UI: the public portal (no account) and the staff screens behind sign-in, chosen by
// the URL's hash so that one index.html serves every page. Staff screens load on first use, so
// the portal's first load carries none of their code.
import { lazy, Suspense } from 'preact/compat';
import { useRoute } from './route';
import { PortalLayout } from './portal/layout';
import { SubmitPage } from './portal/submit';
import { TrackPage } from './portal/track';
import { StandardsPage } from './portal/standards';
import { SuggestionsPage } from './portal/suggestions';
import { AccountPage } from './portal/account';
import { FeedbackPage } from './portal/feedback';
import { useT } from './i18n';

const StaffApp = lazy(() => import('./staff/staff-app').then((m) => m.StaffApp));

export function App() {
  const route = useRoute();
  const t = useT();
  if (route.area === 'staff') {
    return (
      <Suspense fallback={<p role="status">{t('loading')}</p>}>
        <StaffApp route={route} />
      </Suspense>
    );
  }
  return (
    <PortalLayout>
      <PortalPage page={route.page} param={route.param} />
    </PortalLayout>
  );
}

function PortalPage({ page, param }: { page: string; param?: string }) {
  switch (page) {
    case 'track':
      return <TrackPage reference={param} />;
    case 'standards':
      return <StandardsPage />;
    case 'suggestions':
      return <SuggestionsPage />;
    case 'account':
      return <AccountPage />;
    case 'feedback':
      return <FeedbackPage />;
    default:
      return <SubmitPage />;
  }
}
