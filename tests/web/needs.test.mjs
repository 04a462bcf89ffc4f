// "What you need" (web/needs-fields.js, compare-view.js) and the widget's
// `needs` attribute in headless Chromium: ticking a need makes the engine
// recommend the cheapest plan that gives it, with what it costs more and
// which need makes the difference; rows that miss a need say which.
//
// MailStore (plans/mailstore.json, EUR, graduated per user a year: Standard
// 12.00, Premium 18.00 up to 50 users), 25 users, 36 months from 2027-01-01:
//   standard-annual 25 × 12 = 300.00 a year × 3 = 900.00   e-mail only
//   premium-annual  25 × 18 = 450.00 a year × 3 = 1350.00  with phone support
// Needing phone: Premium, 1350.00 − 900.00 = 450.00 more than Standard.
//
// INVEX (plans/invex.json, USD, ITBIS 18 % on top), 1 company, 36 months
// from 2027-01-01, needing high priority: the Básico plans do not give it;
// plus-anual 1290 + 232.20 ITBIS = 1,522.20 a year × 3 = 4,566.60,
// 2,832.00 more than basico-anual (490 + 88.20 = 578.20 × 3 = 1,734.60).
//
// Money literals are what Intl writes in Chromium (U+00A0 NO-BREAK SPACE;
// es-ES groups no four-digit number: 1350,00).
import { test, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, screenshot, serveFixture, settledUrl, stop } from './helpers.mjs';

after(stop);

const MAILSTORE = '?vendor=mailstore&quantity=25&start=2027-01-01&horizon=36';

/** Per language: the headline, the reasons line, the badge and the missed line, worked out above. */
const PHONE = {
  en: {
    headline: 'Best for your needs: Premium support, 1 year, €1,350.00 over 36 months; €450.00 more than Standard support, 1 year (€900.00), which does not give all you need',
    because: 'Standard support, 1 year costs less but does not give:',
    badge: 'Best for your needs',
    missed: '✗ Phone support: not included',
    feature: 'Phone support',
  },
  es: {
    headline: 'Lo mejor para sus necesidades: Soporte Premium, 1 año, 1350,00\u00a0€ en 36 meses; 450,00\u00a0€ más que Soporte Estándar, 1 año (900,00\u00a0€), que no da todo lo que necesita',
    because: 'Soporte Estándar, 1 año cuesta menos pero no ofrece:',
    badge: 'El mejor para lo que necesita',
    missed: '✗ Soporte telefónico: no incluido',
    feature: 'Soporte telefónico',
  },
  sv: {
    headline: 'Bäst för dina behov: Premiumsupport, 1 år, 1\u00a0350,00\u00a0€ på 36 månader; 450,00\u00a0€ mer än Standardsupport, 1 år (900,00\u00a0€), som inte ger allt du behöver',
    because: 'Standardsupport, 1 år kostar mindre men ger inte:',
    badge: 'Bäst för dina behov',
    missed: '✗ Telefonsupport: ingår inte',
    feature: 'Telefonsupport',
  },
  ru: {
    headline: 'Лучше всего под ваши требования: Премиум-поддержка, 1 год, 1\u00a0350,00\u00a0€ за 36 месяцев; на 450,00\u00a0€ дороже, чем Стандартная поддержка, 1 год (900,00\u00a0€), который даёт не всё нужное',
    because: 'Стандартная поддержка, 1 год дешевле, но не даёт:',
    badge: 'Лучший для ваших задач',
    missed: '✗ Поддержка по телефону: не входит',
    feature: 'Поддержка по телефону',
  },
};

describe('what you need, in the page', () => {
  for (const [lang, words] of Object.entries(PHONE)) {
    test(`${lang}: MailStore, 25 users, needing phone support: Premium recommended, 450.00 more`, async () => {
      const page = await openPage(`${MAILSTORE}&lang=${lang}`);
      try {
        const group = page.locator('#needs');
        assert.equal(await group.isVisible(), true);
        assert.equal(await group.getAttribute('open'), null, 'closed until a need is chosen');
        // Without a need the page reads as before: the cheapest plan.
        assert.equal(await page.locator('#comparison tbody.cheapest').getAttribute('data-plan'), 'standard-annual');
        assert.equal(await page.locator('#comparison .needs-badge').count(), 0);
        const headline = page.locator('#summary .summary-line');
        const cheapestHeadline = await headline.textContent();
        if (lang === 'en') assert.equal(cheapestHeadline, 'Cheapest for you: Standard support, 1 year — €900.00 over 36 months');

        await group.locator('summary').click();
        // Only what tells the tiers apart: phone and top priority (both have e-mail and updates).
        assert.deepEqual(await page.locator('#needs-list input[type="checkbox"]').evaluateAll(
          (boxes) => boxes.map((b) => b.value)), ['phone', 'top_priority']);
        assert.equal(await page.locator('label[for="need-feature-phone"]').textContent(), words.feature);
        await page.locator('#need-feature-phone').check();

        await page.locator('#comparison .needs-badge').waitFor();
        assert.equal(await headline.textContent(), words.headline);
        assert.equal(await headline.getAttribute('data-plan'), 'premium-annual');
        assert.equal(await page.locator('#summary .summary-why').textContent(), words.because);
        assert.deepEqual(await page.locator('#summary .summary-reasons li').allTextContents(), [words.missed.slice(2)]);

        const premium = page.locator('#comparison tbody[data-plan="premium-annual"]');
        const standard = page.locator('#comparison tbody[data-plan="standard-annual"]');
        assert.equal(await premium.getAttribute('data-meets-needs'), 'true');
        assert.equal(await premium.getAttribute('class'), 'plan-group recommended');
        assert.equal(await premium.locator('.needs-badge').textContent(), words.badge);
        assert.equal(await standard.getAttribute('data-meets-needs'), 'false');
        assert.equal(await standard.locator('.needs-missed li').textContent(), words.missed);
        assert.equal(await premium.locator('.needs-missed').count(), 0);
        assert.equal(new URL(await settledUrl(page)).searchParams.get('needs'), 'features=phone');
        await screenshot(page, `needs-mailstore-phone-${lang}`);

        // Unticked: as before, no needs in the request or the URL.
        await page.locator('#need-feature-phone').uncheck();
        await page.locator('#comparison .needs-badge').waitFor({ state: 'detached' });
        assert.equal(await headline.textContent(), cheapestHeadline);
        assert.equal(await page.locator('#comparison tbody[data-meets-needs]').count(), 0);
        assert.equal(new URL(await settledUrl(page)).searchParams.get('needs'), null);
        await page.assertClean();
      } finally {
        await page.closeAll();
      }
    });
  }

  test('a link with needs opens them chosen; INVEX needing high priority recommends Plus, annual', async () => {
    const page = await openPage('?vendor=invex&quantity=1&start=2027-01-01&horizon=36&needs=features%3Dpriority-high');
    try {
      assert.equal(await page.locator('#needs').getAttribute('open'), '');
      assert.equal(await page.locator('#need-feature-priority-high').isChecked(), true);
      assert.equal(await page.locator('#needs .needs-count').textContent(), '(1 chosen)');
      assert.equal(await page.locator('#summary .summary-line').textContent(),
        'Best for your needs: Plus, annual, $4,566.60 over 36 months; $2,832.00 more than Basic, annual ($1,734.60), which does not give all you need');
      for (const plan of ['basico-mensual', 'basico-anual']) {
        assert.equal(await page.locator(`#comparison tbody[data-plan="${plan}"]`).getAttribute('data-meets-needs'), 'false', plan);
      }
      assert.equal(await page.locator('#comparison tbody.recommended').getAttribute('data-plan'), 'plus-anual');
      await screenshot(page, 'needs-invex-priority-link');
      await page.assertClean();
    } finally {
      await page.closeAll();
    }
  });

  test('Mailpro: SLA targets as choices, in business hours; a catalog with one tier asks nothing', async () => {
    const page = await openPage('?vendor=mailpro&quantity=1&start=2027-01-01&horizon=12');
    try {
      await page.locator('#needs > summary').click();
      // Standard states 4 h (first), 8 h (second), 5 business days (legal); Dedicated states none.
      assert.deepEqual(await page.locator('#need-level-first option').allTextContents(), ['Any time', 'Within 4 hr (business hours)']);
      assert.deepEqual(await page.locator('#need-level-legal option').allTextContents(), ['Any time', 'Within 5 business days']);
      assert.deepEqual(await page.locator('#need-uptime-all option').allTextContents(), ['Any', '99 % or more']);
      await page.locator('#need-level-first').selectOption('4h');
      await page.locator('#comparison .needs-badge').waitFor();
      assert.equal(await page.locator('#comparison tbody.recommended').getAttribute('data-plan'), 'standard-annual');
      assert.equal(new URL(await settledUrl(page)).searchParams.get('needs'), 'first=4h');
      await page.assertClean();
    } finally {
      await page.closeAll();
    }
    const single = await openPage('?vendor=v8pro');
    try {
      assert.equal(await single.locator('#needs').isHidden(), true);
      await single.assertClean();
    } finally {
      await single.closeAll();
    }
  });
});

describe('the widget\'s needs attribute', () => {
  test('needs="features=phone": the recommendation and its event; an unreadable part is named', async () => {
    const page = await openPage('widget-same.html', {
      ready: false,
      prepare: serveFixture('widget-same.html', (html) => html.replace('@@script@@', '<script src="plan-calculator.js"></script>')),
    });
    try {
      await page.evaluate(() => {
        window.__changed = {};
        document.addEventListener('plan-calculator-changed', (e) => { window.__changed[e.target.id] = e.detail; });
        for (const [id, needs] of [['fits', 'features=phone'], ['typo', 'features=phone;first=soon']]) {
          const el = document.createElement('plan-calculator');
          el.id = id;
          for (const [k, v] of Object.entries({ catalog: 'mailstore', quantity: '25', start: '2027-01-01', horizon: '36', needs })) {
            el.setAttribute(k, v);
          }
          document.body.append(el);
        }
      });
      const fits = page.locator('#fits .summary-line');
      await fits.waitFor({ timeout: 20_000 });
      assert.equal(await fits.textContent(),
        'Best for your needs: Premium support, 1 year, €1,350.00 over 36 months; €450.00 more than Standard support, 1 year (€900.00), which does not give all you need');
      assert.equal(await page.locator('#fits tbody.recommended').getAttribute('data-plan'), 'premium-annual');
      const detail = await page.evaluate(() => {
        const { result, ...rest } = window.__changed.fits;
        return rest;
      });
      assert.equal(detail.recommended, 'premium-annual');
      assert.equal(detail.cheapest, 'standard-annual');
      assert.equal(detail.totals['premium-annual'].horizon, '1350.00');
      const error = page.locator('#typo [part="error"]:not([hidden])');
      await error.waitFor();
      assert.equal(await error.textContent(),
        'The needs could not be read at “first=soon”: write e.g. features=phone;first=4h;uptime=99.9.');
      assert.equal(await page.locator('#typo .summary-line').count(), 0, 'no figure beside the error');
      await screenshot(page, 'needs-widget');
      await page.assertClean();
    } finally {
      await page.closeAll();
    }
  });
});
