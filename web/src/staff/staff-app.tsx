// The staff screens (sign-in, queue, case, new contact, dashboard, admin): loaded on first use.
import type { Route } from '../route';

export function StaffApp({ route }: { route: Route }) {
  return (
    <main id="content" tabIndex={-1}>
      <h1>caredesk</h1>
      <p>{route.page}</p>
    </main>
  );
}
