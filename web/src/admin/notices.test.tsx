import { act } from 'preact/test-utils';
import { setLanguage } from '../i18n';
import { click, fakeApi, mount, submit, type } from '../test-support';
import { NoticesPage, type ServiceNotice } from './notices';

const inForce: ServiceNotice = {
  id: 7, title: 'Phones down', text: 'Email us instead.', service: 'Finance',
  starts_at: '2025-01-06T09:00:00+00:00', ends_at: null, in_force: true,
};

describe('service notices', () => {
  beforeEach(() => setLanguage('en'));
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it("announces a notice for one of the policy's services and writes to its customers when asked", async () => {
    const sent = fakeApi((r) => {
      if (r.url === '/api/v1/policy') return [200, { services: ['Finance', 'Operations'] }];
      if (r.method === 'POST') return [201, { ...inForce, notified: 3 }];
      return [200, { notices: [] }];
    });
    const host = await mount(<NoticesPage />);
    expect([...host.querySelectorAll('#notice-service option')].map((o) => o.textContent)).toEqual([
      'All services', 'Finance', 'Operations',
    ]);
    await type(host.querySelector<HTMLInputElement>('#notice-title')!, ' Phones down ');
    await type(host.querySelector<HTMLTextAreaElement>('#notice-text')!, 'Email us instead.');
    await act(() => {
      const select = host.querySelector<HTMLSelectElement>('#notice-service')!;
      select.value = 'Finance';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await click(host.querySelector<HTMLInputElement>('#notice-notify')!);
    await submit(host.querySelector('form')!);
    expect(sent.find((r) => r.method === 'POST')!.body).toEqual({
      title: 'Phones down', text: 'Email us instead.', service: 'Finance', notify: true,
    });
    expect(host.querySelector('[role="status"]')?.textContent).toBe(
      'The notice "Phones down" is on the portal, and 3 customer(s) will be written to.',
    );
  });

  it("lists every notice with its state in words, and ends one that is in force", async () => {
    let ended = false;
    const sent = fakeApi((r) => {
      if (r.method === 'PUT') {
        ended = true;
        return [200, { ...inForce, in_force: false, ends_at: '2025-01-06T12:00:00+00:00' }];
      }
      if (r.url.startsWith('/api/v1/notices')) {
        return [200, { notices: [ended ? { ...inForce, in_force: false, ends_at: '2025-01-06T12:00:00+00:00' } : inForce] }];
      }
      return [200, { services: [] }];
    });
    const host = await mount(<NoticesPage />);
    const row = () => host.querySelector('tbody tr')!;
    expect(row().textContent).toContain('In force');
    expect(row().textContent).toContain('Until ended');
    await click(row().querySelector('button')!);
    expect(sent.find((r) => r.method === 'PUT')).toEqual({ url: '/api/v1/notices/7', method: 'PUT', body: {} });
    expect(host.querySelector('[role="status"]')?.textContent).toBe('The notice "Phones down" has ended.');
    expect(row().textContent).toContain('Ended');
    expect(row().querySelector('button')).toBeNull();
  });
});
