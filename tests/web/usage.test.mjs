// The comparison with expected usage and customer context (web/usage-fields.js,
// compare-panel.js, compare-view.js) in headless Chromium. The fields come
// from the catalog (describe): an "a month" field per allowance the sold
// plans meter, an "hours a month" field per hourly service, a choice per
// context key a discount's conditions name. The totals, reasons and
// break-even usage are the engine's; the figures below are worked out by hand
// from plans/*.json (and agree with `build/native/plancalc compare`).
//
// Sisnova INVEX (plans/invex.json, USD, ITBIS 18 % on top, quantity 1,
// 36 months from 2026-03-01), 12 tickets a month:
//   plan             price   incl.  extra × rate      net      total/period  × charges = 36 months
//   basico-mensual    49.00    3    9 × 15 = 135.00   184.00   217.12        × 36 = 7,816.32
//   basico-anual     490.00    3    9 × 15 × 12       2110.00  2,489.80      × 3  = 7,469.40
//   plus-mensual     129.00   10    2 × 12 = 24.00    153.00   180.54        × 36 = 6,499.44
//   plus-anual     1,290.00   10    2 × 12 × 12       1578.00  1,862.04      × 3  = 5,586.12  cheapest
//   premium-mensual  279.00   25    0                 279.00   329.22        × 36 = 11,851.92
//   premium-anual  2,790.00   25    0                 2790.00  3,292.20      × 3  = 9,876.60
//   clasico-anual (previous plan, 5 tickets, sells no extra): not available.
// With deployment = cloud, INVEX WEB takes 40 % off the plan price (not the
// extra tickets): plus-anual 1290 − 516 + 288 = 1062.00 net, + 191.16 ITBIS =
// 1,253.16 × 3 = 3,759.48; plus-mensual 77.40 + 24 = 101.40 → 119.65 × 36 =
// 4,307.40; basico-mensual 29.40 + 135 = 164.40 → 193.99 × 36 = 6,983.64;
// basico-anual 294 + 1620 = 1914 → 2,258.52 × 3 = 6,775.56; premium-mensual
// 167.40 → 197.53 × 36 = 7,111.08; premium-anual 1674 → 1,975.32 × 3 = 5,925.96.
// Break-even (per period, tax included): Plus monthly beats Basic monthly
// from 9 tickets (129 → 152.22 against 49 + 6 × 15 = 139 → 164.02; at 8,
// Basic costs 124 → 146.32); with cloud from 7 (77.40 → 91.33 against
// 29.40 + 4 × 15 = 89.40 → 105.49).
//
// kalmstrom (plans/kalmstrom.json, SEK, 3 users, 12 months from 2026-03-01):
// work outside the support scope at 1,200.00 an hour in 15-minute steps.
// 1.6 hours a month = 96 minutes, billed as 105 = 2,100.00 a month:
//   subscription-monthly 3 × 99 = 297 + 2,100 = 2,397.00 × 12 = 28,764.00
//   subscription-annual  3 × 990 = 2,970 + 12 × 2,100 = 28,170.00  cheapest
//
// Money literals are what Intl produces in Chromium: en-US writes "SEK" and
// es-ES "US$" with a U+00A0 NO-BREAK SPACE.
import { test, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { cell, openPage, screenshot, stop, settledUrl } from './helpers.mjs';

after(stop);

/** Plan → [total over 36 months, rank]. */
const INVEX_12 = {
  'basico-mensual': ['$7,816.32', '4'],
  'basico-anual': ['$7,469.40', '3'],
  'plus-mensual': ['$6,499.44', '2'],
  'plus-anual': ['$5,586.12', '1'],
  'premium-mensual': ['$11,851.92', '6'],
  'premium-anual': ['$9,876.60', '5'],
};

const INVEX_12_CLOUD = {
  'basico-mensual': ['$6,983.64', '5'],
  'basico-anual': ['$6,775.56', '4'],
  'plus-mensual': ['$4,307.40', '2'],
  'plus-anual': ['$3,759.48', '1'],
  'premium-mensual': ['$7,111.08', '6'],
  'premium-anual': ['$5,925.96', '3'],
};

async function assertTotals(page, expected, label) {
  for (const [plan, [total, rank]] of Object.entries(expected)) {
    assert.equal(await cell(page, plan, 'horizon_total').textContent(), total, `${label}: ${plan} over 36 months`);
    assert.equal(await cell(page, plan, 'rank').textContent(), rank, `${label}: ${plan} rank`);
  }
}

describe('usage and customer context in the comparison', () => {
  test('INVEX with 12 tickets a month: totals with the extra tickets, reasons, break-even; cloud takes 40 % off', async () => {
    const page = await openPage('?vendor=invex&quantity=1&horizon=36&start=2026-03-01');
    try {
      // Fields from the catalog: its tickets allowance and the deployment its discount names; no hourly service.
      assert.equal(await page.locator('#usage').isVisible(), true);
      assert.equal(await page.locator('label[for="usage-tickets"]').textContent(), 'Support tickets a month');
      assert.equal(await page.locator('#usage-tickets-hint').textContent(), 'How many tickets you expect a month; empty: none');
      assert.equal(await page.locator('label[for="context-deployment"]').textContent(), 'Deployment');
      assert.deepEqual(await page.locator('#context-deployment option').allTextContents(),
        ['On premises (local) or not stated', 'Cloud']);
      assert.equal(await page.locator('#context-deployment-hint').textContent(),
        'Price list discount: INVEX WEB (cloud) users: 40 % off support plans');
      assert.equal(await page.locator('#usage-list input[id^="hours-"]').count(), 0);
      assert.equal(await page.locator('#usage-params').isHidden(), true);
      assert.equal(await page.locator('#break-even-panel').isHidden(), true, 'no usage: no break-even');
      // Without usage Plus annual lists at 1290 + 18 % = 1,522.20 a year.
      assert.equal(await cell(page, 'plus-anual', 'horizon_total').textContent(), '$4,566.60');

      await page.locator('#usage-tickets').fill('12');
      assert.equal(await page.locator('#usage-params').textContent(), 'Totals include 12 tickets a month.');
      await assertTotals(page, INVEX_12, '12 tickets');
      assert.equal(await cell(page, 'plus-anual', 'first_period_total').textContent(), '$1,862.04');
      assert.match(await page.locator('#comparison tbody[data-plan="clasico-anual"] .row-error').textContent(),
        /^Not available: Expected usage of ticket \(12 a month\) exceeds the 5 the plan includes, and the plan sells no extra/);
      assert.equal(await page.locator('#summary .summary-line').textContent(),
        'Cheapest for you: Plus, annual — $5,586.12 over 36 months');
      assert.deepEqual(await page.locator('#summary .summary-reasons li').allTextContents(), [
        'Basic, monthly with 9 extra tickets a month costs $7,816.32 over 36 months, more than Plus, annual ($5,586.12)',
        'Basic, annual with 9 extra tickets a month costs $7,469.40 over 36 months, more than Plus, annual ($5,586.12)',
      ]);
      assert.equal(await page.locator('#break-even-panel').isVisible(), true);
      assert.deepEqual(await page.locator('#break-even li').allTextContents(), [
        'Plus, monthly is cheaper than Basic, monthly from 9 tickets a month ($152.22 against $164.02)',
        'Plus, annual is cheaper than Basic, annual from 8 tickets a month ($1,522.20 against $1,640.20)',
        'Premium, monthly is cheaper than Plus, monthly from 23 tickets a month ($329.22 against $336.30)',
        'Premium, annual is cheaper than Plus, annual from 21 tickets a month ($3,292.20 against $3,391.32)',
      ]);
      await screenshot(page, 'usage-invex-tickets');

      // INVEX WEB (cloud): 40 % off the plan prices changes every total.
      await page.locator('#context-deployment').selectOption('cloud');
      assert.equal(await page.locator('#usage-params').textContent(),
        'Totals include 12 tickets a month · Deployment: Cloud.');
      await assertTotals(page, INVEX_12_CLOUD, '12 tickets, cloud');
      assert.equal(await page.locator('#summary .summary-line').textContent(),
        'Cheapest for you: Plus, annual — $3,759.48 over 36 months');
      assert.equal(await page.locator('#break-even li').first().textContent(),
        'Plus, monthly is cheaper than Basic, monthly from 7 tickets a month ($91.33 against $105.49)');

      // The opened row's quote gets the same usage and context: extra tickets and the discount, named.
      const details = page.locator('details.calc[data-plan="plus-anual"]');
      await details.locator('summary').click();
      const body = details.locator('.calc-body');
      await body.locator('table.lines').waitFor();
      assert.deepEqual(await body.locator('table.lines tbody td:first-child').allTextContents(), [
        'Flat price $1,290.00',
        '12 tickets a month, 10 included: 2 extra × $12.00 = $24.00 a month, × 12 months',
        'INVEX WEB (cloud) users: 40 % off support plans: 40 % off $1,290.00 = $516.00',
      ]);
      assert.deepEqual(await body.locator('table.lines tbody td.num').allTextContents(), ['$1,290.00', '$288.00', '-$516.00']);
      assert.equal(await body.locator('[data-field="net"]').textContent(), '$1,062.00');
      assert.equal(await body.locator('[data-field="tax"]').textContent(), '$191.16');
      assert.equal(await body.locator('table.schedule [data-field="horizon_total"]').textContent(), '$3,759.48');

      const url = new URL(await settledUrl(page));
      assert.equal(url.searchParams.get('usage'), 'tickets:12');
      assert.equal(url.searchParams.get('context'), 'deployment:cloud');
      assert.equal(url.searchParams.get('hours'), null);
      await screenshot(page, 'usage-invex-cloud');
      await page.assertClean();
    } finally {
      await page.closeAll();
    }
  });

  test('a link with the usage and context keys reproduces the totals in a fresh page; Spanish names the discount', async () => {
    const page = await openPage('?vendor=invex&quantity=1&horizon=36&start=2026-03-01&usage=tickets%3A12&context=deployment%3Acloud');
    try {
      assert.equal(await page.locator('#usage-tickets').inputValue(), '12');
      assert.equal(await page.locator('#context-deployment').inputValue(), 'cloud');
      await assertTotals(page, INVEX_12_CLOUD, 'from the link');
      assert.equal(await page.locator('#break-even li').count(), 4);

      await page.locator('#lang').selectOption('es');
      assert.equal(await page.locator('label[for="usage-tickets"]').textContent(), 'Tickets de soporte al mes');
      assert.equal(await page.locator('#usage-params').textContent(),
        'Los totales incluyen 12 tickets al mes · Instalación: En la nube.');
      const details = page.locator('details.calc[data-plan="plus-mensual"]');
      await details.locator('summary').click();
      await details.locator('table.lines').waitFor();
      assert.equal(await details.locator('table.lines tbody tr[data-kind="discount"] td').first().textContent(),
        'Usuarios INVEX WEB (nube): 40 % de descuento en los planes de soporte: 40 % de descuento sobre 129,00\u00a0US$ = 51,60\u00a0US$');
      await screenshot(page, 'usage-invex-link-es');
      await page.assertClean();
    } finally {
      await page.closeAll();
    }
  });

  test('kalmstrom with 1.6 hours of extra work a month: billed in 15-minute steps; the hours are checked', async () => {
    const page = await openPage('?vendor=kalmstrom&quantity=3&horizon=12&start=2026-03-01');
    try {
      const hours = page.locator('#hours-out_of_scope_work');
      assert.equal(await page.locator('label[for="hours-out_of_scope_work"]').textContent(),
        'Hours a month: Work outside the support scope (other products, new development), per hour');
      assert.equal(await page.locator('#hours-out_of_scope_work-hint').textContent(),
        'SEK\u00a01,200.00 an hour, billed in 15-minute steps');
      assert.equal(await page.locator('#usage-list input[id^="usage-"]').count(), 0, 'no allowance');
      assert.equal(await page.locator('#usage-list select').count(), 0, 'no discount condition');
      // Without hours: 3 × 99 × 12 and 3 × 990.
      assert.equal(await cell(page, 'subscription-monthly', 'horizon_total').textContent(), 'SEK\u00a03,564.00');
      assert.equal(await cell(page, 'subscription-annual', 'horizon_total').textContent(), 'SEK\u00a02,970.00');

      await hours.fill('1.6');
      assert.equal(await cell(page, 'subscription-monthly', 'horizon_total').textContent(), 'SEK\u00a028,764.00');
      assert.equal(await cell(page, 'subscription-annual', 'horizon_total').textContent(), 'SEK\u00a028,170.00');
      assert.equal(await cell(page, 'subscription-annual', 'rank').textContent(), '1');
      assert.equal(await page.locator('#usage-params').textContent(),
        'Totals include Work outside the support scope (other products, new development), per hour: 1.6 h a month.');
      const details = page.locator('details.calc[data-plan="subscription-annual"]');
      await details.locator('summary').click();
      await details.locator('table.lines').waitFor();
      assert.equal(await details.locator('table.lines tbody tr[data-kind="usage"] td').first().textContent(),
        'Work outside the support scope (other products, new development), per hour: 96 min a month billed as 105 min (15-minute steps) at SEK\u00a01,200.00 an hour = SEK\u00a02,100.00 a month, × 12 months');
      assert.equal(new URL(await settledUrl(page)).searchParams.get('hours'), 'out_of_scope_work:1.6');
      await screenshot(page, 'usage-kalmstrom-hours');

      // Hours that are no whole number of minutes: the page says so at the field.
      await hours.fill('0.01');
      const error = page.locator('#hours-out_of_scope_work-error');
      assert.equal(await error.textContent(), 'Enter hours that make whole minutes, such as 1.5 or 0.25.');
      assert.equal(await hours.getAttribute('aria-invalid'), 'true');
      assert.equal(await page.locator('#results-details').isHidden(), true, 'no stale totals');
      // A negative number goes to the engine, whose error is shown at the field.
      await hours.fill('-1');
      assert.equal(await error.getAttribute('data-code'), 'out_of_range');
      assert.equal(await error.isVisible(), true);
      assert.equal(await page.locator('#general-error').isHidden(), true);
      await hours.fill('');
      assert.equal(await error.isHidden(), true);
      assert.equal(await cell(page, 'subscription-annual', 'horizon_total').textContent(), 'SEK\u00a02,970.00');
      await page.assertClean();
    } finally {
      await page.closeAll();
    }
    // The link keeps the hours.
    const again = await openPage('?vendor=kalmstrom&quantity=3&horizon=12&start=2026-03-01&hours=out_of_scope_work%3A1.6');
    try {
      assert.equal(await again.locator('#hours-out_of_scope_work').inputValue(), '1.6');
      assert.equal(await cell(again, 'subscription-monthly', 'horizon_total').textContent(), 'SEK\u00a028,764.00');
      assert.equal(await cell(again, 'subscription-annual', 'horizon_total').textContent(), 'SEK\u00a028,170.00');
      await again.assertClean();
    } finally {
      await again.closeAll();
    }
  });

  test('catalogs without allowances, services or discount conditions ask nothing more', async () => {
    const page = await openPage('?vendor=mailstore&quantity=101&horizon=36&start=2026-03-01&usage=tickets%3A5');
    try {
      assert.equal(await page.locator('#usage').isHidden(), true);
      // A key the catalog does not meter is not sent (the engine would refuse it) and leaves the URL.
      assert.equal(await cell(page, 'standard-annual', 'horizon_total').textContent(), '€3,177.00');
      assert.equal(new URL(await settledUrl(page)).searchParams.get('usage'), null);
      // Switching to INVEX: its tickets field shows the link's value (values are kept by id).
      await page.locator('#vendor').selectOption('invex');
      await page.locator('#usage-tickets').waitFor();
      assert.equal(await page.locator('#usage-tickets').inputValue(), '5');
      assert.equal(new URL(await settledUrl(page)).searchParams.get('usage'), 'tickets:5');
      await page.assertClean();
    } finally {
      await page.closeAll();
    }
  });
});
