// Live updates in the browser: an agent's queue shows a complaint made on the portal, and a
// change made by a colleague, without anyone reloading the page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { serverAndBrowser } from './harness.mjs';
import { portalComplaint, signInPage } from './staff-helpers.mjs';

const fixture = serverAndBrowser({ setup: async ({ server }) => {
  server.addStaff('agent@example.org', 'Alan Agent', 'agent');
  server.addStaff('colleague@example.org', 'Cora Colleague', 'agent');
} });

test("the queue follows the organisation's cases as they change, with no reload", async () => {
  const { server, browser } = fixture;
  const agent = await signInPage(browser, server, 'agent@example.org');
  await agent.getByRole('status').filter({ hasText: /^0 cases$/ }).waitFor();

  const { reference } = await portalComplaint(server, 'Boiler broken again');
  const row = agent.getByRole('link', { name: new RegExp(reference) });
  await row.waitFor({ timeout: 5000 });
  assert.match(await row.textContent(), /Boiler broken again/);

  const colleague = await server.signIn('colleague@example.org');
  await colleague('POST', `/api/v1/cases/${reference}/events`, { type: 'acknowledged' });
  await colleague('POST', `/api/v1/cases/${reference}/events`, { type: 'resolved', outcome: 'not_upheld',
    summary: 'The boiler was serviced last week' });
  await agent.getByRole('status').filter({ hasText: /^0 cases$/ }).waitFor({ timeout: 5000 });
});
