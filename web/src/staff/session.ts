// The staff member's session: who is signed in (GET /api/v1/me), signing in and out, and the
// CSRF token every write must carry. The token is answered only at sign-in; api.ts keeps it in
// the tab's session storage (under `caredesk.csrf`) so that a reload keeps it.
import { ApiError, call, setCsrfToken } from '../api';
import { loadPublished } from '../portal/published';
import type { Me } from './page-registry';

// Where api.ts keeps the token: read here only to know whether this tab has one.
const csrfKey = 'caredesk.csrf';

interface MeAnswer {
  kind: string;
  staff?: { id: number; name: string; role: Me['role']; initials: string; department_ids: number[] };
  csrf_token?: string;
}

function staffOf(answer: MeAnswer): Me | null {
  if (answer.kind !== 'staff' || !answer.staff) return null;
  return { ...answer.staff, kind: answer.kind, csrf_token: answer.csrf_token };
}

// The signed-in staff member, or null when nobody (or a customer) is signed in — or when this
// tab lacks the session's CSRF token (a new tab): signing in again answers a fresh one.
export async function currentStaff(): Promise<Me | null> {
  try {
    const me = staffOf(await call<MeAnswer>('/api/v1/me'));
    const token = globalThis.sessionStorage?.getItem(csrfKey) ?? '';
    if (!me || !token) return null;
    setCsrfToken(token);
    return me;
  } catch (e) {
    if (e instanceof ApiError && (e.status === 401 || e.status === 403)) return null;
    throw e;
  }
}

export async function signIn(email: string, password: string): Promise<Me | null> {
  const me = staffOf(
    await call<MeAnswer>('/api/v1/sessions', { method: 'POST', body: { email, password } }),
  );
  setCsrfToken(me?.csrf_token ?? '');
  return me;
}

export async function signOut() {
  try {
    await call('/api/v1/sessions/current', { method: 'DELETE' });
  } finally {
    setCsrfToken('');
  }
}

// The organisation's time zone, for every date shown: what it publishes (GET
// /api/v1/portal/standards answers `time_zone`, and loadPublished sets it); GET /api/v1/policy
// does not answer the zone. A server without the published texts leaves dates in UTC.
export async function loadOrganisationZone() {
  try {
    await loadPublished();
  } catch {
    // Dates then stay in UTC, which every date shown says by its time.
  }
}
