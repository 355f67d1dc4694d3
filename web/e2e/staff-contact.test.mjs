// Logging a phone call as a new contact in a real browser against a real server: the time it
// was received is kept apart from the time it is logged, and a call acknowledged there and then
// starts its history acknowledged.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newPage, phone, screenshot, staffPassword, serverAndBrowser } from './harness.mjs';
import { assertAccessible, signInPage } from './staff-helpers.mjs';

const fixture = serverAndBrowser({ setup: async ({ server }) => {
  server.addStaff('agent@example.org', 'Alan Agent', 'agent');
} });

test('an agent logs a call received earlier, acknowledged during the call', async () => {
  const { server, browser } = fixture;
  const agent = await signInPage(browser, server, 'agent@example.org');
  await agent.getByRole('link', { name: 'New contact' }).click();
  await agent.getByRole('heading', { level: 1, name: 'Log a new contact' }).waitFor();
  await assertAccessible(agent);
  await screenshot(agent, 'staff-new-contact');
  await agent.getByLabel('Channel').selectOption('phone');
  await agent.getByLabel('What it is about').selectOption('complaint');
  await agent.getByLabel('Received at').fill('2026-11-20T10:15');
  await agent.getByLabel('Subject').fill('Rude reply at the front desk');
  await agent.getByLabel('What the customer said').fill('The customer was spoken to rudely on Friday.');
  await agent.getByLabel('Name').fill('Pablo Gil');
  await agent.getByLabel('Phone').fill('+44 20 7946 0000');
  await agent.getByLabel('I acknowledged it during the call or visit').check();
  await agent.getByRole('button', { name: 'Log the contact' }).click();
  await agent.getByRole('heading', { level: 1, name: /Rude reply at the front desk/ }).waitFor();
  const facts = await agent.locator('.facts').first().textContent();
  assert.match(facts, /Received at.*Friday, 20 November 2026 at 10:15/);
  assert.match(facts, /Logged at.*Sunday|Logged at.*2026/);
  const history = await agent.locator('.timeline').textContent();
  assert.match(history, /Received.*Acknowledged/s);
  assert.match(await agent.locator('.customer-panel').textContent(), /Pablo Gil/);
  await assertAccessible(agent);
});

test('a contact the API refuses says why beside the field', async () => {
  const { server, browser } = fixture;
  const agent = await signInPage(browser, server, 'agent@example.org', { viewport: phone });
  await agent.goto(server.url + '/#/staff/new');
  await agent.getByRole('heading', { level: 1, name: 'Log a new contact' }).waitFor();
  const overflow = await agent.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
  await assertAccessible(agent);
  await screenshot(agent, 'staff-new-contact');
  await agent.getByRole('button', { name: 'Log the contact' }).click();
  await agent.getByRole('alert').waitFor();
  await agent.locator('.field-error').filter({ hasText: /subject/ }).waitFor();
  await assertAccessible(agent);
});

test('staff sign in, read the console in Spanish and sign out', async () => {
  const { server, browser } = fixture;
  const page = await newPage(browser);
  await page.goto(server.url + '/#/staff');
  await page.getByRole('heading', { level: 1, name: 'Staff sign-in' }).waitFor();
  await assertAccessible(page);
  await screenshot(page, 'staff-sign-in');
  await page.getByLabel('Email address').fill('agent@example.org');
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('alert').waitFor();
  await page.getByLabel('Password').fill(staffPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Queue' }).waitFor();
  await page.getByLabel('Language').selectOption('es');
  await page.getByRole('heading', { level: 1, name: 'Cola' }).waitFor();
  await page.getByRole('navigation').getByRole('link', { name: 'Nuevo contacto' }).waitFor();
  await assertAccessible(page);
  await page.getByRole('button', { name: 'Cerrar sesión' }).click();
  await page.getByRole('heading', { level: 1, name: 'Acceso del personal' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Acceso del personal' }).waitFor();
});
