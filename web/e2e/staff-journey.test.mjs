// The staff console in a real browser against a real server: a customer's complaint reaches an
// agent's queue, is acknowledged, answered and resolved, and the customer reads the reply and
// rates it; a manager handles the stage-2 review the customer then asks for.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { newPage, phone, screenshot, serverAndBrowser } from './harness.mjs';
import {
  assertAccessible, expectRecorded, portalComplaint, recordAction, signInPage,
} from './staff-helpers.mjs';

const fixture = serverAndBrowser({ setup: async ({ server }) => {
  const admin = await server.signIn('admin@example.org');
  await admin('POST', '/api/v1/departments', { name: 'Certificates' });
  server.addStaff('agent@example.org', 'Alan Agent', 'agent', 'Certificates');
  server.addStaff('manager@example.org', 'Maria Manager', 'manager', 'Certificates');
} });

test('a complaint goes from the portal to an agent and back to the customer, who rates the reply', async () => {
  const { server, browser } = fixture;
  const customer = await newPage(browser);
  await customer.goto(server.url + '/');
  await customer.getByLabel('What is it about?').selectOption('complaint');
  await customer.getByLabel('Subject').fill('My certificate has not arrived');
  await customer.getByLabel(/Tell us what happened/).fill('I passed in October and I am still waiting.');
  await customer.getByLabel('Your name').fill('Carmen Ruiz');
  await customer.getByLabel('Your email address').fill('carmen@example.org');
  await customer.getByRole('button', { name: 'Send' }).click();
  const reference = (await customer.getByText(/Your reference is/).textContent()).match(/is (\S+)\./)[1];

  const agent = await signInPage(browser, server, 'agent@example.org');
  const row = agent.getByRole('link', { name: new RegExp(reference) });
  await row.waitFor();
  assert.match(await row.textContent(), /My certificate has not arrived/);
  assert.match(await row.textContent(), /Next due .*2026/);
  assert.match(await row.textContent(), /On track/);
  await assertAccessible(agent);
  await screenshot(agent, 'staff-queue');

  await agent.getByRole('searchbox', { name: 'Search' }).fill('certificate');
  await agent.getByRole('button', { name: 'Search', exact: true }).click();
  await agent.getByRole('status').filter({ hasText: '1 case' }).waitFor();

  await row.click();
  await agent.getByRole('heading', { level: 1, name: new RegExp(reference) }).waitFor();
  const deadlines = agent.getByRole('table');
  // The standards' published names arrive with the active policy, which loads beside the case.
  await deadlines.getByText('We acknowledge complaints within 5 working days').waitFor();
  assert.match(await deadlines.textContent(), /We acknowledge complaints within 5 working days/);
  assert.match(await deadlines.textContent(), /We reply fully to complaints within 10 working days/);
  await agent.getByRole('heading', { name: 'Their other cases' }).waitFor();
  await agent.getByText('No other cases.').waitFor();
  await assertAccessible(agent);
  await screenshot(agent, 'staff-case');

  await recordAction(agent, 'Acknowledge', 'Acknowledge');
  await expectRecorded(agent, 'Acknowledged');
  await recordAction(agent, 'Reply', 'Record the reply', (form) =>
    form.getByLabel('Summary').fill('Your certificate was posted today by recorded delivery.'));
  await expectRecorded(agent, 'Replied');
  const history = agent.getByRole('region', { name: 'History' }).or(agent.locator('section[aria-labelledby="timeline-title"]'));
  assert.match(await history.textContent(), /Replied.*AA/s);

  // A refused action says why beside the field it names.
  const resolve = await recordAction(agent, 'Resolve', 'Resolve');
  await resolve.locator('.field-error').filter({ hasText: /outcome/ }).waitFor();
  await assertAccessible(agent);
  await resolve.getByLabel('Outcome').selectOption('upheld');
  await resolve.getByRole('button', { name: 'Add a remedy' }).click();
  await resolve.getByLabel('Description').fill('We apologise for the delay.');
  await resolve.getByRole('button', { name: 'Resolve', exact: true }).click();
  await expectRecorded(agent, 'Resolved');
  assert.match(await agent.locator('.timeline').textContent(), /Resolved.*AA.*Outcome.*Upheld.*Apology/s);
  await assertAccessible(agent);
  await screenshot(agent, 'staff-case-resolved');

  // The case's complete file downloads as a PDF named for the case, every entry with its date,
  // time and the initials of who made it.
  const downloading = agent.waitForEvent('download');
  await agent.getByRole('link', { name: 'Download case file (PDF)' }).click();
  const caseFile = await downloading;
  assert.equal(caseFile.suggestedFilename(), `${reference}.pdf`);
  const fileText = execFileSync('pdftotext', ['-enc', 'UTF-8', await caseFile.path(), '-']).toString();
  assert.match(fileText.replace(/\s+/g, ' '), /\d{4}-\d\d-\d\d \d\d:\d\d (GMT|BST) · AA \(Alan Agent\) · Replied to the customer/);

  await customer.goto(`${server.url}/#/track/${reference}`);
  await customer.getByText('Your certificate was posted today by recorded delivery.').waitFor();
  await customer.getByLabel('5').check();
  await customer.getByRole('button', { name: 'Send my rating' }).click();
  await customer.getByText('Your rating').waitFor();
  const customerDownload = customer.waitForEvent('download');
  await customer.getByRole('button', { name: 'Download case file (PDF)' }).click();
  const customerFile = await customerDownload;
  assert.equal(customerFile.suggestedFilename(), `${reference}.pdf`);
  const customerText = execFileSync('pdftotext', ['-enc', 'UTF-8', await customerFile.path(), '-']).toString();
  assert.match(customerText, /customer's copy/);
  assert.match(customerText.replace(/\s+/g, ' '), /Replied to the customer/);

  await agent.reload();
  await agent.getByText('Customer’s rating').waitFor();
});

test('a manager handles the stage-2 review a customer asks for', async () => {
  const { server, browser } = fixture;
  const complaint = await portalComplaint(server, 'Certificate printed with the wrong name', 'John Ortiz');
  const reference = complaint.reference;
  const agent = await server.signIn('agent@example.org');
  await agent('POST', `/api/v1/cases/${reference}/events`, { type: 'acknowledged' });
  await agent('POST', `/api/v1/cases/${reference}/events`, { type: 'resolved', outcome: 'not_upheld' });
  const review = await fetch(`${server.url}/api/v1/portal/cases/${reference}/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tracking-secret': complaint.tracking_secret },
    body: JSON.stringify({ type: 'escalated', reason: 'The name is still wrong' }),
  });
  assert.equal(review.status, 201);

  // Stage 2 is a manager's: the agent may keep the file but is offered no handling.
  const agentPage = await signInPage(browser, server, 'agent@example.org');
  await agentPage.goto(`${server.url}/#/staff/case/${reference}`);
  await agentPage.locator('summary', { hasText: /^Add a note$/ }).waitFor();
  assert.equal(await agentPage.locator('summary', { hasText: /^Resolve$/ }).count(), 0);

  const manager = await signInPage(browser, server, 'manager@example.org');
  await manager.getByRole('link', { name: new RegExp(reference) }).click();
  await manager.getByRole('heading', { level: 1, name: new RegExp(reference) }).waitFor();
  assert.match(await manager.locator('.facts').first().textContent(), /stage 2 \(review\)/);
  await recordAction(manager, 'Acknowledge', 'Acknowledge');
  await expectRecorded(manager, 'Acknowledged');
  await recordAction(manager, 'Reply', 'Record the reply', (form) =>
    form.getByLabel('Summary').fill('We have reissued your certificate with the right name.'));
  await expectRecorded(manager, 'Replied');
  await recordAction(manager, 'Resolve', 'Resolve', async (form) => {
    await form.getByLabel('Outcome').selectOption('upheld');
    await form.getByRole('button', { name: 'Add a remedy' }).click();
    await form.getByLabel('Remedy 1').selectOption('provide_service');
    await form.getByLabel('Description').fill('Certificate reissued.');
  });
  await expectRecorded(manager, 'Resolved');
  const shown = await (await server.signIn('manager@example.org'))('GET', `/api/v1/cases/${reference}`);
  assert.equal(shown.status, 'resolved');
  assert.equal(shown.stage, 'stage2');
  await assertAccessible(manager);
});

test('the queue and the case page work at 320 px: nothing scrolls sideways', async () => {
  const { server, browser } = fixture;
  const { reference } = await portalComplaint(server, 'Phone-width check');
  const agent = await signInPage(browser, server, 'agent@example.org', { viewport: phone });
  await agent.getByRole('link', { name: new RegExp(reference) }).waitFor();
  const overflow = () => agent.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok((await overflow()) <= 0, 'the queue fits');
  await assertAccessible(agent);
  await screenshot(agent, 'staff-queue');
  await agent.getByRole('link', { name: new RegExp(reference) }).click();
  await agent.getByRole('heading', { level: 1, name: new RegExp(reference) }).waitFor();
  await agent.locator('summary', { hasText: /^Resolve$/ }).click();
  const wide = await agent.evaluate(() => [...document.querySelectorAll('body *')]
    .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
    .slice(0, 5).map((e) => `${e.tagName}.${e.className}#${e.id} ${Math.round(e.getBoundingClientRect().right)}`));
  assert.ok((await overflow()) <= 0, `the case page fits: ${wide.join(', ')}`);
  await assertAccessible(agent);
  await screenshot(agent, 'staff-case');
});
