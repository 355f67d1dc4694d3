// The portal's first load (issue 5: at most 200 KB of compressed JS and CSS): a fresh browser
// profile opens the portal served by a real caredesk, and every script and style sheet it
// fetches is counted as it came over the wire (gzip when the server sent it so) and as it is.
//   node bench/web/first_load.mjs [path/to/caredesk]        (run from the repository root)
// Prints one JSON line per page and a summary; the figures go in docs/performance.md.
import { join, resolve } from 'node:path';

const repo = resolve(new URL('../..', import.meta.url).pathname);
const { launchBrowser, startServer } = await import(join(repo, 'web/e2e/harness.mjs'));
process.env.CAREDESK_BIN ??= process.argv[2] ?? join(repo, 'build/src/app/caredesk');

const server = await startServer();
const browser = await launchBrowser();
const pages = { portal: '/', track: '/#/track', standards: '/#/standards', staff: '/#/staff' };
const results = {};
try {
  for (const [name, path] of Object.entries(pages)) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const types = new Map();
    const wire = new Map();
    cdp.on('Network.responseReceived', (e) => types.set(e.requestId, { type: e.type, url: e.response.url }));
    cdp.on('Network.loadingFinished', (e) => wire.set(e.requestId, e.encodedDataLength));
    const started = Date.now();
    await page.goto(server.url + path, { waitUntil: 'networkidle' });
    const loadedMs = Date.now() - started;
    let compressed = 0;
    const files = [];
    for (const [id, { type, url }] of types) {
      if (type !== 'Script' && type !== 'Stylesheet') continue;
      compressed += wire.get(id) ?? 0;
      files.push(url.replace(server.url, ''));
    }
    const raw = await page.evaluate(() =>
      performance.getEntriesByType('resource')
        .filter((r) => r.initiatorType === 'script' || r.initiatorType === 'link' || r.name.endsWith('.js') || r.name.endsWith('.css'))
        .reduce((sum, r) => sum + r.decodedBodySize, 0));
    results[name] = { js_css_on_the_wire_bytes: compressed, js_css_decoded_bytes: raw, files, loaded_ms: loadedMs };
    console.log(JSON.stringify({ page: name, ...results[name] }));
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
const budget = 200 * 1024;
const worst = Math.max(...Object.values(results).map((r) => r.js_css_on_the_wire_bytes));
console.log(`largest first load of JS and CSS on the wire: ${(worst / 1024).toFixed(1)} KB ` +
  `(budget ${budget / 1024} KB: ${worst <= budget ? 'met' : 'NOT met'})`);
