import { render } from 'preact';
import { act } from 'preact/test-utils';
import { setLanguage } from '../i18n';
import { pagesFor, StaffApp } from './staff-app';
import type { Me } from './page-registry';

const person = (role: Me['role']): Me => ({ kind: 'staff', id: 7, name: 'Alan Agent', role });

function answer(status: number, body: unknown) {
  return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
}

async function settle() {
  for (let i = 0; i < 5; i++) await act(() => new Promise((r) => setTimeout(r, 0)));
}

describe('the staff shell', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('offers each role only the pages it may open', () => {
    expect(pagesFor(person('agent')).filter((p) => p.inNav).map((p) => p.name)).toEqual(['queue', 'new', 'todo']);
    expect(pagesFor(person('auditor')).filter((p) => p.inNav).map((p) => p.name)).toEqual([
      'queue', 'dashboard', 'reports',
    ]);
    expect(pagesFor(person('manager')).filter((p) => p.inNav).map((p) => p.name)).toEqual([
      'queue', 'new', 'todo', 'dashboard', 'reports', 'notices',
    ]);
    expect(pagesFor(person('admin')).filter((p) => p.inNav).map((p) => p.name)).toEqual([
      'queue', 'dashboard', 'reports', 'notices', 'admin',
    ]);
  });

  it('asks who is signed in, shows the sign-in form to nobody, and keeps the CSRF token answered', async () => {
    setLanguage('en');
    const calls: { url: string; init?: RequestInit }[] = [];
    vi.stubGlobal('fetch', (url: string, init?: RequestInit) => {
      calls.push({ url, init });
      if (url === '/api/v1/me') return answer(401, { error: { code: 'unauthenticated', message: 'sign in' } });
      if (url === '/api/v1/sessions') {
        const staff = { id: 7, name: 'Alan Agent', role: 'agent', initials: 'AA', department_ids: [] };
        return answer(201, { kind: 'staff', csrf_token: 'tok', staff });
      }
      if (url.startsWith('/api/v1/cases')) return answer(200, { cases: [], next_cursor: null });
      return answer(200, { departments: [] });
    });
    const host = document.createElement('div');
    document.body.appendChild(host);
    render(<StaffApp route={{ area: 'staff', page: 'queue' }} />, host);
    await settle();
    expect(host.querySelector('h1')!.textContent).toBe('Staff sign-in');
    expect(host.querySelector('.skip-link')).not.toBeNull();
    const input = (id: string, value: string) => {
      const element = host.querySelector<HTMLInputElement>(`#${id}`)!;
      element.value = value;
      element.dispatchEvent(new Event('input', { bubbles: true }));
    };
    await act(() => input('email', 'agent@example.org'));
    await act(() => input('password', 'secret secret'));
    await act(() => { host.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })); });
    await settle();
    expect(host.querySelector('h1')!.textContent).toBe('Queue');
    expect([...host.querySelectorAll('nav a')].map((a) => a.textContent)).toEqual(['Queue', 'New contact', 'To do']);
    expect(sessionStorage.getItem('caredesk.csrf')).toBe('tok');
    const signIn = calls.find((c) => c.url === '/api/v1/sessions')!;
    expect(JSON.parse(String(signIn.init!.body))).toEqual({ email: 'agent@example.org', password: 'secret secret' });
    host.remove();
  });
});
