// The manager dashboard and the admin screens in a real browser against a real server: a
// broken policy is refused with its problems by line, departments and staff are added and
// changed, the calendar preview shows 2027's bank holidays, and a manager reads the figures of
// the cases the test put on file. Every page is checked with axe-core and photographed at
// 1280 and 320 px.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { screenshot, seriousViolations, serverAndBrowser } from './harness.mjs';
import { checkAndPhotograph, openStaffPage } from './staff-helpers.mjs';

const env = serverAndBrowser({
  setup: async ({ server }) => {
    env.server.addStaff('manager@example.org', 'Mo Manager', 'manager');
    env.asAdmin = await env.server.signIn('admin@example.org');
  },
});
const asAdmin = (...request) => env.asAdmin(...request);

const staffPage = (email, hash, options) => openStaffPage(env.browser, env.server, email, hash, options);

test('an admin uploads a broken policy: every problem is shown by line and nothing is installed', async () => {
  const before = await asAdmin('GET', '/api/v1/policy');
  const page = await staffPage('admin@example.org', '#/staff/admin/policy');
  await page.getByRole('heading', { name: 'The policy in force' }).waitFor();
  await page.getByText(before.version).first().waitFor();
  const broken = '[organisation]\nname = 42\n\n[calendar]\nzone = "Mars/Olympus"\n';
  await page.getByLabel(/Policy text \(TOML\)/).fill(broken);
  await page.getByRole('button', { name: 'Check and install' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'nothing was installed' });
  await alert.waitFor();
  const shown = await alert.locator('li').allTextContents();
  // The same problems the API gives, each with its line.
  const answer = await asAdmin('POST', '/api/v1/policy', { text: broken }).catch((e) => e.message);
  const problems = JSON.parse(answer.slice(answer.indexOf('{'))).error.problems;
  assert.ok(problems.length >= 2, answer);
  assert.equal(shown.length, problems.length);
  problems.forEach((problem, i) => {
    const [line, reason] = [problem.slice(0, problem.indexOf(':')), problem.slice(problem.indexOf(':') + 1).trim()];
    assert.equal(shown[i], `Line ${line}: ${reason}`);
  });
  assert.equal(await page.getByLabel(/Policy text \(TOML\)/).getAttribute('aria-invalid'), 'true');
  const after = await asAdmin('GET', '/api/v1/policy/versions');
  assert.deepEqual(after.versions.map((v) => v.version), [before.version]);
  assert.equal(await page.locator('table tbody tr').count(), 1, 'one version in the history');
  await checkAndPhotograph(page, 'admin-policy-problems');
});

test('an admin adds a department and a staff member, then changes and deactivates them', async () => {
  const page = await staffPage('admin@example.org', '#/staff/admin/departments');
  await page.getByRole('heading', { name: 'Add a department' }).waitFor();
  await page.getByLabel(/Department name/).fill('Complaints Review');
  await page.getByRole('button', { name: 'Add department' }).click();
  await page.getByRole('status').filter({ hasText: 'Complaints Review was added.' }).waitFor();
  await page.getByRole('rowheader', { name: 'Complaints Review' }).waitFor();
  await checkAndPhotograph(page, 'admin-departments');

  await page.getByRole('link', { name: 'Staff and roles' }).click();
  await page.getByRole('heading', { name: 'Add a staff member' }).waitFor();
  await page.getByLabel(/^Email/).fill('nia@example.org');
  await page.getByLabel(/^Name/).fill('Nia New');
  await page.locator('#staff-new-role').selectOption('manager');
  await page.locator('#staff-new-department').selectOption({ label: 'Complaints Review' });
  await page.getByLabel(/^Password/).fill('a long enough password');
  await page.getByRole('button', { name: 'Add staff member' }).click();
  await page.getByRole('status').filter({ hasText: 'Nia New was added.' }).waitFor();
  const card = page.locator('.card').filter({ has: page.getByRole('heading', { name: 'Nia New' }) });
  await card.locator('dd', { hasText: /^Manager$/ }).waitFor();
  await card.locator('dd', { hasText: 'Complaints Review' }).waitFor();
  await checkAndPhotograph(page, 'admin-staff');

  await card.getByText('Change Nia New').click();
  await card.getByLabel('Role').selectOption('agent');
  await card.getByRole('button', { name: 'Save Nia New' }).click();
  await card.locator('dd', { hasText: /^Agent$/ }).waitFor();
  await card.getByRole('button', { name: 'Deactivate Nia New' }).click();
  await card.locator('dd', { hasText: /^Deactivated$/ }).waitFor();
  const nia = (await asAdmin('GET', '/api/v1/staff')).staff.find((s) => s.email === 'nia@example.org');
  assert.equal(nia.role, 'agent');
  assert.equal(nia.active, false);
  assert.deepEqual(await seriousViolations(page), []);
});

test('the calendar preview shows the bank holidays of 2027 for the default policy', async () => {
  const page = await staffPage('admin@example.org', '#/staff/admin/calendar');
  await page.getByLabel(/^Year/).fill('2027');
  await page.getByRole('button', { name: 'Show the calendar' }).click();
  await page.getByRole('heading', { name: 'The calendar of 2027' }).waitFor();
  const dates = await page.locator('.closed-dates time').evaluateAll((times) =>
    times.map((time) => time.getAttribute('datetime')));
  assert.deepEqual(dates, ['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31',
    '2027-08-30', '2027-12-27', '2027-12-28']);
  await page.getByText(/Monday,? 27 December 2027: /).waitFor();
  await page.getByRole('row', { name: /Monday 09:00–17:30/ }).waitFor();
  await page.getByRole('row', { name: /Saturday Closed/ }).waitFor();
  await checkAndPhotograph(page, 'admin-calendar');
  await page.getByLabel(/^Year/).fill('3000');
  await page.getByRole('button', { name: 'Show the calendar' }).click();
  await page.locator('#calendar-year-error').getByText(/year must be from/).waitFor();
  assert.deepEqual(await seriousViolations(page), []);
});

test('a manager opens the dashboard and sees the figures of the cases on file', async () => {
  const manager = (await asAdmin('GET', '/api/v1/staff')).staff.find((s) => s.role === 'manager');
  const certificates = await asAdmin('POST', '/api/v1/departments',
    { name: 'Certificates', manager_id: manager.id });
  const asManager = await env.server.signIn('manager@example.org');
  const contact = (subject, extra) => asManager('POST', '/api/v1/contacts', {
    kind: 'complaint', channel: 'post', subject, department_id: certificates.id,
    customer: { name: 'Cy Certain', email: 'cy@example.com' }, ...extra,
  });
  const old = await contact('Lost certificate letter', { received_at: '2026-01-05T10:00:00+00:00' });
  const fresh = await contact('Certificate reprint', { kind: 'question', channel: 'phone' });

  const page = await staffPage('manager@example.org', '#/staff/dashboard');
  await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
  const total = (name) => page.locator('.totals div').filter({ hasText: name }).locator('dd');
  assert.equal(await total('Open cases').textContent(), '2');
  assert.equal(await total('Late (breached)').textContent(), '1');
  const row = page.getByRole('table', { name: /Open cases by department/ })
    .getByRole('row', { name: /Certificates/ });
  assert.deepEqual(await row.locator('td').allTextContents(), ['2', await row.locator('td').nth(1).textContent(), '1']);
  await page.getByRole('img', { name: /Open cases by department/ }).waitFor();
  const oldest = page.locator('table').filter({ hasText: 'Received' }).locator('tbody th');
  assert.deepEqual(await oldest.allTextContents(), [old.reference, fresh.reference]);
  assert.equal(await page.getByText('The policy is due for review').count(), 0);
  await checkAndPhotograph(page, 'dashboard');

  // A policy past its review date: the dashboard says so.
  const active = await asAdmin('GET', '/api/v1/policy');
  await asAdmin('POST', '/api/v1/policy',
    { text: active.text.replace(/review_date = "[0-9-]+"/, 'review_date = "2026-01-31"') });
  await page.reload();
  await page.getByRole('heading', { name: 'The policy is due for review' }).waitFor();
  await page.getByText(/reviewed by Saturday,? 31 January 2026/).waitFor();
  await checkAndPhotograph(page, 'dashboard-review-due');
});

test('the dashboard and admin speak Spanish, and the admin sections are reached by keyboard', async () => {
  const page = await staffPage('admin@example.org', '#/staff/dashboard', { locale: 'es-ES' });
  await page.getByRole('heading', { name: 'Panel de gestión', level: 1 }).waitFor();
  await page.getByRole('table', { name: /Casos abiertos por departamento/ }).waitFor();
  assert.deepEqual(await seriousViolations(page), []);
  await page.goto(env.server.url + '/#/staff/admin/staff');
  await page.getByRole('heading', { name: 'Administración: Personal y funciones' }).waitFor();
  // Tab from the top of the page to the calendar section and open it with Enter.
  let focused = '';
  for (let i = 0; i < 12 && focused !== 'Calendario'; ++i) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
  }
  assert.equal(focused, 'Calendario');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Mostrar el calendario' }).waitFor();
  assert.deepEqual(await seriousViolations(page), []);
  await screenshot(page, 'admin-calendar-es');
});
