// Offline and safe: once the page has loaded (its own files, the engine and
// every price list of plans/index.json), a whole session of use makes no
// request at all, and runs under the site's strict Content-Security-Policy
// (default-src 'self'; script-src 'self' 'wasm-unsafe-eval', sent by
// scripts/static-server.mjs) with no violation and no console error. And after
// the first visit its service worker (web/service-worker.js) keeps exactly the
// files a load fetches, so a reload without network shows the page and computes.
import { test, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { CSP } from '../../scripts/static-server.mjs';
import { cell, openPage, ready, ROOT, screenshot, stop } from './helpers.mjs';

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

  test('a reload without network: the page, the engine and every price list come from the offline cache', async () => {
    const page = await openPage('?vendor=mailstore&quantity=25&start=2027-01-01&horizon=36', { serviceWorkers: 'allow' });
    try {
      const fetched = new Set(page.requests.map((url) => new URL(url).pathname));
      // The worker is active and its cache holds what the load fetched, no more, no less.
      const cached = await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
        const names = await caches.keys();
        const cache = await caches.open(names.find((n) => n.startsWith('plancalc-')));
        return { names, paths: (await cache.keys()).map((r) => new URL(r.url).pathname) };
      });
      assert.equal(cached.names.length, 1, cached.names.join(' '));
      assert.match(cached.names[0], /^plancalc-[0-9a-f]{16}$/);
      // The page is kept under both its names, "/" (what a link opens) and "/index.html".
      assert.ok(cached.paths.includes('/') && cached.paths.includes('/index.html'), cached.paths.join(' '));
      const paths = new Set(cached.paths.filter((p) => p !== '/' && p !== '/index.html'));
      assert.deepEqual([...paths].sort(), [...fetched].filter((p) => p !== '/' && p !== '/service-worker.js').sort());
      assert.equal(await cell(page, 'premium-annual', 'horizon_total').textContent(), '€1,350.00');

      await page.context().setOffline(true);
      const responses = [];
      page.on('response', (response) => responses.push([new URL(response.url()).pathname, response.fromServiceWorker()]));
      await page.reload();
      await ready(page);
      // Every file of the reload was answered by the worker, from its cache.
      assert.ok(responses.length >= 10, `${responses.length} responses`);
      assert.deepEqual(responses.filter(([, fromWorker]) => !fromWorker), []);
      assert.deepEqual(responses.map(([p]) => p).filter((p) => !paths.has(p) && p !== '/'), []);
      assert.equal(responses[0][0], '/');
      // The reload's requests are the worker's answers, not the network's: not "after load" requests.
      page.problems.afterLoad.length = 0;
      assert.equal(await page.locator('#general-error').isHidden(), true);
      // Controlled by the worker, so no request left the browser: still 25 users, 3 × 450.00.
      assert.equal(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)), true);
      assert.equal(await cell(page, 'premium-annual', 'horizon_total').textContent(), '€1,350.00');
      // An input recomputes: 30 users, Premium 30 × 18.00 = 540.00 a year, × 3 = 1,620.00.
      await page.locator('#quantity').fill('30');
      assert.equal(await cell(page, 'premium-annual', 'horizon_total').textContent(), '€1,620.00');
      // Another product, its price list from the cache too: v8pro loads and computes.
      await page.locator('#vendor').selectOption('v8pro');
      await ready(page);
      assert.equal(await page.locator('#comparison tbody').count() > 0, true);
      assert.deepEqual(page.problems.afterLoad, [], 'nothing fetched after the reload');
      await screenshot(page, 'offline-reload');
      await page.assertClean();
    } finally {
      await page.closeAll();
    }
  });
});
