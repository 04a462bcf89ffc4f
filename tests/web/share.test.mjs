// Sharing and printing the page: a copied link reproduces the same totals in
// a fresh browser; without the Clipboard API the link is offered in a
// selected read-only field; "Print / save as PDF" prints a one-page quote.
//
// MailStore (plans/mailstore.json, graduated per user per year), 101 users
// from 2026-03-01 over 24 months = 2 yearly charges:
//   Standard 50 × 12.00 + 51 × 9.00 = 1059.00 a year → 2118.00
//   Premium  50 × 18.00 + 51 × 13.50 = 1588.50 a year → 3177.00
import { test, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ARTIFACTS, cell, openPage, screenshot, stop, settledUrl } from './helpers.mjs';

after(stop);

describe('sharing', () => {
  test('"Copy link" copies a link that reproduces the same totals, in the same language, in a fresh browser', async () => {
    const page = await openPage('?vendor=mailstore', { permissions: ['clipboard-read', 'clipboard-write'] });
    let fresh;
    try {
      await page.locator('#quantity').fill('101');
      await page.locator('#horizon').fill('24');
      await page.locator('#start').fill('2026-03-01');
      await page.locator('#lang').selectOption('es');
      // es-ES groups five digits and more, not four: 2118,00 € and 3177,00 €.
      assert.equal(await cell(page, 'standard-annual', 'horizon_total').textContent(), '2118,00\u00a0€');
      assert.equal(await cell(page, 'premium-annual', 'horizon_total').textContent(), '3177,00\u00a0€');

      await page.locator('#copy-link').click();
      await page.locator('#share-status', { hasText: 'Enlace copiado.' }).waitFor();
      assert.equal(await page.locator('#share-status').getAttribute('aria-live'), 'polite');
      const link = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(link, await settledUrl(page));
      const params = new URL(link).searchParams;
      // The shared inputs; the other calculators' own inputs (renew_…, change_…,
      // sla_…) are in the link too, and checked by their own tests.
      const shared = Object.fromEntries([...params].filter(([key]) => !/^(renew|change|sla)_/.test(key)));
      assert.deepEqual(shared, {
        vendor: 'mailstore', quantity: '101', horizon: '24', start: '2026-03-01', period: 'all', lang: 'es',
        fp: params.get('fp'),
      });
      assert.match(params.get('fp'), /^[0-9a-f]{8}$/);
      await page.assertClean();

      // A new browser context: no storage, another browser language.
      fresh = await openPage(link.slice(page.baseUrl.length), { locale: 'en-US' });
      assert.equal(await fresh.evaluate(() => document.documentElement.lang), 'es');
      assert.equal(await fresh.locator('#quantity').inputValue(), '101');
      assert.equal(await fresh.locator('#horizon').inputValue(), '24');
      assert.equal(await fresh.locator('#start').inputValue(), '2026-03-01');
      assert.equal(await cell(fresh, 'standard-annual', 'horizon_total').textContent(), '2118,00\u00a0€');
      assert.equal(await cell(fresh, 'premium-annual', 'horizon_total').textContent(), '3177,00\u00a0€');
      assert.equal(await cell(fresh, 'standard-annual', 'first_period_total').textContent(), '1059,00\u00a0€');
      assert.equal(await fresh.locator('#link-notice').isHidden(), true, 'same price list: no notice');
      assert.equal(await settledUrl(fresh), link, 'the link is already complete');
      await screenshot(fresh, 'shared-link');
      await fresh.assertClean();
    } finally {
      await page.closeAll();
      await fresh?.closeAll();
    }
  });

  test('the address bar follows a change shortly after it, and a link copied at once already holds it', async () => {
    const page = await openPage('?vendor=mailstore&quantity=5&start=2026-03-01', {
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    try {
      // One task: the change and the click, before the page's own write is due.
      const before = await page.evaluate(() => {
        const quantity = document.getElementById('quantity');
        quantity.value = '77';
        quantity.dispatchEvent(new Event('input', { bubbles: true }));
        const url = location.href;
        document.getElementById('copy-link').click();
        return url;
      });
      assert.equal(new URL(before).searchParams.get('quantity'), '5', 'not rewritten on the keystroke itself');
      await page.locator('#share-status', { hasText: 'Link copied.' }).waitFor();
      const link = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(new URL(link).searchParams.get('quantity'), '77');
      assert.equal(await page.evaluate(() => location.href), link);

      // Without a copy, the address bar catches up on its own.
      await page.locator('#quantity').fill('12');
      assert.equal(new URL(await settledUrl(page)).searchParams.get('quantity'), '12');
      await page.assertClean();
    } finally {
      await page.closeAll();
    }
  });

  test('without the Clipboard API the link is shown, selected, in a read-only field', async () => {
    const page = await openPage('?vendor=mailstore&quantity=5&start=2026-03-01', {
      prepare: (context) => context.addInitScript(() => {
        Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true });
      }),
    });
    try {
      assert.equal(await page.locator('#share-fallback').isHidden(), true);
      await page.locator('#copy-link').click();
      const field = page.locator('#share-url');
      await field.waitFor({ state: 'visible' });
      assert.equal(await field.inputValue(), await settledUrl(page));
      assert.equal(await field.getAttribute('readonly'), '');
      assert.equal(await page.locator('label[for="share-url"]').textContent(), 'Link to this calculation');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'share-url');
      assert.deepEqual(await field.evaluate((el) => [el.selectionStart, el.selectionEnd]), [0, (await settledUrl(page)).length]);
      await page.locator('#share-status:not(:empty)').waitFor();
      assert.ok(['Link copied.', 'The link is selected: copy it with Ctrl+C (⌘C on a Mac).']
        .includes(await page.locator('#share-status').textContent()));
      // The field follows later changes, as the address bar does.
      await page.locator('#quantity').fill('6');
      await settledUrl(page);
      assert.equal(new URL(await field.inputValue()).searchParams.get('quantity'), '6');
      await page.assertClean();
    } finally {
      await page.closeAll();
    }
  });
});

describe('printing', () => {
  test('"Print / save as PDF" prints a one-page quote: figures, calculation and link, no controls', async () => {
    const page = await openPage('?vendor=mailstore&quantity=101&horizon=24&start=2026-03-01', {
      prepare: (context) => context.addInitScript(() => {
        window.__printed = 0;
        window.print = () => { window.__printed += 1; };
      }),
    });
    try {
      await page.locator('#print').click();
      assert.equal(await page.evaluate(() => window.__printed), 1);

      const details = page.locator('details.calc[data-plan="premium-annual"]');
      await details.locator('summary').click();
      await details.locator('table.lines').waitFor();
      await page.emulateMedia({ media: 'print' });
      for (const hidden of ['#inputs', '.share', '.lang-picker', '.page-footer', 'details.calc[data-plan="standard-annual"]']) {
        assert.equal(await page.locator(hidden).isVisible(), false, `${hidden} is not printed`);
      }
      for (const shown of ['#comparison', '#summary', '#features', '#conventions',
        'details.calc[data-plan="premium-annual"] table.lines', '#print-note']) {
        assert.equal(await page.locator(shown).isVisible(), true, `${shown} is printed`);
      }
      assert.equal(await page.locator('#print-note').textContent(),
        `Calculated on ${await page.evaluate(() => new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' }).format(new Date()))}. ` +
        `Link to this calculation: ${await settledUrl(page)}`);
      assert.equal(await cell(page, 'premium-annual', 'horizon_total').textContent(), '€3,177.00');
      await screenshot(page, 'print');

      fs.mkdirSync(ARTIFACTS, { recursive: true });
      const pdf = await page.pdf({ format: 'A4', printBackground: true, path: path.join(ARTIFACTS, 'quote.pdf') });
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
      assert.equal(pages.length, 1, 'the quote fits on one A4 page');
      await page.emulateMedia({ media: 'screen' });
      await page.assertClean();
    } finally {
      await page.closeAll();
    }
  });
});
