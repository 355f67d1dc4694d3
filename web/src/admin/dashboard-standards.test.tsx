import { setLanguage } from '../i18n';
import { fakeApi, mount } from '../test-support';
import { DashboardPage } from './dashboard';
import type { Dashboard } from './dashboard-types';
import { StandardsPanel } from './dashboard-standards';
import { sampleReport } from './report-sample';

const dashboard: Dashboard = {
  as_of: '2025-11-23T09:00:00+00:00', today: '2025-11-23', time_zone: 'UTC', open: 1, due_today: 0, breached: 0,
  by_department: [], by_stage: [], oldest: [],
  policy: { version: '2025-1', review_date: null, review_overdue: false },
};

describe("the dashboard's performance against our standards", () => {
  beforeEach(() => setLanguage('en'));
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it("shows this year's standards as a chart and a table, with a link to the full report", async () => {
    const sent = fakeApi((request) =>
      request.url === '/api/v1/dashboard' ? [200, dashboard] : [200, sampleReport]);
    const host = await mount(<DashboardPage />);
    expect(sent.map((r) => r.url)).toEqual(['/api/v1/dashboard', '/api/v1/reports/performance']);
    const panel = host.querySelector<HTMLElement>('section[aria-labelledby="dash-standards-title"]')!;
    expect(panel.querySelector('h2')!.textContent).toBe('Performance against our standards (this year)');
    expect(panel.querySelector('svg[role="img"] title')!.textContent).toBe('Share met in time, by standard');
    const rows = [...panel.querySelectorAll('table[aria-labelledby="dash-standards-table"] tbody tr')];
    expect(rows.map((row) => row.querySelector('th')!.textContent)).toEqual(
      sampleReport.total.standards.map((s) => (s.tier ? `${s.name} (tier ${s.tier})` : s.name)),
    );
    expect(rows.map((row) => row.lastElementChild!.textContent)).toEqual([
      'Target met', 'Target missed', 'Target missed', 'Target met', 'Nothing settled yet',
    ]);
    const link = panel.querySelector('a')!;
    expect(link.textContent).toBe('See the full report');
    expect(link.getAttribute('href')).toBe('#/staff/reports');
  });

  it('says so when the figures cannot be had, without taking the focus', async () => {
    fakeApi(() => [403, { error: { code: 'forbidden', message: 'not allowed' } }]);
    const host = await mount(<StandardsPanel />);
    const alert = host.querySelector('[role="alert"]')!;
    expect(alert.textContent).toBe('The figures could not be loaded: not allowed');
    expect(document.activeElement).not.toBe(alert);
    expect(host.querySelector('table')).toBeNull();
  });
});
