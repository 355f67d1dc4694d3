// A queue of 10,000 open cases scrolls smoothly (issue 5): a real caredesk with 10,000 open
// contacts logged through the API, the staff console's queue in Chromium, and the list
// scrolled from top to bottom by a steady 40 rows a frame while it fetches the pages it needs.
// Frame times come from requestAnimationFrame; the DOM's row count shows the virtualisation.
//   node bench/web/queue_scroll.mjs [path/to/caredesk] [cases]   (from the repository root)
import { join, resolve } from 'node:path';

const repo = resolve(new URL('../..', import.meta.url).pathname);
process.env.CAREDESK_BIN ??= process.argv[2] ?? join(repo, 'build/src/app/caredesk');
const cases = Number(process.argv[3] ?? 10000);
const { launchBrowser, newPage, startServer, staffPassword } = await import(join(repo, 'web/e2e/harness.mjs'));

const server = await startServer();
const browser = await launchBrowser();
try {
  const admin = await server.signIn('admin@example.org');
  const { id } = await admin('POST', '/api/v1/departments', { name: 'Certificates' });
  void id;
  server.addStaff('agent@example.org', 'Alex Agent', 'agent', 'Certificates');
  const agent = await server.signIn('agent@example.org');
  const started = Date.now();
  let next = 0;
  const kinds = ['complaint', 'question', 'service_request', 'comment'];
  const channels = ['phone', 'post', 'email', 'in_person'];
  await Promise.all(Array.from({ length: 16 }, async () => {
    for (let i = next++; i < cases; i = next++) {
      await agent('POST', '/api/v1/contacts', {
        kind: kinds[i % 4], channel: channels[i % 4], subject: `Queue case ${i}`,
        body: 'A case for the scrolling benchmark', customer: { name: `Customer ${i % 997}` },
      });
    }
  }));
  console.log(JSON.stringify({ logged_cases: cases, seconds: (Date.now() - started) / 1000 }));

  const page = await newPage(browser);
  await page.goto(server.url + '/#/staff');
  await page.getByLabel(/email/i).fill('agent@example.org');
  await page.getByLabel(/password/i).fill(staffPassword);
  await page.getByRole('button', { name: /sign in/i }).click();
  await page.locator('.virtual-list li').first().waitFor();
  const result = await page.evaluate(async ({ cases }) => {
    const list = document.querySelector('.virtual-list');
    const rowHeight = list.querySelector('li').getBoundingClientRect().height;
    const frames = [];
    let maxRows = 0;
    let last = performance.now();
    const begin = last;
    await new Promise((done) => {
      function frame(now) {
        frames.push(now - last);
        last = now;
        maxRows = Math.max(maxRows, list.querySelectorAll('li').length);
        const bottom = list.scrollHeight - list.clientHeight;
        const loaded = Math.round(list.scrollHeight / rowHeight);
        if (list.scrollTop >= bottom - 1 && loaded >= cases) return done();
        if (now - begin > 120000) return done();
        list.scrollTop = Math.min(bottom, list.scrollTop + 40 * rowHeight);
        requestAnimationFrame(frame);
      }
      requestAnimationFrame(frame);
    });
    frames.shift();
    const sorted = [...frames].sort((a, b) => a - b);
    const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    return {
      rows_loaded: Math.round(list.scrollHeight / rowHeight),
      seconds_to_bottom: (performance.now() - begin) / 1000,
      frames: frames.length,
      frame_ms_median: at(0.5),
      frame_ms_p95: at(0.95),
      frame_ms_p99: at(0.99),
      frames_over_50ms: frames.filter((f) => f > 50).length,
      most_rows_in_the_dom: maxRows,
    };
  }, { cases });
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
  await server.stop();
}
