// The page (web/index.html) in headless Chromium, served from build/site by
// scripts/static-server.mjs with its strict Content-Security-Policy. One test
// per user journey. Every page opened here must produce no console error, no
// CSP violation and no request to anything but the local server.
//
// The expected figures are literals worked out by hand from plans/mailstore.json
// (never by calling the engine here): a wrong engine or a wrong page shows up
// as a wrong number.
//
// Needs a built site (scripts/build): without one these tests fail, they do
// not skip. The screenshot goes to test-results/web/compare.png.
import { test, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SITE = path.join(ROOT, 'build', 'site');
const ARTIFACTS = path.join(ROOT, 'test-results', 'web');
const TIME_ZONE = 'Europe/Madrid';

const LAUNCH = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

// MailStore (plans/mailstore.json, graduated per user per year, EUR):
//   standard-annual: users 1–50 at 12.00, 51–250 at 9.00, above at 6.00
//   premium-annual:  users 1–50 at 18.00, 51–250 at 13.50, above at 9.00
// For 101 users from 2026-03-01 over 36 months (3 yearly charges, starting
// 2026-03-01, 2027-03-01, 2028-03-01; covered until 2029-03-01):
const MAILSTORE_101 = {
  'standard-annual': {
    first: '€1,059.00', // 50 × 12.00 + 51 × 9.00 = 600.00 + 459.00
    perMonth: '€88.25', // 1059.00 / 12 = 88.25
    total: '€3,177.00', // 3 × 1059.00
    rank: '1',
  },
  'premium-annual': {
    first: '€1,588.50', // 50 × 18.00 + 51 × 13.50 = 900.00 + 688.50
    perMonth: '€132.38', // 1588.50 / 12 = 132.375, half up to 0.01
    total: '€4,765.50', // 3 × 1588.50
    rank: '2',
  },
};
// Cheapest: standard-annual, 4765.50 − 3177.00 = 1588.50 less than Premium.

let server;
let baseUrl;
let browser;

/** Starts scripts/static-server.mjs on a free port; resolves its base URL. */
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

// Started once, by the first test that needs it; a failure here fails each
// test (a hook failure would only cancel them).
let started;
function start() {
  started ??= (async () => {
    for (const file of ['index.html', 'app.js', 'plancalc.js', 'generated/plancalc-core.wasm',
      'plans/index.json', 'plans/mailstore.json']) {
      assert.ok(fs.existsSync(path.join(SITE, file)), `build/site/${file} is missing: run scripts/build first`);
    }
    server = await startServer();
    baseUrl = server.url;
    browser = await chromium.launch(LAUNCH);
  })();
  return started;
}

after(async () => {
  await browser?.close();
  if (server && server.child.exitCode === null) server.child.kill('SIGTERM');
});

/**
 * Opens the page in a fresh context (pinned time zone and language) and
 * records what must not happen (prepare(context) may first route a request
 * to other local content): console errors, uncaught exceptions, CSP
 * violations, requests leaving the local server.
 */
async function openPage(query = '', { prepare } = {}) {
  await start();
  const context = await browser.newContext({
    timezoneId: TIME_ZONE,
    locale: 'en-US',
    viewport: { width: 1200, height: 900 },
  });
  if (prepare) await prepare(context);
  const problems = { console: [], pageErrors: [], external: [] };
  context.on('request', (request) => {
    if (!request.url().startsWith(baseUrl)) problems.external.push(request.url());
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
  await page.goto(baseUrl + query);
  await ready(page);

  page.assertClean = async () => {
    const csp = await page.evaluate(() => window.__cspViolations);
    assert.deepEqual(csp, [], 'CSP violations');
    assert.deepEqual(problems.console, [], 'console errors');
    assert.deepEqual(problems.pageErrors, [], 'uncaught exceptions');
    assert.deepEqual(problems.external, [], 'requests to anything but the local server');
  };
  page.closeAll = () => context.close();
  return page;
}

/** Waits until the page has loaded a price list and shows a result or an error. */
async function ready(page) {
  await page.locator('#results:not([aria-busy])').waitFor({ state: 'attached', timeout: 15_000 });
}

/** The text of a cell of a plan's row in the comparison table. */
function cell(page, plan, field) {
  const selector = `#comparison tbody[data-plan="${plan}"] td[data-field="${field}"]`;
  return page.locator(field === 'rank' ? selector : `${selector} .amount`);
}

/** Today's civil date in the pinned time zone, "YYYY-MM-DD". */
function todayInTimeZone() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date());
}

describe('comparing plans', () => {
  test('MailStore for 101 users shows the exact figures, the cheapest plan and its calculation', async () => {
    const page = await openPage();
    try {
      // Defaults: quantity 1, 36 months, today (local time), all periods.
      assert.equal(await page.locator('#horizon').inputValue(), '36');
      assert.equal(await page.locator('#start').inputValue(), todayInTimeZone());
      assert.equal(await page.locator('#period-all').isChecked(), true);

      await page.locator('#vendor').selectOption('mailstore');
      await ready(page);
      await page.locator('#start').fill('2026-03-01');
      await page.locator('#quantity').fill('101');

      assert.equal(await page.locator('#results-title').textContent(), 'MailStore Server: support plans');
      assert.equal(await page.locator('#params').textContent(), '101 users · 36 months from Mar 1, 2026');
      assert.match(await page.locator('#vendor-notice').textContent(),
        /^Sample prices — not the vendor’s published prices\. The FAQ gives no prices/);

      for (const [plan, want] of Object.entries(MAILSTORE_101)) {
        assert.equal(await cell(page, plan, 'first_period_total').textContent(), want.first, `${plan} per period`);
        assert.equal(await cell(page, plan, 'effective_per_month').textContent(), want.perMonth, `${plan} per month`);
        assert.equal(await cell(page, plan, 'horizon_total').textContent(), want.total, `${plan} over 36 months`);
        assert.equal(await cell(page, plan, 'rank').textContent(), want.rank, `${plan} rank`);
      }
      assert.equal(await page.locator('#comparison tbody.plan-group').count(), 2);

      // The cheapest plan, marked in its row and announced in the live region.
      const cheapest = page.locator('#comparison tbody.cheapest');
      assert.equal(await cheapest.getAttribute('data-plan'), 'standard-annual');
      assert.equal(await cheapest.locator('.badge').textContent(), 'Cheapest for you');
      assert.equal(await page.locator('#summary').getAttribute('aria-live'), 'polite');
      assert.equal(await page.locator('#summary .summary-line').textContent(),
        'Cheapest for you: Standard support, 1 year — €3,177.00 over 36 months');
      assert.equal(await page.locator('#summary .summary-why').textContent(),
        'Cheapest over 36 months: €1,588.50 less than Premium support, 1 year (€4,765.50)');

      // Annual billing only: nothing to save against a monthly plan.
      assert.equal(await page.locator('#period-monthly').isDisabled(), true);
      // Features: phone support is Premium only.
      const phone = page.locator('#features tr', { hasText: 'Phone support' });
      assert.equal(await phone.locator('td[data-tier="standard"]').textContent(), '–Not included');
      assert.equal(await phone.locator('td[data-tier="premium"]').textContent(), '✓Included');

      // Expanding a row asks the engine for the quote and shows its explanations.
      const details = page.locator('details.calc[data-plan="premium-annual"]');
      await details.locator('summary').click();
      const body = details.locator('.calc-body');
      await body.locator('table.lines').waitFor();
      assert.deepEqual(await body.locator('table.lines tbody td:first-child').allTextContents(), [
        'Units 1–50: 50 × €18.00',
        'Units 51–250: 51 × €13.50',
      ]);
      assert.deepEqual(await body.locator('table.lines tbody td.num').allTextContents(), ['€900.00', '€688.50']);
      assert.equal(await body.locator('table.lines [data-field="first_period_total"]').textContent(), '€1,588.50');
      assert.equal(await body.locator('[data-field="effective_per_month"]').textContent(),
        'Effective per month: €132.38 (€1,588.50 over 12 months)');
      assert.deepEqual(await body.locator('table.schedule tbody td:first-child').allTextContents(), [
        'Period 1: Mar 1, 2026 to Mar 1, 2027',
        'Period 2: Mar 1, 2027 to Mar 1, 2028',
        'Period 3: Mar 1, 2028 to Mar 1, 2029',
      ]);
      assert.equal(await body.locator('table.schedule [data-field="horizon_total"]').textContent(), '€4,765.50');

      // The state is in the URL.
      const url = new URL(page.url());
      assert.equal(url.searchParams.get('vendor'), 'mailstore');
      assert.equal(url.searchParams.get('quantity'), '101');
      assert.equal(url.searchParams.get('horizon'), '36');
      assert.equal(url.searchParams.get('start'), '2026-03-01');
      assert.equal(url.searchParams.get('period'), 'all');
      assert.match(url.searchParams.get('fp') ?? '', /^[0-9a-f]{8}$/);

      fs.mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, 'compare.png'), fullPage: true });
      await page.assertClean();
    } finally {
      await page.closeAll();
    }
  });

  test('a link reproduces the comparison, and changing an input recomputes it', async () => {
    const page = await openPage('?vendor=mailstore&quantity=101&horizon=12&start=2026-03-01&period=annual');
    try {
      assert.equal(await page.locator('#vendor').inputValue(), 'mailstore');
      assert.equal(await page.locator('#quantity').inputValue(), '101');
      assert.equal(await page.locator('#horizon').inputValue(), '12');
      assert.equal(await page.locator('#period-annual').isChecked(), true);
      // One yearly charge within 12 months.
      assert.equal(await cell(page, 'standard-annual', 'horizon_total').textContent(), '€1,059.00');
      assert.equal(await cell(page, 'premium-annual', 'horizon_total').textContent(), '€1,588.50');

      // 300 users: standard 50 × 12.00 + 200 × 9.00 + 50 × 6.00 = 2700.00.
      await page.locator('#quantity').fill('300');
      assert.equal(await cell(page, 'standard-annual', 'first_period_total').textContent(), '€2,700.00');
      // 2700.00 / 12 = 225.00
      assert.equal(await cell(page, 'standard-annual', 'effective_per_month').textContent(), '€225.00');
      assert.equal(new URL(page.url()).searchParams.get('quantity'), '300');
      // Its calculation names the open-ended top band in words.
      const details = page.locator('details.calc[data-plan="standard-annual"]');
      await details.locator('summary').click();
      await details.locator('table.lines').waitFor();
      assert.deepEqual(await details.locator('table.lines tbody td:first-child').allTextContents(), [
        'Units 1–50: 50 × €12.00',
        'Units 51–250: 200 × €9.00',
        'Units from 251: 50 × €6.00',
      ]);
      await page.assertClean();
    } finally {
      await page.closeAll();
    }
  });
});

describe('catalog data', () => {
  test('catalog strings are shown as text, never as HTML', async () => {
    const markup = '<img src=x onerror="window.__pwned=1">';
    const catalog = JSON.parse(fs.readFileSync(path.join(SITE, 'plans', 'mailstore.json'), 'utf8'));
    catalog.vendor.name = `Mail${markup}Store`;
    catalog.tiers[0].name = `Standard ${markup}`;
    catalog.tiers[0].features[0].name = `E-mail ${markup}`;
    const page = await openPage('?vendor=mailstore&start=2026-03-01', {
      prepare: (context) => context.route('**/plans/mailstore.json',
        (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(catalog) })),
    });
    try {
      assert.equal(await page.locator('#results-title').textContent(), `Mail${markup}Store: support plans`);
      assert.equal(await page.locator('#comparison tbody[data-plan="standard-annual"] .plan-tier').textContent(),
        `Standard ${markup}`);
      assert.equal(await page.locator('#features tbody th').first().textContent(), `E-mail ${markup}`);
      assert.equal(await page.locator('main img').count(), 0);
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
      await page.assertClean();
    } finally {
      await page.closeAll();
    }
  });

  test('a price list the engine rejects gives a readable message, not a blank page', async () => {
    const page = await openPage('?vendor=mailstore', {
      prepare: (context) => context.route('**/plans/mailstore.json',
        (route) => route.fulfill({ contentType: 'application/json', body: '{"format": 1, "vendor": ' })),
    });
    try {
      const box = page.locator('#general-error');
      assert.equal(await box.isVisible(), true);
      assert.match(await box.textContent(), /^The price list “MailStore Server” could not be loaded: ./);
      assert.equal(await box.getAttribute('data-code'), 'invalid_json');
      assert.equal(await page.locator('#comparison tbody').count(), 0);
      await page.assertClean();
    } finally {
      await page.closeAll();
    }
  });

  test('a link made with another version of the price list says so', async () => {
    const page = await openPage('?vendor=mailstore&quantity=5&start=2026-03-01&fp=00000000');
    try {
      const notice = page.locator('#link-notice');
      assert.equal(await notice.isVisible(), true);
      assert.match(await notice.textContent(), /different version of the price list/);
      // The figures are the current ones, and the link now names the current list.
      assert.equal(await cell(page, 'standard-annual', 'first_period_total').textContent(), '€60.00'); // 5 × 12.00
      assert.match(new URL(page.url()).searchParams.get('fp'), /^[0-9a-f]{8}$/);
      assert.notEqual(new URL(page.url()).searchParams.get('fp'), '00000000');
      await page.assertClean();
    } finally {
      await page.closeAll();
    }
  });
});

describe('errors', () => {
  test('quantity 0: the engine error invalid_quantity is shown next to the quantity field', async () => {
    const page = await openPage('?vendor=mailstore&start=2026-03-01');
    try {
      await page.locator('#quantity').fill('0');
      const error = page.locator('#quantity-error');
      await error.waitFor({ state: 'visible' });
      assert.equal(await error.getAttribute('data-code'), 'invalid_quantity');
      assert.ok((await error.textContent()).length > 0, 'the message is not empty');
      const quantity = page.locator('#quantity');
      assert.equal(await quantity.getAttribute('aria-invalid'), 'true');
      assert.ok((await quantity.getAttribute('aria-describedby')).split(' ').includes('quantity-error'));
      assert.equal(await page.locator('#general-error').isHidden(), true);
      assert.equal(await page.locator('#comparison tbody').count(), 0, 'no stale figures next to an error');

      // Fixing the field clears the error and brings the figures back.
      await quantity.fill('5');
      assert.equal(await error.isHidden(), true);
      assert.equal(await quantity.getAttribute('aria-invalid'), null);
      // 5 × 12.00 = 60.00
      assert.equal(await cell(page, 'standard-annual', 'first_period_total').textContent(), '€60.00');
      await page.assertClean();
    } finally {
      await page.closeAll();
    }
  });
});
