// A customer with a portal account: signs in, sees every case of theirs (and nobody else's),
// opens one without its tracking code and adds information to it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  newPage, phone, screenshot, seriousViolations, staffPassword, serverAndBrowser,
} from './harness.mjs';

const env = serverAndBrowser();

async function contact(email, subject) {
  const reply = await fetch(`${env.server.url}/api/v1/portal/contacts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'complaint', subject, body: 'Details', customer: { name: email, email } }),
  });
  assert.equal(reply.status, 201, await reply.clone().text());
  return (await reply.json()).reference;
}

test('a signed-in customer sees only their cases and follows one without the code', async () => {
  const first = await contact('amaia@example.org', 'Leaking roof');
  const second = await contact('amaia@example.org', 'Missed appointment');
  await contact('someone.else@example.org', 'Not Amaia at all');
  env.server.customerPassword('amaia@example.org');

  const page = await newPage(env.browser, { viewport: phone });
  await page.goto(env.server.url + '/#/account');
  await page.getByLabel('Your email address').fill('amaia@example.org');
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('alert').getByText('The email address or password is not right.').waitFor();
  await page.getByLabel('Password').fill(staffPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: `${first}: Leaking roof` }).waitFor();
  await page.getByRole('link', { name: `${second}: Missed appointment` }).waitFor();
  assert.equal(await page.getByText('Not Amaia at all').count(), 0);
  assert.deepEqual(await seriousViolations(page), []);
  await screenshot(page, 'portal-account');

  await page.getByRole('link', { name: `${first}: Leaking roof` }).click();
  await page.getByRole('heading', { name: `${first}: Leaking roof` }).waitFor();
  await page.reload(); // the session and its CSRF token survive a reload
  await page.getByRole('heading', { name: `${first}: Leaking roof` }).waitFor();
  await page.getByRole('textbox', { name: /Add information/ }).fill('The leak is over the kitchen.');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.getByText('The leak is over the kitchen.').waitFor();

  await page.goto(env.server.url + '/#/account');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
});
