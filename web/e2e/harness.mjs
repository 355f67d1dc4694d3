// End-to-end tests' real parts: a caredesk server on a temporary SQLite file and loopback port,
// staff accounts made with the caredesk CLI, and Debian's Chromium driven by playwright-core.
// Every page a test visits can be checked with axe-core and photographed at desktop and phone
// width (test-results/screenshots/).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const repo = resolve(here, '../..');
const binary = process.env.CAREDESK_BIN ?? join(repo, 'build/src/app/caredesk');
const screenshots = join(here, '..', 'test-results', 'screenshots');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const staffPassword = 'correct horse battery staple';

function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

// Runs the caredesk CLI against the server's store; throws with its stderr when it fails.
function cli(args, input = '') {
  const run = spawnSync(binary, args, { input, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`caredesk ${args.join(' ')}: ${run.stderr}`);
  return run.stdout;
}

// A caredesk server of its own, on `policy` (a file under policies/). `staff` are made before
// it starts: [{ email, name, role, department? }] (departments must then exist: see addDepartment).
// `jobs`: whether the server runs its jobs (automatic acknowledgements, holding replies, alerts;
// docs/mail.md). Off by default: these tests walk staff through each step by hand, and an
// acknowledgement the scheduler sent meanwhile would make theirs a conflict.
export async function startServer({ policy = 'policies/default.toml', jobs = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'caredesk-e2e-'));
  const db = join(dir, 'caredesk.db');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  cli(['migrate', '--db', db]);
  cli(['user', 'add', '--db', db, '--email', 'admin@example.org', '--name', 'Ada Admin',
    '--role', 'admin'], staffPassword + '\n');
  // CAREDESK_WEB_DIR (a vite build directory) serves the UI from disk instead of the binary's
  // embedded copy: for working on the UI without relinking caredesk.
  const webDir = process.env.CAREDESK_WEB_DIR ? ['--web-dir', process.env.CAREDESK_WEB_DIR] : [];
  const child = spawn(binary, ['serve', '--db', db, '--listen', `127.0.0.1:${port}`,
    '--policy', join(repo, policy), '--jobs', jobs ? 'on' : 'off', ...webDir],
    { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr.on('data', (chunk) => (log += chunk));
  const deadline = Date.now() + 15000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`caredesk serve exited: ${log}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {}
    if (Date.now() > deadline) throw new Error(`caredesk serve did not get ready: ${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const server = {
    url,
    db,
    log: () => log,
    // A staff member (with `staffPassword`), made with the CLI while the server runs.
    addStaff: (email, name, role, department) =>
      cli(['user', 'add', '--db', db, '--email', email, '--name', name, '--role', role,
        ...(department ? ['--department', department] : [])], staffPassword + '\n'),
    // A portal account (password `staffPassword`) for a customer already on file.
    customerPassword: (email) =>
      cli(['customer', 'password', '--db', db, '--email', email], staffPassword + '\n'),
    // The JSON API as `email` (signed in with a session): for arranging what a test needs.
    signIn: async (email) => apiSession(url, email),
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return server;
}

async function apiSession(url, email) {
  const response = await fetch(`${url}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: staffPassword }),
  });
  if (!response.ok) throw new Error(`sign-in as ${email}: ${await response.text()}`);
  const cookie = response.headers.get('set-cookie').split(';')[0];
  const { csrf_token: csrf } = await response.json();
  return async (method, path, body) => {
    const reply = await fetch(`${url}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await reply.text();
    if (!reply.ok) throw new Error(`${method} ${path}: ${reply.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
}

// Debian's Chromium, headless; as root it needs --no-sandbox. No network but loopback is needed.
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage'],
  });
}

export const desktop = { width: 1280, height: 900 };
export const phone = { width: 320, height: 640 };

// A page in a fresh context (its own cookies and storage) at `viewport`, in `locale`.
export async function newPage(browser, { viewport = desktop, locale = 'en-GB' } = {}) {
  const context = await browser.newContext({ viewport, locale, timezoneId: 'Europe/London' });
  const page = await context.newPage();
  page.setDefaultTimeout(10000);
  return page;
}

// axe-core on the page as it is now: the serious and critical violations, each as one line
// ("rule: target — summary"), so a failing assertion says what to fix.
export async function seriousViolations(page) {
  await page.evaluate(axeSource);
  const results = await page.evaluate(() =>
    window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }),
  );
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary}`));
}

// Saves a full-page screenshot as test-results/screenshots/NAME-WIDTHpx.png.
export async function screenshot(page, name) {
  mkdirSync(screenshots, { recursive: true });
  const { width } = page.viewportSize();
  await page.screenshot({ path: join(screenshots, `${name}-${width}px.png`), fullPage: true });
}

// The test file's own server and browser, started before its tests and stopped after them:
// `const env = serverAndBrowser(); … env.server.url … env.browser`. `setup(env)`, if given,
// runs once both are up (staff accounts, sessions), before the first test.
export function serverAndBrowser({ setup, ...options } = {}) {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await startServer(options);
    env.browser = await launchBrowser();
    await setup?.(env);
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}
