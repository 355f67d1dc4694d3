// Steps the staff console's end-to-end tests share: signing in through the form (or straight into
// a page), opening one action's disclosure on the case page and recording it, checking a page at
// desktop and phone width, and a customer's complaint through the portal's API (the portal's own
// pages are tested in portal.test.mjs).
import assert from 'node:assert/strict';
import { desktop, newPage, phone, screenshot, seriousViolations, staffPassword } from './harness.mjs';

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

// A browser page signed in as `email` (the session cookie in its context, the CSRF token where
// the staff shell keeps it), at `hash`.
export async function openStaffPage(browser, server, email, hash, { viewport = desktop, locale = 'en-GB' } = {}) {
  const page = await newPage(browser, { viewport, locale });
  await page.goto(server.url + '/');
  await page.evaluate(async ({ email, password }) => {
    const reply = await fetch('/api/v1/sessions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (!reply.ok) throw new Error(await reply.text());
    sessionStorage.setItem('caredesk.csrf', (await reply.json()).csrf_token);
  }, { email, password: staffPassword });
  // Loaded afresh, as after a sign-in: the UI takes the token from the tab's session storage.
  await page.goto(server.url + '/' + hash);
  await page.reload();
  return page;
}

// Checks the page with axe-core and photographs it at desktop and phone width, where nothing may
// be wider than the screen.
export async function checkAndPhotograph(page, name) {
  assert.deepEqual(await seriousViolations(page), []);
  await screenshot(page, name);
  await page.setViewportSize(phone);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  const widest = await page.evaluate(() => [...document.querySelectorAll('body *')]
    .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
    .map((e) => `${e.tagName}.${e.className?.baseVal ?? e.className}`).slice(0, 5).join(' '));
  assert.ok(overflow <= 0, `${name} is ${overflow}px wider than a 320 px screen: ${widest}`);
  assert.deepEqual(await seriousViolations(page), []);
  await screenshot(page, name);
  await page.setViewportSize(desktop);
}
