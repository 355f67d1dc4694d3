// What caredesk writes and sends, in a real browser against a real server: an admin edits a
// message template with its live preview and saves it; an agent makes a call the outbox asks for
// and marks it done, and the call is on the case; a manager announces a service notice, which the
// portal shows on every page; a customer says how we did. Every page is checked with axe-core and
// photographed at 1280 and 320 px.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newPage, phone, screenshot, seriousViolations, serverAndBrowser } from './harness.mjs';
import { checkAndPhotograph, openStaffPage } from './staff-helpers.mjs';

const env = serverAndBrowser({
  setup: async ({ server }) => {
    server.addStaff('agent@example.org', 'Alex Agent', 'agent');
    server.addStaff('manager@example.org', 'Mo Manager', 'manager');
    env.asAdmin = await server.signIn('admin@example.org');
    env.asAgent = await server.signIn('agent@example.org');
    env.asManager = await server.signIn('manager@example.org');
  },
});
const staffPage = (email, hash, options) => openStaffPage(env.browser, env.server, email, hash, options);

test('an admin edits a template, sees it previewed with sample values, and saves it', async () => {
  const page = await staffPage('admin@example.org', '#/staff/admin/templates');
  await page.getByRole('heading', { name: 'Templates', exact: true }).waitFor();
  await page.getByText('Every template in force is complete and correct.').waitFor();
  const row = page.getByRole('row', { name: /^Reply English/ });
  await row.getByText('As shipped').waitFor();
  await checkAndPhotograph(page, 'admin-templates');

  await page.getByRole('button', { name: 'Edit Reply (English)' }).click();
  await page.getByRole('heading', { name: 'Edit: Reply (English)' }).waitFor();
  await page.getByRole('term').filter({ hasText: '{{reply_text}}' }).getByText('must be used').waitFor();
  await page.getByLabel(/^Subject/).fill('[{{reference}}] Our answer to you');
  await page.getByText('Subject: [CD-2026-000123] Our answer to you').waitFor();
  const email = page.frameLocator('iframe.preview-frame');
  await email.getByText('Alex Morgan', { exact: false }).first().waitFor();
  assert.match(await page.locator('.preview-text').textContent(), /We have looked into what happened\./);

  // A draft that leaves out the reply itself is refused, and says why beside the text.
  const text = page.getByLabel(/^Text/);
  const shipped = await text.inputValue();
  await text.fill('Dear {{customer_name}},\n\nThank you.');
  await page.getByText(/must use `reply_text`/).first().waitFor(); // the live preview's problems
  await page.getByRole('button', { name: 'Save the template' }).click();
  await page.getByRole('alert').getByText(/must use `reply_text`/).first().waitFor();
  assert.equal(await text.getAttribute('aria-invalid'), 'true');
  assert.deepEqual(await seriousViolations(page), []);

  await text.fill(shipped);
  await page.getByRole('button', { name: 'Save the template' }).click();
  await page.getByRole('status').filter({ hasText: 'The template "Reply (English)" was saved.' }).waitFor();
  await row.getByText('Edited').waitFor();
  const listing = await env.asAdmin('GET', '/api/v1/templates');
  const reply = listing.templates.find((t) => t.kind === 'reply' && t.language === 'en');
  assert.equal(reply.edited, true);
  assert.equal(reply.subject, '[{{reference}}] Our answer to you');
  await checkAndPhotograph(page, 'admin-template-editor');
});

test('an agent makes the call a notice asks for, marks it done, and the call is on the case', async () => {
  const contact = await env.asAgent('POST', '/api/v1/contacts', {
    kind: 'complaint', channel: 'phone', subject: 'Certificate never came',
    customer: { name: 'Cy Call', phone: '0113 496 0001' },
  });
  await env.asAgent('PATCH', `/api/v1/customers/${contact.customer.id}`, { contact_preference: 'phone' });
  const notice = await env.asManager('POST', '/api/v1/notices', {
    title: 'Post delayed', text: 'Letters may take a week to arrive.', notify: true,
  });
  assert.equal(notice.notified, 1);

  const page = await staffPage('agent@example.org', '#/staff/todo');
  await page.getByRole('heading', { name: 'To do', level: 1 }).waitFor();
  const task = page.locator('.tasks li').filter({ has: page.getByRole('heading', { name: 'Call Cy Call 0113 496 0001' }) });
  await task.getByRole('link', { name: `Case ${contact.reference}` }).waitFor();
  await task.getByText(`[${contact.reference}] Post delayed`).waitFor();
  await task.getByText('What to say').click();
  await task.getByText(/Letters may take a week to arrive\./).waitFor();
  await checkAndPhotograph(page, 'staff-todo');

  await task.getByRole('button', { name: 'Mark done: Call Cy Call 0113 496 0001' }).click();
  await page.getByRole('alert').waitFor(); // what was said is needed
  await task.getByLabel(/^What was said on the call/).fill('Told Cy the post is slow this week.');
  await task.getByRole('button', { name: /^Mark done/ }).click();
  await page.getByRole('status').filter({ hasText: 'Done: Call Cy Call 0113 496 0001.' }).waitFor();
  await page.getByText('Nothing to do: every letter is posted and every call made.').waitFor();
  assert.deepEqual(await seriousViolations(page), []);

  await page.goto(`${env.server.url}/#/staff/case/${contact.reference}`);
  await page.getByText('Told Cy the post is slow this week.').waitFor();
  const messages = page.locator('section.case-messages');
  const message = messages.locator('summary').filter({ hasText: 'Post delayed' });
  await message.getByText('Call', { exact: true }).waitFor();
  await message.getByText('Sent', { exact: true }).waitFor();
  await checkAndPhotograph(page, 'staff-case-messages');
  await env.asManager('PUT', `/api/v1/notices/${notice.id}`, {});
});

test('a manager announces a notice, the portal shows it on every page, and a customer rates us', async () => {
  const page = await staffPage('manager@example.org', '#/staff/notices');
  await page.getByRole('heading', { name: 'Service notices', level: 1 }).waitFor();
  await page.getByLabel(/^Title/).fill('Phones down');
  await page.getByLabel(/^What customers should know/).fill('Our phone lines are down today; email us instead.');
  await page.getByRole('combobox', { name: /^Service/ }).selectOption('Customer Services');
  await page.getByRole('button', { name: 'Publish the notice' }).click();
  await page.getByRole('status').filter({ hasText: 'The notice "Phones down" is on the portal.' }).waitFor();
  await page.getByRole('row', { name: /Phones down.*Customer Services.*In force/ }).waitFor();
  await checkAndPhotograph(page, 'staff-notices');

  const portal = await newPage(env.browser);
  await portal.goto(env.server.url + '/');
  const banner = portal.getByRole('region', { name: 'Service notices' });
  await banner.getByText('Phones down').waitFor();
  await banner.getByText('Affects: Customer Services').waitFor();
  assert.equal(await banner.getByText('Post delayed').count(), 0, 'an ended notice is not shown');
  assert.deepEqual(await seriousViolations(portal), []);
  await screenshot(portal, 'portal-notice');

  await portal.getByRole('link', { name: 'How did we do?' }).click();
  await portal.getByRole('heading', { name: 'How did we do?', level: 1 }).waitFor();
  await banner.getByText('Phones down').waitFor(); // on every page
  await portal.getByRole('button', { name: 'Send' }).click();
  await portal.getByRole('alert').getByText('Choose a rating from 1 to 5.').waitFor();
  await portal.getByRole('group', { name: /How would you rate us/ }).getByLabel('4: good').check();
  await portal.getByLabel(/^Anything you would like to tell us/).fill('Quick and kind on the phone.');
  await portal.getByRole('button', { name: 'Send' }).click();
  await portal.getByRole('status').filter({ hasText: 'Thank you. We read every response.' }).waitFor();
  assert.deepEqual(await seriousViolations(portal), []);
  await screenshot(portal, 'portal-feedback');
  await portal.setViewportSize(phone);
  const overflow = await portal.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the feedback page is ${overflow}px wider than a 320 px screen`);
  await screenshot(portal, 'portal-feedback');

  const answers = await env.asManager('GET', '/api/v1/satisfaction');
  assert.equal(answers.counts['4'], 1);
  assert.equal(answers.comments[0].comment, 'Quick and kind on the phone.');
  assert.equal(answers.comments[0].language, 'en');
});
