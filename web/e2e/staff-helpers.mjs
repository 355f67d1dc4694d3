// Steps the staff console's end-to-end tests share: signing in through the form, opening one
// action's disclosure on the case page and recording it, and a customer's complaint through the
// portal's API (the portal's own pages are tested in portal.test.mjs).
import assert from 'node:assert/strict';
import { newPage, seriousViolations, staffPassword } from './harness.mjs';

export async function signInPage(browser, server, email, options = {}) {
  const page = await newPage(browser, options);
  await page.goto(server.url + '/#/staff');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(staffPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  return page;
}

// Opens the action `summary` (its disclosure), lets `fill` complete the form, presses `button`
// and waits for the page to say it was recorded.
export async function recordAction(page, summary, button, fill = async () => {}) {
  const title = page.locator('summary', { hasText: new RegExp(`^${summary}$`) });
  const details = page.locator('details.action').filter({ has: title });
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
  await fill(details);
  await details.getByRole('button', { name: button, exact: true }).click();
  return details;
}

export async function expectRecorded(page, what) {
  await page.getByRole('status').filter({ hasText: `Recorded: ${what}.` }).waitFor();
}

export async function assertAccessible(page) {
  assert.deepEqual(await seriousViolations(page), []);
}

export async function portalComplaint(server, subject, name = 'Carmen Ruiz') {
  const response = await fetch(`${server.url}/api/v1/portal/contacts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      kind: 'complaint', subject, body: 'Still waiting.',
      customer: { name, email: `${name.split(' ')[0].toLowerCase()}@example.org` },
    }),
  });
  assert.equal(response.status, 201);
  return response.json();
}
