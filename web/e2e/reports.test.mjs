// The reports page in a real browser against a real server: a manager reads this year's
// performance against the default policy's standards and the contacts the test put on file, as
// the API counts them, then narrows the report to complaints; an agent is offered no reports.
// The page is checked with axe-core and photographed at 1280 and 320 px.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { serverAndBrowser } from './harness.mjs';
import { checkAndPhotograph, openStaffPage } from './staff-helpers.mjs';

const env = serverAndBrowser({
  setup: async ({ server }) => {
    server.addStaff('manager@example.org', 'Mo Manager', 'manager');
    server.addStaff('agent@example.org', 'Alan Agent', 'agent');
    env.asManager = await server.signIn('manager@example.org');
    env.asAgent = await server.signIn('agent@example.org');
  },
});

const staffPage = (email, hash, options) => openStaffPage(env.browser, env.server, email, hash, options);

// The texts of the cells of the row of `table` whose header cell says `name`.
async function cells(table, name) {
  const row = table.getByRole('row', { name });
  await row.waitFor();
  return row.locator('td').allTextContents();
}

test("a manager reads this year's performance against the standards and the contacts on file", async () => {
  const contact = (subject, extra) => env.asManager('POST', '/api/v1/contacts', {
    kind: 'complaint', channel: 'post', subject,
    customer: { name: 'Cy Certain', email: 'cy@example.com' }, ...extra,
  });
  const complaint = await contact('Lost certificate letter');
  await contact('Certificate reprint', { kind: 'question', channel: 'phone' });
  // Acknowledged at once: the acknowledgement standard has a deadline met, so it has a bar.
  await env.asManager('POST', `/api/v1/cases/${complaint.reference}/events`, { type: 'acknowledged' });

  const report = await env.asManager('GET', '/api/v1/reports/performance');
  assert.equal(report.total.contacts, 2);
  const ack = report.total.standards.find((s) => s.standard === 'complaint-ack');
  assert.equal(ack.name, 'We acknowledge complaints within 5 working days');
  assert.equal(ack.met, 1, JSON.stringify(ack));
  assert.equal(ack.share_met, 1, JSON.stringify(ack));
  assert.equal(ack.target_met, true, JSON.stringify(ack));

  const page = await staffPage('manager@example.org', '#/staff/reports');
  await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
  const nav = page.getByRole('navigation', { name: 'Staff pages' });
  assert.equal(await nav.getByRole('link', { name: 'Reports' }).getAttribute('aria-current'), 'page');

  const standards = page.getByRole('table', { name: 'How each standard was met' });
  const ackCells = await cells(standards, /^We acknowledge complaints within 5 working days/);
  assert.deepEqual(ackCells, ['100 % within 5 working days', '100 %',
    `${ack.met + ack.breached} (${ack.met} met, ${ack.breached} late)`, String(ack.pending), 'Target met']);
  assert.equal(await standards.locator('tbody tr').count(), report.total.standards.length);
  await page.getByRole('img', { name: /Share met in time, by standard/ }).waitFor();

  const contacts = page.getByRole('table', { name: 'Contacts in the period' });
  assert.deepEqual(await cells(contacts, /^All contacts/), ['2']);
  assert.deepEqual(await cells(contacts, /^Complaints/), ['1']);
  await page.getByRole('table', { name: 'The period month by month' }).waitFor();
  await checkAndPhotograph(page, 'reports');

  // Complaints only: the form asks again, and the figures follow.
  await page.getByRole('group', { name: 'Kinds of contact' }).getByLabel('A complaint').check();
  await page.getByRole('button', { name: 'Show the report' }).click();
  await page.getByText('Only: A complaint.').waitFor();
  assert.deepEqual(await cells(contacts, /^All contacts/), ['1']);
});

test('an agent is offered no reports, and the API refuses them the figures', async () => {
  const page = await staffPage('agent@example.org', '#/staff/queue');
  const nav = page.getByRole('navigation', { name: 'Staff pages' });
  await nav.getByRole('link', { name: 'Queue' }).waitFor();
  assert.equal(await nav.getByRole('link', { name: 'Reports' }).count(), 0);
  await page.goto(env.server.url + '/#/staff/reports');
  await page.getByRole('heading', { name: 'Page not found', level: 1 }).waitFor();
  await assert.rejects(env.asAgent('GET', '/api/v1/reports/performance'), /: 403 /);
});
