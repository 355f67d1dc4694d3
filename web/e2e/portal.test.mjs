// The customer portal in a real browser against a real server: submitting a complaint without
// an account, the reference and dates that come back, and following the case with the code.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  newPage, phone, screenshot, seriousViolations, serverAndBrowser,
} from './harness.mjs';

const env = serverAndBrowser();

test('a customer submits a complaint and follows it with the reference and code', async () => {
  const page = await newPage(env.browser);
  await page.goto(env.server.url + '/');
  assert.deepEqual(await seriousViolations(page), []);
  await screenshot(page, 'portal-submit');
  await page.getByLabel('What is it about?').selectOption('complaint');
  await page.getByLabel('Subject').fill('My certificate has not arrived');
  await page.getByLabel(/Tell us what happened/).fill('I passed in October and I am still waiting.');
  await page.getByLabel('Your name').fill('Carmen Ruiz');
  await page.getByLabel('Your email address').fill('carmen@example.org');
  await page.getByLabel(/^Attach files/).setInputFiles({
    name: 'recibo de marzo.txt', mimeType: 'text/plain', buffer: Buffer.from('Paid 40 pounds on 3 March'),
  });
  await page.getByRole('button', { name: 'Send' }).click();
  const heading = page.getByRole('heading', { level: 1 });
  await assert.doesNotReject(heading.filter({ hasText: 'we have your complaint' }).waitFor());
  const reference = (await page.getByText(/Your reference is/).textContent()).match(/is (\S+)\./)[1];
  assert.match(reference, /\d/);
  assert.ok(await page.locator('.deadlines li').count() >= 1, 'the dates to expect are shown');
  assert.deepEqual(await seriousViolations(page), []);
  await screenshot(page, 'portal-submitted');
  await page.getByRole('link', { name: 'Follow your case' }).click();
  await page.getByRole('heading', { name: new RegExp(reference) }).waitFor();
  assert.equal(await page.locator('.facts dd').nth(1).textContent(), 'Open');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download recibo de marzo.txt' }).click();
  const file = await downloading;
  assert.equal(file.suggestedFilename(), 'recibo de marzo.txt');
  assert.equal(readFileSync(await file.path(), 'utf8'), 'Paid 40 pounds on 3 March');
  assert.deepEqual(await seriousViolations(page), []);
  await screenshot(page, 'portal-track');
});

test('a wrong tracking code finds nothing and says so', async () => {
  const page = await newPage(env.browser, { viewport: phone });
  await page.goto(env.server.url + '/#/track');
  await page.getByLabel('Reference').fill('CD-2026-999999');
  await page.getByLabel('Tracking code').fill('not-the-code');
  await page.getByRole('button', { name: 'Show my case' }).click();
  await page.getByRole('alert').getByText(/could not find a case/).waitFor();
  assert.deepEqual(await seriousViolations(page), []);
  await screenshot(page, 'portal-track-not-found');
});

test('the portal is usable at 320 px: nothing scrolls sideways', async () => {
  const page = await newPage(env.browser, { viewport: phone });
  await page.goto(env.server.url + '/');
  await page.getByLabel('Subject').waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
  await screenshot(page, 'portal-submit');
});
