// Offline and safe: once the page has loaded (its own files, the engine and
// every price list of plans/index.json), a whole session of use makes no
// request at all, and runs under the site's strict Content-Security-Policy
// (default-src 'self'; script-src 'self' 'wasm-unsafe-eval', sent by
// scripts/static-server.mjs) with no violation and no console error.
import { test, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { CSP } from '../../scripts/static-server.mjs';
import { openPage, ready, ROOT, screenshot, stop } from './helpers.mjs';

after(stop);

describe('offline', () => {
  test('after load: every product, language, input and calculation with zero requests, zero CSP violations, zero console errors', async () => {
    const page = await openPage('?start=2026-03-01', { permissions: ['clipboard-read', 'clipboard-write'] });
    try {
      // The site is served with the strict policy the page must live under.
      const response = await page.request.get(page.baseUrl);
      assert.equal(response.headers()['content-security-policy'], CSP);

      // During load: the page's own files, each price list once, the engine.
      const index = JSON.parse(fs.readFileSync(path.join(ROOT, 'plans', 'index.json'), 'utf8'));
      const loaded = page.requests.map((url) => new URL(url).pathname);
      for (const entry of index.catalogs) {
        assert.equal(loaded.filter((p) => p === `/plans/${entry.file}`).length, 1, `${entry.file} fetched once`);
      }
      assert.ok(loaded.includes('/generated/plancalc-core.wasm'));
      assert.ok(loaded.every((p) => !p.startsWith('/plans/') || p === '/plans/index.json' ||
        index.catalogs.some((c) => p === `/plans/${c.file}`)), loaded.join(' '));

      // Then a session: nothing more may be fetched (page.assertClean checks).
      for (const entry of index.catalogs) {
        await page.locator('#vendor').selectOption(entry.id);
        await ready(page);
        assert.equal(await page.locator('#general-error').isHidden(), true, `${entry.id} loads`);
        for (const quantity of ['3', '60']) await page.locator('#quantity').fill(quantity);
        for (const period of ['monthly', 'annual', 'all']) {
          if (!(await page.locator(`#period-${period}`).isDisabled())) await page.locator(`label[for="period-${period}"]`).click();
        }
        const rows = page.locator('#comparison details.calc summary');
        if (await rows.count()) await rows.first().click();
      }
      for (const lang of ['es', 'sv', 'ru', 'en']) await page.locator('#lang').selectOption(lang);
      await page.locator('#horizon').fill('12');
      await page.locator('#start').fill('2027-01-31');
      await page.locator('#copy-link').click();
      await page.locator('#share-status:not(:empty)').waitFor();
      await page.waitForTimeout(300);
      await screenshot(page, 'offline-session');
      await page.assertClean();
    } finally {
      await page.closeAll();
    }
  });
});
