// The renewal panel and the change / cancel / add licences panel
// (web/renew-panel.js, web/change-panel.js) in headless Chromium, one test
// per journey, with the checks of helpers.mjs on every page: no console
// error, no CSP violation, no dialog, no request after load.
//
// The expected figures are literals worked out by hand from plans/*.json
// (the engine is never called here); `build/native/plancalc renew|change|
// cancel|add-licenses` gives the same. Screenshots go to test-results/web/.
import { test, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { cell, openPage, screenshot, stop, settledUrl } from './helpers.mjs';

after(stop);

/** The value of a figure of a panel: <div class="fact" data-field> … <dd>. */
const fact = (page, scope, field) => page.locator(`${scope} .fact[data-field="${field}"] dd`).first();
/** The texts of a panel's explained steps (opens its calculation first). */
async function steps(page, scope) {
  const details = page.locator(`${scope} details.calc`).first();
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
  return details.locator('.steps li, .step, table.lines tbody td:first-child').allTextContents();
}

// v8pro (plans/v8pro.json, seed 004): the product "report" lists at 7990 RUB
// (from 2020-01-01) and includes 6 months of support, so a purchase on
// 2025-11-20 has support until 2026-05-20 (the first day without it).
// Renewal windows: "preferential" up to support_end + 1 month = 2026-06-20
// inclusive, 25 % of the list price, continuing from the old end; then
// "standard" with no limit, 45 %, from the day of activation. Whole roubles,
// half up:
//   25 % × 7990 = 1997.5 → 1998;   45 % × 7990 = 3595.5 → 3596.
describe('renewal', () => {
  test('v8pro on the window boundary: 2026-06-20 is preferential (25 %), 2026-06-21 standard (45 %)', async () => {
    const page = await openPage('?vendor=v8pro&quantity=1&start=2026-03-01');
    try {
      const renew = page.locator('#renew');
      assert.equal(await page.locator('#renew-title').textContent(), 'Renew support');
      assert.equal(await page.locator('#panel-nav a[href="#renew"]').textContent(), 'Renew support');
      await page.locator('#renew-item').selectOption('product:report');
      await page.locator('label[for="renew-basis-end"]').click();
      await page.locator('#renew-since').fill('2026-05-20');
      await page.locator('#renew-date').fill('2026-06-20');

      // The last day of the preferential window.
      assert.equal(await page.locator('#renew-summary').getAttribute('aria-live'), 'polite');
      assert.equal(await page.locator('#renew-summary .summary-line').textContent(),
        'Preferential renewal, 25 % of the list price: RUB\u00a01,998');
      assert.equal(await page.locator('#renew-summary .summary-why').textContent(),
        'New term for 1C report: May 20, 2026 to May 20, 2027');
      assert.equal(await page.locator('#renew-params').textContent(),
        '1C report, 1 licence · support ends on May 20, 2026 · renewed on Jun 20, 2026');
      assert.equal(await fact(page, '#renew', 'window').textContent(), 'Preferential renewal');
      assert.equal(await fact(page, '#renew', 'rate').textContent(), '25 % of the list price');
      assert.equal(await fact(page, '#renew', 'list_price').textContent(), 'RUB\u00a07,990 (in force from Jan 1, 2020)');
      assert.equal(await fact(page, '#renew', 'amount').textContent(), 'RUB\u00a01,998');
      assert.equal(await fact(page, '#renew', 'term').textContent(), 'May 20, 2026 to May 20, 2027');
      // Every window with its last day: the cheaper one ends on 2026-06-20.
      assert.deepEqual(await renew.locator('.windows li').allTextContents(), [
        'Preferential renewal (25 %): last day Jun 20, 2026',
        'Standard renewal (45 %): no time limit',
      ]);
      assert.equal(await renew.locator('.windows li.current').getAttribute('data-window'), 'preferential');
      // The timeline: support, then the two windows; the date is marked in the first.
      assert.deepEqual(await renew.locator('.tl-seg').evaluateAll((els) => els.map((el) => el.dataset.segment)),
        ['support', 'preferential', 'standard']);
      assert.deepEqual(await renew.locator('.tl-seg .tl-range').allTextContents(),
        ['until May 20, 2026', 'May 20, 2026 to Jun 20, 2026', 'after Jun 20, 2026']);
      const current = renew.locator('.tl-seg[aria-current="true"]');
      assert.equal(await current.getAttribute('data-segment'), 'preferential');
      assert.equal(await current.locator('.tl-marker').textContent(), 'Renewal: Jun 20, 2026');
      assert.equal(await renew.locator('.timeline .visually-hidden').textContent(),
        'The renewal date, Jun 20, 2026, falls in the Preferential renewal window (25 %).');
      // Every number explained.
      assert.deepEqual(await steps(page, '#renew'), [
        'Renewed on Jun 20, 2026, after support ended on May 20, 2026: Preferential renewal window at 25 % (until Jun 20, 2026)',
        'Preferential renewal: 25 % of the 1C report list price RUB\u00a07,990 (in force from Jan 1, 2020) = RUB\u00a01,997.50, ' +
          'rounded to RUB\u00a01,998, × 1',
        'New term May 20, 2026 to May 20, 2027, continuing from the previous end',
        '31 days without support, May 20, 2026 to Jun 20, 2026: the new term covers them',
      ]);
      await screenshot(page, 'renew-v8pro-preferential');

      // One day later: the standard window, from the day of activation.
      await page.locator('#renew-date').fill('2026-06-21');
      assert.equal(await page.locator('#renew-summary .summary-line').textContent(),
        'Standard renewal, 45 % of the list price: RUB\u00a03,596');
      assert.equal(await fact(page, '#renew', 'window').textContent(), 'Standard renewal');
      assert.equal(await fact(page, '#renew', 'rate').textContent(), '45 % of the list price');
      assert.equal(await fact(page, '#renew', 'amount').textContent(), 'RUB\u00a03,596');
      assert.equal(await fact(page, '#renew', 'term').textContent(), 'Jun 21, 2026 to Jun 21, 2027');
      assert.equal(await renew.locator('.tl-seg[aria-current="true"]').getAttribute('data-segment'), 'standard');
      assert.equal(await renew.locator('.tl-seg[aria-current="true"] .tl-marker').textContent(), 'Renewal: Jun 21, 2026');
      assert.deepEqual(await steps(page, '#renew'), [
        'Renewed on Jun 21, 2026, after support ended on May 20, 2026: Standard renewal window at 45 %',
        'Standard renewal: 45 % of the 1C report list price RUB\u00a07,990 (in force from Jan 1, 2020) = RUB\u00a03,595.50, ' +
          'rounded to RUB\u00a03,596, × 1',
        'New term Jun 21, 2026 to Jun 21, 2027, from the day the renewal is activated',
        '32 days without support, May 20, 2026 to Jun 21, 2026; updates of that time granted: yes',
      ]);
      await screenshot(page, 'renew-v8pro-standard');

      // The same support period given by the purchase date (6 months included).
      await page.locator('label[for="renew-basis-purchase"]').click();
      assert.equal(await page.locator('label[for="renew-since"]').textContent(), 'Purchased on');
      await page.locator('#renew-since').fill('2025-11-20');
      assert.equal(await fact(page, '#renew', 'amount').textContent(), 'RUB\u00a03,596');
      assert.equal(await page.locator('#renew-params').textContent(),
        '1C report, 1 licence · purchased on Nov 20, 2025 · renewed on Jun 21, 2026');
      // A renewal before support ends is early: the first window, from the old end.
      await page.locator('#renew-date').fill('2026-05-01');
      assert.equal(await fact(page, '#renew', 'amount').textContent(), 'RUB\u00a01,998');
      assert.equal(await renew.locator('.tl-seg[aria-current="true"]').getAttribute('data-segment'), 'support');
      assert.equal(await renew.locator('.tl-seg[aria-current="true"] .tl-note').textContent(),
        'Renewing now counts as Preferential renewal');

      const url = new URL(await settledUrl(page));
      assert.equal(url.searchParams.get('renew_product'), 'report');
      assert.equal(url.searchParams.get('renew_purchase'), '2025-11-20');
      assert.equal(url.searchParams.get('renew_date'), '2026-05-01');
      assert.equal(url.searchParams.has('renew_end'), false);
      assert.equal(url.searchParams.has('renew_plan'), false);
      await page.assertClean();
    } finally {
      await page.closeAll();
    }
  });
});

// MailStore (plans/mailstore.json, seed 000), EUR, graduated per user a year:
//   standard-annual 50 × 12.00, then 9.00; premium-annual 50 × 18.00, then 13.50.
// 25 users: Standard 300.00 a year, Premium 450.00. A term from 2026-01-01 to
// 2027-01-01 has 365 days; on 2026-07-02, 183 remain (30 days of July from
// the 2nd, 31 + 30 + 31 + 30 + 31 for August to December).
//   Upgrade (immediate):  credit 300.00 × 183 / 365 = 150.41 (150.4109…)
//                         charge 450.00 × 183 / 365 = 225.62 (225.6164…)
//                         net 225.62 − 150.41 = 75.21
//   Downgrade: only at the end of the term, 2027-01-01; nothing now.
//   Cancel: no refund, service to the end of the term (last day 2026-12-31).
//   30 more users: 55 users cost 50 × 12.00 + 5 × 9.00 = 645.00;
//                  (645.00 − 300.00) × 183 / 365 = 172.97 (172.9726…)
describe('change, cancel, add licences', () => {
  test('MailStore Standard → Premium mid-term: credit, charge and net; cancel; 30 more users', async () => {
    const page = await openPage('?vendor=mailstore&quantity=25&start=2026-01-01');
    try {
      await page.locator('#change-plan').selectOption('standard-annual');
      await page.locator('#change-start').fill('2026-01-01');
      await page.locator('#change-date').fill('2026-07-02');
      await page.locator('label[for="change-action-change"]').click();
      await page.locator('#change-target').selectOption('premium-annual');

      assert.equal(await page.locator('#change-summary').getAttribute('aria-live'), 'polite');
      assert.equal(await page.locator('#change-summary .badge').textContent(), 'Allowed');
      assert.equal(await page.locator('#change-summary [data-field="status"]').textContent(),
        'Upgrade takes effect on Jul 2, 2026; net €75.21');
      assert.equal(await fact(page, '#change', 'credit').textContent(), '€150.41');
      assert.equal(await fact(page, '#change', 'charge').textContent(), '€225.62');
      assert.equal(await fact(page, '#change', 'net').textContent(), '€75.21');
      assert.equal(await fact(page, '#change', 'effective').textContent(), 'Jul 2, 2026');
      assert.equal(await fact(page, '#change', 'term').textContent(), 'Jan 1, 2026 to Jan 1, 2027');
      assert.equal(await fact(page, '#change', 'proration').textContent(), '183 of 365 days (actual days)');
      assert.equal(await fact(page, '#change', 'new_term').textContent(), 'Jul 2, 2026 to Jan 1, 2027');
      assert.equal(await fact(page, '#change', 'next_renewal').textContent(), 'Jan 1, 2027: €450.00');
      assert.equal(await page.locator('#change .fact[data-field="earliest_allowed"]').count(), 0);
      assert.deepEqual(await steps(page, '#change'), [
        'Credit for the unused 183 of 365 days of €300.00: €150.41',
        'Premium support, 1 year for the remaining 183 of 365 days of €450.00: €225.62',
        'Upgrade from Standard support, 1 year to Premium support, 1 year takes effect on Jul 2, 2026; net €75.21',
      ]);
      assert.deepEqual(await page.locator('#change table.lines tbody td.num').allTextContents(), ['-€150.41', '€225.62']);
      await screenshot(page, 'change-mailstore-upgrade');

      // Cancelling the same contract: no refund, service to the end of the term.
      await page.locator('label[for="change-action-cancel"]').click();
      assert.equal(await page.locator('#change-target-field').isHidden(), true);
      assert.equal(await page.locator('#change-summary [data-field="status"]').textContent(),
        'Service continues to Dec 31, 2026 inclusive; refund €0.00');
      assert.equal(await fact(page, '#change', 'last_day_of_service').textContent(), 'Dec 31, 2026');
      assert.equal(await fact(page, '#change', 'refund').textContent(), '€0.00');
      assert.equal(await fact(page, '#change', 'notice').textContent(), 'No notice period');

      // Adding 30 users, co-termed to the current term.
      await page.locator('label[for="change-action-add"]').click();
      await page.locator('#change-add').fill('30');
      assert.equal(await page.locator('#change-summary [data-field="status"]').textContent(),
        '30 more users: €172.97 now, co-termed to Jan 1, 2027');
      assert.equal(await fact(page, '#change', 'quantity').textContent(), '25 → 55 users');
      assert.equal(await fact(page, '#change', 'charge').textContent(), '€172.97');
      assert.equal(await fact(page, '#change', 'next_renewal').textContent(), 'Jan 1, 2027: €645.00');
      assert.deepEqual(await steps(page, '#change'), [
        '30 more: period price €300.00 → €645.00, for the remaining 183 of 365 days to Jan 1, 2027: €172.97',
      ]);
      const url = new URL(await settledUrl(page));
      assert.equal(url.searchParams.get('change_action'), 'add');
      assert.equal(url.searchParams.get('change_add'), '30');
      assert.equal(url.searchParams.has('change_target'), false);
      await page.assertClean();
    } finally {
      await page.closeAll();
    }
  });

  // Mailpro (plans/mailpro.json) has no change policy: a change during the
  // term is not allowed, possible from the end of the term. The free trial
  // (rank 0) is below the annual account (rank 1): a downgrade, refused on
  // 2026-07-02 in the term 2026-01-01 – 2027-01-01, earliest 2027-01-01.
  test('a refused downgrade shows the earliest allowed date; MailStore schedules one for the end of the term', async () => {
    const page = await openPage('?vendor=mailpro&quantity=1&start=2026-01-01');
    try {
      await page.locator('#change-plan').selectOption('standard-annual');
      await page.locator('#change-start').fill('2026-01-01');
      await page.locator('#change-date').fill('2026-07-02');
      await page.locator('#change-target').selectOption('trial');
      assert.equal(await page.locator('#change-summary .badge').textContent(), 'Not allowed');
      assert.equal(await page.locator('#change-summary [data-field="status"]').textContent(),
        'Downgrade is not allowed on Jul 2, 2026. Earliest allowed date: Jan 1, 2027');
      assert.equal(await page.locator('#change-summary .summary-why').textContent(),
        'Downgrade from Mailpro account, annual to Free trial account is not allowed during the term; possible from Jan 1, 2027');
      assert.equal(await fact(page, '#change', 'allowed').textContent(), 'no');
      assert.equal(await fact(page, '#change', 'earliest_allowed').textContent(), 'Jan 1, 2027');
      assert.equal(await fact(page, '#change', 'net').textContent(), '€0.00');
      await screenshot(page, 'change-mailpro-refused');

      // MailStore: Premium → Standard only when the Premium term ends.
      await page.locator('#vendor').selectOption('mailstore');
      await page.locator('#quantity').fill('25');
      await page.locator('#change-plan').selectOption('premium-annual');
      await page.locator('#change-target').selectOption('standard-annual');
      assert.equal(await page.locator('#change-summary [data-field="status"]').textContent(),
        'Downgrade takes effect at the end of the term, on Jan 1, 2027; net €0.00');
      assert.equal(await fact(page, '#change', 'effective').textContent(), 'Jan 1, 2027');
      assert.equal(await fact(page, '#change', 'next_renewal').textContent(), 'Jan 1, 2027: €300.00');
      await page.assertClean();
    } finally {
      await page.closeAll();
    }
  });

  // MailStore: no additional licences without valid support (lapse policy).
  // A contract from 2025-01-01 had support until 2026-01-01. On 2026-07-02
  // the renewal must come first: window "renewal", 100 % of the plan price
  // for 25 users, 300.00, from the day of activation: 2026-07-02 – 2027-07-02;
  // 182 days without support (Jan 1 – Jul 2), their updates not granted;
  // the vendor gives notice one month before the end: 2025-12-01.
  test('adding licences with lapsed support shows the renewal that must come first', async () => {
    const page = await openPage('?vendor=mailstore&quantity=25&start=2025-01-01');
    try {
      await page.locator('#change-plan').selectOption('standard-annual');
      await page.locator('#change-start').fill('2025-01-01');
      await page.locator('#change-date').fill('2026-07-02');
      await page.locator('label[for="change-action-add"]').click();
      await page.locator('#change-add').fill('5');

      const status = page.locator('#change-summary .panel-error');
      assert.equal(await status.getAttribute('data-code'), 'support_inactive');
      assert.equal(await status.textContent(), 'Support ended on Jan 1, 2026: it must be renewed first.');
      const first = page.locator('#change [data-field="renewal"]');
      assert.equal(await page.locator('#change .renewal-first-summary .summary-line').textContent(),
        'Renewal (update service), 100 % of the plan price: €300.00');
      assert.equal(await fact(page, '#change [data-field="renewal"]', 'amount').textContent(), '€300.00');
      assert.equal(await fact(page, '#change [data-field="renewal"]', 'term').textContent(), 'Jul 2, 2026 to Jul 2, 2027');
      assert.equal(await fact(page, '#change [data-field="renewal"]', 'notice').textContent(), 'Dec 1, 2025');
      assert.deepEqual(await steps(page, '#change [data-field="renewal"]'), [
        'Renewed on Jul 2, 2026, after support ended on Jan 1, 2026: Renewal (update service) window at 100 %',
        'Renewal (update service): 100 % of the plan price €300.00 for 25 = €300.00, rounded to €300.00',
        'New term Jul 2, 2026 to Jul 2, 2027, from the day the renewal is activated',
        '182 days without support, Jan 1, 2026 to Jul 2, 2026; updates of that time granted: no',
      ]);
      assert.equal(await first.locator('.tl-seg[aria-current="true"]').getAttribute('data-segment'), 'renewal');
      assert.equal(await page.locator('#general-error').isHidden(), true);
      await screenshot(page, 'add-licences-support-inactive');

      // With support running (a term from 2026-01-01), 5 more users are co-termed:
      // 30 users = 360.00 a year; (360.00 − 300.00) × 183 / 365 = 30.08 (30.0821…).
      await page.locator('#change-start').fill('2026-01-01');
      assert.equal(await page.locator('#change-summary [data-field="status"]').textContent(),
        '5 more users: €30.08 now, co-termed to Jan 1, 2027');
      await page.assertClean();
    } finally {
      await page.closeAll();
    }
  });
});

describe('links and errors', () => {
  test('a link with the panels\' keys reproduces both results in a fresh page, and stays the same', async () => {
    const page = await openPage('?vendor=mailstore&quantity=25&start=2026-01-01');
    let fresh;
    try {
      // Renewing Standard for 25 users half a year late: 100 % of 300.00, from activation.
      await page.locator('#renew-item').selectOption('plan:standard-annual');
      await page.locator('#renew-since').fill('2026-01-01');
      await page.locator('#renew-date').fill('2026-07-02');
      await page.locator('#change-plan').selectOption('standard-annual');
      await page.locator('#change-start').fill('2026-01-01');
      await page.locator('#change-date').fill('2026-07-02');
      await page.locator('#change-target').selectOption('premium-annual');
      assert.equal(await fact(page, '#renew', 'amount').textContent(), '€300.00');
      assert.equal(await fact(page, '#change', 'net').textContent(), '€75.21');

      const link = await settledUrl(page);
      const params = new URL(link).searchParams;
      for (const [key, value] of Object.entries({
        renew_plan: 'standard-annual', renew_end: '2026-01-01', renew_date: '2026-07-02',
        change_plan: 'standard-annual', change_start: '2026-01-01', change_date: '2026-07-02',
        change_action: 'change', change_target: 'premium-annual',
      })) assert.equal(params.get(key), value, key);
      await page.assertClean();

      fresh = await openPage(link.slice(page.baseUrl.length), { locale: 'en-US' });
      assert.equal(await fresh.locator('#renew-item').inputValue(), 'plan:standard-annual');
      assert.equal(await fresh.locator('#renew-basis-end').isChecked(), true);
      assert.equal(await fresh.locator('#renew-since').inputValue(), '2026-01-01');
      assert.equal(await fresh.locator('#renew-date').inputValue(), '2026-07-02');
      assert.equal(await fresh.locator('#renew-summary .summary-line').textContent(),
        'Renewal (update service), 100 % of the plan price: €300.00');
      assert.equal(await fact(fresh, '#renew', 'term').textContent(), 'Jul 2, 2026 to Jul 2, 2027');
      assert.equal(await fresh.locator('#change-plan').inputValue(), 'standard-annual');
      assert.equal(await fresh.locator('#change-target').inputValue(), 'premium-annual');
      assert.equal(await fresh.locator('#change-action-change').isChecked(), true);
      assert.equal(await fact(fresh, '#change', 'credit').textContent(), '€150.41');
      assert.equal(await fact(fresh, '#change', 'charge').textContent(), '€225.62');
      assert.equal(await fact(fresh, '#change', 'net').textContent(), '€75.21');
      assert.equal(await settledUrl(fresh), link, 'the link is already complete');
      await screenshot(fresh, 'lifecycle-shared-link');
      await fresh.assertClean();
    } finally {
      await page.closeAll();
      await fresh?.closeAll();
    }
  });

  // 2 licences of the v8pro report bought on 2025-11-20 (support to
  // 2026-05-20), renewed on 2026-06-10: preferential, 1998 × 2 = 3996 RUB.
  test('a hand-written link: v8pro by purchase date, in Russian', async () => {
    const page = await openPage(
      '?vendor=v8pro&quantity=2&renew_product=report&renew_purchase=2025-11-20&renew_date=2026-06-10&lang=ru');
    try {
      assert.equal(await page.locator('#renew-basis-purchase').isChecked(), true);
      assert.equal(await page.locator('label[for="renew-since"]').textContent(), 'Дата покупки');
      assert.equal(await page.locator('#renew-summary .summary-line').textContent(),
        'Льготное продление, 25 % от цены продукта: 3\u00a0996\u00a0₽');
      assert.equal(await fact(page, '#renew', 'term').textContent(), 'с 20 мая 2026 г. по 20 мая 2027 г.');
      assert.equal(await page.locator('#renew-params').textContent(),
        'Отчёт для 1С, 2 лицензии · куплено 20 нояб. 2025 г. · продление 10 июн. 2026 г.');
      await screenshot(page, 'renew-v8pro-ru');
      await page.assertClean();
    } finally {
      await page.closeAll();
    }
  });

  test('an invalid date in a panel field is shown next to that field; the rest of the page still works', async () => {
    const page = await openPage('?vendor=mailstore&quantity=25&start=2026-03-01' +
      '&renew_plan=standard-annual&renew_end=2026-02-30&renew_date=3000-01-01' +
      '&change_plan=standard-annual&change_start=1899-12-31&change_date=2026-07-02&change_action=cancel');
    try {
      // 2026-02-30 is no date: the date field cannot hold it.
      assert.equal(await page.locator('#renew-since').inputValue(), '');
      assert.equal(await page.locator('#renew-since-error').textContent(), 'Enter a date.');
      assert.equal(await page.locator('#renew-since').getAttribute('aria-invalid'), 'true');
      assert.equal(await page.locator('#renew-summary').textContent(), 'Correct the highlighted field to see the result.');
      assert.equal(await page.locator('#renew-details').isHidden(), true);

      // A real date the engine refuses (after 2999): its message at the field.
      await page.locator('#renew-since').fill('2026-01-01');
      assert.equal(await page.locator('#renew-since-error').isHidden(), true);
      const dateError = page.locator('#renew-date-error');
      assert.equal(await dateError.textContent(),
        "Expected a real calendar date YYYY-MM-DD between 1900 and 2999, got '3000-01-01'.");
      assert.equal(await dateError.getAttribute('data-code'), 'invalid_date');
      assert.equal(await page.locator('#renew-date').getAttribute('aria-invalid'), 'true');
      assert.match(await page.locator('#renew-date').getAttribute('aria-describedby'), /\brenew-date-error\b/);

      // The change panel's start (before 1900), at its own field.
      assert.equal(await page.locator('#change-start-error').textContent(),
        "Expected a real calendar date YYYY-MM-DD between 1900 and 2999, got '1899-12-31'.");
      assert.equal(await page.locator('#change-summary').textContent(), 'Correct the highlighted field to see the result.');

      // Not a blank page: no general error, and the comparison is there.
      assert.equal(await page.locator('#general-error').isHidden(), true);
      assert.equal(await cell(page, 'standard-annual', 'first_period_total').textContent(), '€300.00');
      await screenshot(page, 'lifecycle-invalid-dates');

      // Corrected, the figures come back.
      await page.locator('#renew-date').fill('2026-07-02');
      await page.locator('#change-start').fill('2026-01-01');
      assert.equal(await page.locator('#renew-date-error').isHidden(), true);
      assert.equal(await page.locator('#renew-date').getAttribute('aria-invalid'), null);
      assert.equal(await fact(page, '#renew', 'amount').textContent(), '€300.00');
      assert.equal(await fact(page, '#change', 'last_day_of_service').textContent(), 'Dec 31, 2026');
      await page.assertClean();
    } finally {
      await page.closeAll();
    }
  });

  test('"Print this calculation" prints the renewal alone: no inputs, no comparison', async () => {
    const page = await openPage(
      '?vendor=v8pro&quantity=1&renew_product=report&renew_end=2026-05-20&renew_date=2026-06-21', {
        prepare: (context) => context.addInitScript(() => {
          window.__printed = 0;
          window.print = () => { window.__printed += 1; };
        }),
      });
    try {
      await page.locator('#renew-print').click();
      assert.equal(await page.evaluate(() => window.__printed), 1);
      assert.equal(await page.evaluate(() => document.body.dataset.print), 'renew');
      await page.emulateMedia({ media: 'print' });
      for (const hidden of ['#results', '#inputs', '#renew-inputs', '#renew-print', '#change']) {
        assert.equal(await page.locator(hidden).isVisible(), false, `${hidden} is not printed`);
      }
      for (const shown of ['#renew-summary', '#renew-params', '#renew .facts', '#renew .timeline', '#renew-print-note']) {
        assert.equal(await page.locator(shown).isVisible(), true, `${shown} is printed`);
      }
      assert.match(await page.locator('#renew-print-note').textContent(), /^Calculated on .+\. Link to this calculation: http/);
      await screenshot(page, 'renew-print');
      await page.emulateMedia({ media: 'screen' });
      await page.assertClean();
    } finally {
      await page.closeAll();
    }
  });
});
