// The queue with 10,000 open cases (STAFF_QUEUE_CASES to change it) in a real browser against a
// real server: only the rows in view are in the page, pages are fetched as the reader moves
// down, and the keyboard reaches rows far down the list.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { screenshot, serverAndBrowser } from './harness.mjs';
import { assertAccessible, signInPage } from './staff-helpers.mjs';

const count = Number(process.env.STAFF_QUEUE_CASES ?? 10000);
const fixture = serverAndBrowser({ setup: async ({ server }) => {
  server.addStaff('agent@example.org', 'Alan Agent', 'agent');
  const agent = await server.signIn('agent@example.org');
  // Sixteen writers at once, each taking the next number until all are logged.
  let next = 0;
  await Promise.all(Array.from({ length: 16 }, async () => {
    for (let i = next++; i < count; i = next++) {
      await agent('POST', '/api/v1/contacts', {
        kind: 'complaint', channel: 'post', subject: `Letter number ${i + 1}`,
        customer: { name: `Customer ${i + 1}` },
      });
    }
  }));
} });

test(`the queue of ${count} open cases renders only the rows in view and loads more as the reader moves down`, async () => {
  const { server, browser } = fixture;
  const agent = await signInPage(browser, server, 'agent@example.org');
  const rows = agent.locator('.virtual-list li');
  await rows.first().waitFor();
  assert.ok(await rows.count() < 40, `${await rows.count()} rows rendered`);
  await assertAccessible(agent);
  await screenshot(agent, 'staff-queue-full');

  await rows.first().locator('a').focus();
  const pages = Math.min(4, Math.ceil(count / 100) - 1);
  for (let i = 0; i < pages; i++) {
    await agent.keyboard.press('End');
    await agent.waitForFunction((n) => document.querySelectorAll('.virtual-list li').length > 0
      && Number(document.activeElement?.closest('li')?.getAttribute('aria-posinset')) >= n, (i + 1) * 100);
    // Reaching the end asked for the next page: wait for it, so that the next End goes past it
    // (pressed while it is on its way, End stays on the row it is on).
    await agent.getByRole('status').filter({ hasText: new RegExp(`^${Math.min(count, (i + 2) * 100)} cases`) }).waitFor();
  }
  // A page more was fetched each time the reader reached the end of those loaded.
  await agent.getByRole('status').filter({ hasText: new RegExp(`^${Math.min(count, 100 * (pages + 1))} cases`) }).waitFor();
  const position = Number(await agent.evaluate(() => document.activeElement.closest('li').getAttribute('aria-posinset')));
  assert.ok(position >= pages * 100, `focus reached row ${position}`);
  assert.ok(await rows.count() < 40, `${await rows.count()} rows rendered after moving down`);
  await agent.keyboard.press('ArrowUp');
  assert.equal(
    Number(await agent.evaluate(() => document.activeElement.closest('li').getAttribute('aria-posinset'))),
    position - 1,
  );
  await agent.keyboard.press('Enter');
  await agent.getByRole('heading', { level: 1, name: /Letter number/ }).waitFor();
});
