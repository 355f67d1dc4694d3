// The staff screens (sign-in, queue, case, new contact, dashboard, admin): loaded on first use.
import { useEffect, useState } from 'preact/hooks';
import type { Route } from '../route';
import { call } from '../api';
import { adminPages } from '../admin/pages';
import type { Me } from './page-registry';

// TEMPORARY (admin-ui branch): mounts adminPages for a signed-in staff member until the staff
// shell lands (api.ts keeps the session's CSRF token in sessionStorage['caredesk.csrf']).
function useMe(): Me | null {
  const [me, setMe] = useState<Me | null>(null);
  useEffect(() => {
    call<{ kind: string; staff?: Omit<Me, 'kind'> }>('/api/v1/me')
      .then((m) => m.staff && setMe({ ...m.staff, kind: m.kind } as Me))
      .catch(() => setMe(null));
  }, []);
  return me;
}

export function StaffApp({ route }: { route: Route }) {
  const me = useMe();
  const page = adminPages.find((p) => p.name === route.page);
  if (me && page && page.roles.includes(me.role)) {
    return (
      <main id="content" tabIndex={-1}>
        <page.component param={route.param} me={me} />
      </main>
    );
  }
  return (
    <main id="content" tabIndex={-1}>
      <h1>caredesk</h1>
      <p>{route.page}</p>
    </main>
  );
}
