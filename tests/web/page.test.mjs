// The page (web/index.html) in headless Chromium, served from build/site by
// scripts/static-server.mjs with its strict Content-Security-Policy. One test
// per user journey. Every page opened here must produce no console error, no
// CSP violation, no dialog, no request to anything but the local server and
// no request at all after it has loaded (tests/web/helpers.mjs).
//
// The expected figures are literals worked out by hand from plans/*.json
// (never by calling the engine here): a wrong engine or a wrong page shows up
// as a wrong number.
//
// Needs a built site (scripts/build): without one these tests fail, they do
// not skip. Screenshots go to test-results/web/.
import { test, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { cell, openPage, ready, screenshot, SITE, stop, todayInTimeZone, settledUrl } from './helpers.mjs';

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

after(stop);

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
      // The notice is one line; the vendor's note is behind it.
      assert.equal(await page.locator('#vendor-notice-line').textContent(), 'Sample prices — not the vendor’s published prices.');
      assert.equal(await page.locator('#vendor-notice-note').isVisible(), false);
      await page.locator('#vendor-notice-line').click();
      assert.match(await page.locator('#vendor-notice-note').textContent(), /^The FAQ gives no prices/);
      assert.equal(await page.locator('#vendor-notice-note').isVisible(), true);

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
      const url = new URL(await settledUrl(page));
      assert.equal(url.searchParams.get('vendor'), 'mailstore');
      assert.equal(url.searchParams.get('quantity'), '101');
      assert.equal(url.searchParams.get('horizon'), '36');
      assert.equal(url.searchParams.get('start'), '2026-03-01');
      assert.equal(url.searchParams.get('period'), 'all');
      assert.match(url.searchParams.get('fp') ?? '', /^[0-9a-f]{8}$/);

      await screenshot(page, 'compare-mailstore');
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
      assert.equal(new URL(await settledUrl(page)).searchParams.get('quantity'), '300');
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

describe('recomputing', () => {
  test('a change updates the table in place, an open calculation follows it, and the panels below follow a task later', async () => {
    // MailStore Standard 12.00 and Premium 18.00 per user per year up to 50
    // users; renewing Standard half a year after its end is 100 % of its price.
    const page = await openPage('?vendor=mailstore&quantity=25&horizon=36&start=2026-03-01'
      + '&renew_plan=standard-annual&renew_end=2026-01-01&renew_date=2026-07-02');
    try {
      const details = page.locator('details.calc[data-plan="premium-annual"]');
      await details.locator('summary').click();
      await details.locator('table.lines').waitFor();
      assert.deepEqual(await details.locator('table.lines tbody td:first-child').allTextContents(),
        ['Units 1–50: 25 × €18.00']);
      // The renewal is below the fold (the observer has reported by the next frames).
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      assert.ok(await page.evaluate(() => document.getElementById('renew').getBoundingClientRect().top > innerHeight),
        'the renewal panel starts below the window');

      const seen = await page.evaluate(async () => {
        const $ = (selector) => document.querySelector(selector);
        const amount = () => $('#renew [data-field="amount"] dd').textContent;
        const body = $('#comparison tbody[data-plan="standard-annual"]');
        const quantity = $('#quantity');
        const before = { renew: amount() };
        quantity.value = '30';
        quantity.dispatchEvent(new Event('input', { bubbles: true }));
        const now = {
          sameRow: $('#comparison tbody[data-plan="standard-annual"]') === body && body.isConnected,
          first: body.querySelector('td[data-field="first_period_total"] .amount').textContent,
          open: $('details.calc[data-plan="premium-annual"]').open,
          lines: [...document.querySelectorAll('details.calc[data-plan="premium-annual"] table.lines tbody td:first-child')]
            .map((td) => td.textContent),
          renew: amount(),
          renewBusy: $('#renew').getAttribute('aria-busy'),
        };
        await new Promise((resolve) => setTimeout(resolve, 0));
        const later = { renew: amount(), renewBusy: $('#renew').getAttribute('aria-busy') };
        quantity.value = '31';
        quantity.dispatchEvent(new Event('input', { bubbles: true }));
        window.dispatchEvent(new Event('beforeprint'));
        const printed = { renew: amount(), renewBusy: $('#renew').getAttribute('aria-busy') };
        return { before, now, later, printed };
      });
      assert.deepEqual(seen, {
        before: { renew: '€300.00' }, // 25 × 12.00
        now: {
          sameRow: true,
          first: '€360.00', // 30 × 12.00
          open: true,
          lines: ['Units 1–50: 30 × €18.00'],
          renew: '€300.00', // not yet
          renewBusy: 'true',
        },
        later: { renew: '€360.00', renewBusy: null },
        printed: { renew: '€372.00', renewBusy: null }, // 31 × 12.00: a print shows no stale panel
      });
      await page.assertClean();
    } finally {
      await page.closeAll();
    }
  });
});

describe('more catalogs', () => {
  // v8pro (plans/v8pro.json): support-12m is 45 % of the report's list price
  // 7990 RUB per licence, rounded to whole roubles (increment 1, half up):
  // 7990 × 0.45 = 3595.5 → 3596 per licence per year. Whole-rouble amounts
  // are shown without decimals; en-US writes "RUB" and a no-break space.
  test('v8pro: the renewal rate per licence, for 1 and then 3 licences', async () => {
    const page = await openPage('?vendor=v8pro&quantity=1&horizon=36&start=2026-03-01');
    try {
      assert.equal(await page.locator('#results-title').textContent(), 'v8PRO — reports for 1C: support plans');
      assert.equal(await page.locator('#params').textContent(), '1 licence · 36 months from Mar 1, 2026');
      assert.equal(await cell(page, 'support-12m', 'first_period_total').textContent(), 'RUB\u00a03,596');
      // 3596 / 12 = 299.67, to whole roubles half up: 300
      assert.equal(await cell(page, 'support-12m', 'effective_per_month').textContent(), 'RUB\u00a0300');
      // 3 yearly charges from 2026-03-01: 3 × 3596 = 10788
      assert.equal(await cell(page, 'support-12m', 'horizon_total').textContent(), 'RUB\u00a010,788');

      await page.locator('#quantity').fill('3');
      assert.equal(await page.locator('#params').textContent(), '3 licences · 36 months from Mar 1, 2026');
      // rounded per licence, then × 3: 3 × 3596 = 10788 (not 3 × 3595.5 = 10786.5 → 10787)
      assert.equal(await cell(page, 'support-12m', 'first_period_total').textContent(), 'RUB\u00a010,788');
      assert.equal(await cell(page, 'support-12m', 'effective_per_month').textContent(), 'RUB\u00a0899'); // 10788 / 12
      assert.equal(await cell(page, 'support-12m', 'horizon_total').textContent(), 'RUB\u00a032,364'); // 3 × 10788
      const details = page.locator('details.calc[data-plan="support-12m"]');
      await details.locator('summary').click();
      await details.locator('table.lines').waitFor();
      assert.deepEqual(await details.locator('table.lines tbody td:first-child').allTextContents(), [
        '45 % of the 1C report list price RUB\u00a07,990 (in force from Jan 1, 2020) = RUB\u00a03,595.50, rounded to RUB\u00a03,596, × 3',
      ]);
      await screenshot(page, 'compare-v8pro');
      await page.assertClean();
    } finally {
      await page.closeAll();
    }
  });

  // INVEX (plans/invex.json, USD, flat price per company, plus ITBIS 18 %
  // exclusive tax on each charge): monthly 49.00 / 129.00 / 279.00, annual
  // 490.00 / 1290.00 / 2790.00 (Basic / Plus / Premium). With tax:
  //   49.00 + 8.82 = 57.82 a month   490.00 + 88.20 = 578.20 a year
  //   129.00 + 23.22 = 152.22        1290.00 + 232.20 = 1522.20
  //   279.00 + 50.22 = 329.22        2790.00 + 502.20 = 3292.20
  // Over 12 months from 2026-03-01, monthly = 12 charges.
  test('INVEX: the billing toggle shows all, monthly or annual plans, with the savings of annual billing', async () => {
    const page = await openPage('?vendor=invex&quantity=1&horizon=12&start=2026-03-01');
    try {
      const plans = () => page.locator('#comparison tbody.plan-group').evaluateAll(
        (groups) => groups.map((g) => g.dataset.plan));
      assert.equal(await page.locator('#period-all').isChecked(), true);
      assert.equal(await page.locator('#period-monthly').isDisabled(), false);
      assert.equal(await page.locator('#period-annual').isDisabled(), false);
      assert.equal(await cell(page, 'basico-mensual', 'horizon_total').textContent(), '$693.84'); // 12 × 57.82
      assert.equal(await cell(page, 'basico-anual', 'horizon_total').textContent(), '$578.20');
      assert.equal(await page.locator('#comparison tbody.cheapest').getAttribute('data-plan'), 'basico-anual');
      // Savings per tier over 12 months: 693.84 − 578.20 = 115.64 (115.64 / 693.84 = 16.67 %),
      // 1826.64 − 1522.20 = 304.44, 3950.64 − 3292.20 = 658.44 (each 16.7 %).
      assert.deepEqual(await page.locator('#savings .savings-amount').allTextContents(),
        ['Save $115.64 (16.7 %)', 'Save $304.44 (16.7 %)', 'Save $658.44 (16.7 %)']);

      await page.locator('label[for="period-monthly"]').click();
      assert.deepEqual(await plans(), ['basico-mensual', 'plus-mensual', 'premium-mensual']);
      assert.equal(await cell(page, 'plus-mensual', 'first_period_total').textContent(), '$152.22');
      assert.equal(await cell(page, 'plus-mensual', 'horizon_total').textContent(), '$1,826.64'); // 12 × 152.22
      assert.equal(await page.locator('#savings').textContent(), 'Choose “All periods” to compare billing periods.');
      assert.equal(new URL(await settledUrl(page)).searchParams.get('period'), 'monthly');
      // The calculation of a row shows the tax line, explained.
      const details = page.locator('details.calc[data-plan="plus-mensual"]');
      await details.locator('summary').click();
      await details.locator('table.lines').waitFor();
      assert.deepEqual(await details.locator('table.lines tbody td').allTextContents(), ['Flat price $129.00', '$129.00']);
      assert.deepEqual(await details.locator('table.lines tfoot tr').allTextContents(), [
        'Net$129.00', 'ITBIS 18 % on $129.00: $23.22$23.22', 'First period total$152.22']);

      await page.locator('label[for="period-annual"]').click();
      const annual = await plans();
      assert.ok(['basico-anual', 'plus-anual', 'premium-anual'].every((p) => annual.includes(p)), annual.join());
      assert.ok(annual.every((p) => !p.endsWith('-mensual')), annual.join());
      assert.equal(await cell(page, 'premium-anual', 'first_period_total').textContent(), '$3,292.20');
      assert.equal(await cell(page, 'premium-anual', 'effective_per_month').textContent(), '$274.35'); // 3292.20 / 12
      assert.equal(new URL(await settledUrl(page)).searchParams.get('period'), 'annual');
      await screenshot(page, 'billing-toggle');
      await page.assertClean();
    } finally {
      await page.closeAll();
    }
  });
});

describe('service levels', () => {
  // Mailpro (plans/mailpro.json, EUR, per account): standard-monthly 29.00,
  // standard-annual 290.00, dedicated-annual priced on request; the Standard
  // tier's SLA: first level 4 business hours, second level 8, legal team 5
  // business days; 99 % uptime for five services. Durations are worded by
  // Intl.DurationFormat in the language ("4 hr", "4 ч").
  test('Mailpro: features and SLA side by side, a plan priced on request, in English and Russian', async () => {
    const page = await openPage('?vendor=mailpro&quantity=1&horizon=36&start=2026-03-01');
    try {
      assert.equal(await cell(page, 'standard-monthly', 'horizon_total').textContent(), '€1,044.00'); // 36 × 29.00
      assert.equal(await cell(page, 'standard-annual', 'horizon_total').textContent(), '€870.00'); // 3 × 290.00
      assert.equal(await cell(page, 'standard-annual', 'effective_per_month').textContent(), '€24.17'); // 290 / 12
      // Over 12 months: 12 × 29.00 = 348.00 against 290.00: 58.00 less (16.7 %).
      assert.deepEqual(await page.locator('#savings .savings-amount').allTextContents(), ['Save €58.00 (16.7 %)']);
      // Priced on request: a neutral row that says whom to ask, not an error.
      const onRequest = page.locator('#comparison tbody[data-plan="dedicated-annual"] .row-on-request');
      assert.equal(await onRequest.getAttribute('data-code'), 'price_on_request');
      assert.equal(await onRequest.textContent(), 'Priced individually by Mailpro: ask Mailpro for a quote.');
      assert.equal(await page.locator('#comparison tbody[data-plan="dedicated-annual"] .row-error').count(), 0);

      const sla = (row, tier) => page.locator(`#features tr[data-sla="${row}"] td[data-tier="${tier}"]`);
      const slaName = (row) => page.locator(`#features tr[data-sla="${row}"] th`);
      assert.equal(await page.locator('#features tbody.sla .group').textContent(), 'Service levels (SLA)');
      assert.equal(await slaName('response:first').textContent(), 'First-level support');
      assert.equal(await sla('response:first', 'standard').textContent(), '4 hr of business hours');
      assert.equal(await sla('response:second', 'standard').textContent(), '8 hr of business hours');
      assert.equal(await sla('response:legal', 'standard').textContent(), '5 business days');
      assert.equal(await sla('response:first', 'trial').textContent(), '–Not included');
      assert.equal(await slaName('uptime:api').textContent(), 'API: uptime');
      assert.equal(await sla('uptime:api', 'standard').textContent(), '99 %');

      await page.locator('#lang').selectOption('ru');
      assert.equal(await slaName('response:first').textContent(), 'Поддержка первого уровня');
      assert.equal(await sla('response:first', 'standard').textContent(), '4 ч рабочего времени');
      assert.equal(await sla('response:legal', 'standard').textContent(), '5 рабочих дней');
      assert.equal(await onRequest.textContent(), 'Цену назначает Mailpro индивидуально: запросите предложение у Mailpro.');
      assert.equal(await cell(page, 'standard-annual', 'horizon_total').textContent(), '870,00\u00a0€');
      await screenshot(page, 'service-levels');
      await page.assertClean();
    } finally {
      await page.closeAll();
    }
  });
});

describe('keyboard', () => {
  test('keyboard only: Tab to the quantity, type, and the table follows; focus is visible', async () => {
    const page = await openPage('?vendor=mailstore&start=2026-03-01&horizon=12');
    try {
      const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
      const order = [];
      for (let i = 0; i < 10 && (await focused()) !== 'quantity'; i++) {
        await page.keyboard.press('Tab');
        order.push(await focused());
      }
      // The skip link, the language, the calculators' navigation, the product, then the quantity.
      const navLinks = await page.locator('#panel-nav a').count();
      assert.ok(navLinks >= 2, 'the navigation lists the calculators');
      assert.deepEqual(order, ['A', 'lang', ...Array(navLinks).fill('A'), 'vendor', 'quantity']);
      const outline = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement);
        return `${style.outlineStyle} ${style.outlineWidth}`;
      });
      assert.equal(outline, 'solid 3px', 'the focused field shows a visible outline');

      await page.keyboard.press('Control+A');
      await page.keyboard.type('60');
      // 60 users: 50 × 12.00 + 10 × 9.00 = 690.00 a year; Premium 50 × 18.00 + 10 × 13.50 = 1035.00
      await page.locator('#comparison tbody[data-plan="standard-annual"] td[data-field="first_period_total"] .amount',
        { hasText: '€690.00' }).waitFor();
      assert.equal(await cell(page, 'premium-annual', 'first_period_total').textContent(), '€1,035.00');
      assert.equal(await page.locator('#summary .summary-line').textContent(),
        'Cheapest for you: Standard support, 1 year — €690.00 over 12 months');

      // On to a row's calculation and open it with the keyboard.
      await page.locator('details.calc[data-plan="standard-annual"] summary').focus();
      await page.keyboard.press('Enter');
      await page.locator('details.calc[data-plan="standard-annual"] table.lines').waitFor();
      assert.deepEqual(await page.locator('details.calc[data-plan="standard-annual"] table.lines tbody td:first-child')
        .allTextContents(), ['Units 1–50: 50 × €12.00', 'Units 51–250: 10 × €9.00']);
      await screenshot(page, 'keyboard');
      await page.assertClean();
    } finally {
      await page.closeAll();
    }
  });
});

describe('catalog data', () => {
  test('catalog strings are shown as text, never as HTML, and open no dialog', async () => {
    const markup = '<img src=x onerror=alert(1)>';
    const catalog = JSON.parse(fs.readFileSync(path.join(SITE, 'plans', 'mailstore.json'), 'utf8'));
    catalog.vendor.name = `Mail${markup}Store`;
    catalog.tiers[0].name = markup;
    catalog.tiers[0].features[0].name = `E-mail ${markup}`;
    const page = await openPage('?vendor=mailstore&start=2026-03-01', {
      prepare: (context) => context.route('**/plans/mailstore.json',
        (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(catalog) })),
    });
    try {
      assert.equal(await page.locator('#results-title').textContent(), `Mail${markup}Store: support plans`);
      assert.equal(await page.locator('#comparison tbody[data-plan="standard-annual"] .plan-tier').textContent(),
        markup);
      assert.equal(await page.locator('#features thead th').nth(1).textContent(), markup);
      assert.equal(await page.locator('#features tbody th').first().textContent(), `E-mail ${markup}`);
      // Opening the calculation and switching language re-render the names: still text.
      await page.locator('details.calc[data-plan="standard-annual"] summary').click();
      await page.locator('#lang').selectOption('es');
      assert.equal(await page.locator('#comparison tbody[data-plan="standard-annual"] .plan-tier').textContent(),
        'Estándar'); // names.es wins over the name
      assert.equal(await page.locator('img').count(), 0);
      await page.waitForTimeout(200); // an onerror handler would have run by now
      await screenshot(page, 'hostile-catalog');
      await page.assertClean(); // includes: no dialog
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

      // Another vendor's price list loads: the message goes, the figures come.
      await page.locator('#vendor').selectOption('v8pro');
      await box.waitFor({ state: 'hidden' });
      assert.equal(await box.textContent(), '');
      assert.equal(await box.getAttribute('data-code'), null);
      await page.locator('#comparison tbody.plan-group').first().waitFor();
      assert.equal(await box.isHidden(), true, 'a recompute with no error leaves the box hidden');
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
      assert.match(new URL(await settledUrl(page)).searchParams.get('fp'), /^[0-9a-f]{8}$/);
      assert.notEqual(new URL(await settledUrl(page)).searchParams.get('fp'), '00000000');
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
