// Shared by the browser tests (tests/web/*.test.mjs): the built site served
// by scripts/static-server.mjs with its strict Content-Security-Policy, one
// headless Chromium per test file (Debian's, never downloaded), and pages
// that record what must never happen: console errors, uncaught exceptions,
// CSP violations, dialogs, requests to anything but the local server, and
// any request at all after the page has loaded (the page works offline).
//
// Needs a built site (scripts/build): without one the tests fail, they do
// not skip. Screenshots go to test-results/web/.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

import { CSP } from '../../scripts/static-server.mjs';
import { URL_WRITE_DELAY_MS } from '../../web/state.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SITE = path.join(ROOT, 'build', 'site');
export const ARTIFACTS = path.join(ROOT, 'test-results', 'web');
export const FIXTURES = path.join(ROOT, 'tests', 'web', 'fixtures');
export const TIME_ZONE = 'Europe/Madrid';

export const LAUNCH = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

let server;
let browser;
let started;

/** Starts scripts/static-server.mjs on a free port; resolves {child, url}. */
function startServer() {
  const child = spawn(process.execPath,
    [path.join(ROOT, 'scripts', 'static-server.mjs'), '--root', SITE, '--port', '0', '--host', '127.0.0.1'],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`static server did not start: ${err}`)), 10_000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1] });
      }
    });
    child.stderr.on('data', (chunk) => { err += chunk; });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`static server exited with ${code}: ${err}`));
    });
  });
}

/**
 * Starts the server and the browser once, for the first test that needs
 * them (a failure here fails each test; a hook failure would only cancel).
 */
export function start() {
  started ??= (async () => {
    for (const file of ['index.html', 'app.js', 'plancalc.js', 'generated/plancalc-core.wasm',
      'plan-calculator.js', 'embed-example.html', 'plans/index.json', 'plans/mailstore.json']) {
      assert.ok(fs.existsSync(path.join(SITE, file)), `build/site/${file} is missing: run scripts/build first`);
    }
    server = await startServer();
    browser = await chromium.launch(LAUNCH);
    return { baseUrl: server.url, browser };
  })();
  return started;
}

/** For each test file's after(): closes the browser and stops the server. */
export async function stop() {
  await browser?.close();
  if (server && server.child.exitCode === null) server.child.kill('SIGTERM');
}

/**
 * Opens a URL in a fresh context (pinned time zone, a browser language) and
 * records what must not happen. Returns the page with
 *   page.assertClean()   no console error, uncaught exception, CSP violation,
 *                        dialog, foreign request, or request after load
 *   page.loaded()        marks "loaded": later requests are failures
 *   page.closeAll()      closes its context
 * Options: locale ('en-US'), prepare(context) to route requests first,
 * serviceWorkers ('block'; 'allow' lets the page install its offline cache),
 * permissions, ready (false: do not wait for the page's first result),
 * allowed(url) for requests that may leave the local server (file://).
 */
export async function openPage(urlOrQuery = '', options = {}) {
  const { baseUrl } = await start();
  const {
    locale = 'en-US', prepare, permissions = [], ready: waitReady = true,
    allowed = (url) => url.startsWith(baseUrl), viewport = { width: 1200, height: 900 },
    serviceWorkers = 'block',
  } = options;
  // The offline cache (web/service-worker.js) is blocked unless a test asks
  // for it: its install fetches the page's files again after load, and
  // requests it answers bypass a test's routes.
  const context = await browser.newContext({ timezoneId: TIME_ZONE, locale, viewport, serviceWorkers });
  if (permissions.length) await context.grantPermissions(permissions, { origin: baseUrl.replace(/\/$/, '') });
  if (prepare) await prepare(context);
  const problems = { console: [], pageErrors: [], external: [], afterLoad: [], dialogs: [] };
  const requests = [];
  let isLoaded = false;
  context.on('request', (request) => {
    const url = request.url();
    if (!request.serviceWorker()) requests.push(url);
    if (!allowed(url) && !url.startsWith('data:')) problems.external.push(url);
    // The offline cache filling itself (a service worker's own fetches) is the
    // browser's, not the page asking for anything.
    if (isLoaded && !isTabIcon(url) && !request.serviceWorker()) problems.afterLoad.push(url);
  });
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) {
      problems.console.push(`${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.pageErrors.push(error.message));
  page.on('dialog', (dialog) => {
    problems.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  const url = /^[a-z]+:/.test(urlOrQuery) ? urlOrQuery : baseUrl + urlOrQuery;
  await page.goto(url);
  if (waitReady) await ready(page);

  page.problems = problems;
  /** Every URL the page has requested so far. */
  page.requests = requests;
  page.baseUrl = baseUrl;
  /** From now on the page must make no request (it has everything it needs). */
  page.loaded = async () => {
    await page.waitForLoadState('load');
    isLoaded = true;
  };
  page.assertClean = async () => {
    const csp = await page.evaluate(() => window.__cspViolations);
    assert.deepEqual(csp, [], 'CSP violations');
    assert.deepEqual(problems.console, [], 'console errors');
    assert.deepEqual(problems.pageErrors, [], 'uncaught exceptions');
    assert.deepEqual(problems.dialogs, [], 'dialogs');
    assert.deepEqual(problems.external, [], 'requests to anything but the local server');
    assert.deepEqual(problems.afterLoad, [], 'requests after the page had loaded');
  };
  page.closeAll = () => context.close();
  if (waitReady) await page.loaded();
  return page;
}

/**
 * The page's own icon. Chromium fetches the tab icon again whenever the
 * address changes, also for history.replaceState (the page keeps its state
 * in the URL), and the test server sends every file with Cache-Control:
 * no-store, so the icon is fetched again instead of read from the cache.
 * That is the browser's tab, not the page asking for anything: it is the one
 * request allowed after load.
 */
function isTabIcon(url) {
  return new URL(url).pathname === '/favicon.svg';
}

/** Waits until the page has loaded a price list and shows a result or an error. */
export async function ready(page) {
  await page.locator('#results:not([aria-busy])').waitFor({ state: 'attached', timeout: 15_000 });
}

/**
 * The page's URL once it holds the last change: the page rewrites it
 * URL_WRITE_DELAY_MS after the last input (web/state.js). A timer set now for
 * longer fires after the page's pending one (timers fire by deadline).
 */
export async function settledUrl(page) {
  await page.evaluate((ms) => new Promise((resolve) => setTimeout(resolve, ms)), URL_WRITE_DELAY_MS + 20);
  return page.url();
}

/** The text of a figure of a plan's row in the comparison table. */
export function cell(page, plan, field) {
  const selector = `#comparison tbody[data-plan="${plan}"] td[data-field="${field}"]`;
  return page.locator(field === 'rank' ? selector : `${selector} .amount`);
}

/**
 * For openPage's prepare: serves the fixture page tests/web/fixtures/<name> at
 * the site's address with the site's CSP header, its text passed through
 * replace (e.g. to put a script tag in place of a marker).
 */
export function serveFixture(name, replace = (text) => text) {
  return (context) => context.route(`**/${name}`, (route) => route.fulfill({
    status: 200,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': CSP, 'Cache-Control': 'no-store' },
    body: replace(fs.readFileSync(path.join(FIXTURES, name), 'utf8')),
  }));
}

/** Saves a full-page screenshot of a journey: test-results/web/<name>.png. */
export async function screenshot(page, name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Today's civil date in the pinned time zone, "YYYY-MM-DD". */
export function todayInTimeZone() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date());
}

/** The file:// URL of a file of the built site. */
export function siteFileUrl(relative) {
  return pathToFileURL(path.join(SITE, relative)).href;
}

/** Strings every page text must never show: raw i18n keys and placeholders. */
export function rawKeysIn(text, keys) {
  const found = keys.filter((key) => key.includes('.') && text.includes(key));
  const placeholders = text.match(/\{[a-z_]+\}/g) ?? [];
  return [...found, ...placeholders];
}
