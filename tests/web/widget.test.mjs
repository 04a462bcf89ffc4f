// The <plan-calculator> widget (web/plan-calculator-element.js) in headless
// Chromium: the sales quote web/embed-example.html opened from file:// with
// the single-file build, the element's API (attributes, typed properties,
// batching, events, cancel) over http under the site's strict CSP, and the
// ES module version, and an engine that cannot start (its .wasm, inlined
// as gzip, damaged, or no DecompressionStream). Locators reach into the open
// shadow root.
//
// Figures are worked out by hand from plans/mailstore.json and
// plans/v8pro.json: MailStore is graduated per user per year (Standard 12.00
// up to 50 users, Premium 18.00); v8pro is 45 % of 7990 RUB = 3595.5 → 3596
// per licence a year (whole roubles).
import { test, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openPage, rawKeysIn, ROOT, screenshot, serveFixture, SITE, siteFileUrl, stop, todayInTimeZone } from './helpers.mjs';
import en from '../../web/i18n/en.js';

after(stop);

/** Records the widget's events on the document (they bubble); __cancel(detail) may cancel a change. */
function recordEvents(context) {
  return context.addInitScript(() => {
    window.__events = [];
    for (const type of ['plan-calculator-change', 'plan-calculator-changed', 'plan-calculator-error']) {
      document.addEventListener(type, (event) => {
        if (type === 'plan-calculator-change' && window.__cancel?.(event.detail)) event.preventDefault();
        const { result, ...detail } = event.detail;
        window.__events.push({
          type, id: event.target.id, detail, hasResult: result !== undefined,
          bubbles: event.bubbles, composed: event.composed, cancelable: event.cancelable,
          canceled: event.defaultPrevented, isEvent: event instanceof Event, ctor: event.constructor.name,
        });
      });
    }
  });
}

const events = (page, filter = {}) => page.evaluate((f) => window.__events.filter(
  (e) => Object.entries(f).every(([k, v]) => e[k] === v)), filter);

describe('the sales quote page', () => {
  test('embed-example.html from file://: the widget shows the quote for 25 Premium users', async () => {
    const page = await openPage(siteFileUrl('embed-example.html'), {
      ready: false,
      allowed: (url) => url.startsWith('file://'),
      prepare: recordEvents,
    });
    try {
      const widget = page.locator('plan-calculator#quote');
      // Premium, 25 users: 25 × 18.00 = 450.00 a year (en-GB, the page's lang).
      await widget.locator('.total-line').waitFor({ timeout: 20_000 });
      await page.loaded();
      assert.equal(await widget.locator('.total-line').textContent(),
        'Premium support, 1 year, 25 users: €450.00 per year');
      assert.equal(await widget.locator('.total').getAttribute('aria-live'), 'polite');
      assert.deepEqual(await widget.locator('table.lines tbody td').allTextContents(),
        ['Units 1–50: 25 × €18.00', '€450.00']);
      assert.equal(await widget.locator('[data-field="effective_per_month"]').textContent(),
        'Effective per month: €37.50 (€450.00 over 12 months)'); // 450.00 / 12
      // 3 yearly charges over 36 months: 3 × 450.00 = 1350.00
      assert.deepEqual(await widget.locator('table.schedule tbody td:first-child').allTextContents(), [
        'Period 1: 1 Mar 2026 to 1 Mar 2027',
        'Period 2: 1 Mar 2027 to 1 Mar 2028',
        'Period 3: 1 Mar 2028 to 1 Mar 2029',
      ]);
      assert.equal(await widget.locator('table.schedule [data-field="horizon_total"]').textContent(), '€1,350.00');
      // readonly: the inputs as text, no control to change them.
      assert.deepEqual(await widget.locator('dl.inputs dd').allTextContents(),
        ['Premium support, 1 year', '25 users', '1 Mar 2026']);
      assert.equal(await widget.locator('input, select').count(), 0);
      assert.deepEqual(await events(page, { type: 'plan-calculator-changed' }).then((list) => list.map((e) => e.detail.totals)),
        [{ first_period: '450.00', per_month: '37.50', horizon: '1350.00' }]);

      // The page and its own two files; nothing else, nothing after load.
      assert.deepEqual(page.requests.map((url) => url.split('/').pop()).sort(),
        ['embed-example.css', 'embed-example.html', 'plan-calculator.js']);
      // The page's CSP (a <meta>, as there are no headers on file://) is in force ...
      assert.equal(await page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.__inline = 1';
        document.head.append(script);
        return window.__inline;
      }), undefined, 'an inline script is blocked');
      await page.waitForTimeout(200);
      const violations = await page.evaluate(() => window.__cspViolations.splice(0));
      assert.deepEqual(violations.map((v) => v.split(' ')[0]), ['script-src-elem']);
      page.problems.console = page.problems.console.filter((line) => !/inline script/i.test(line));
      // ... and the widget caused no violation under it.
      await screenshot(page, 'widget-embed-example');
      await page.assertClean();
    } finally {
      await page.closeAll();
    }
  });
});

describe('the element', () => {
  test('attributes and typed properties, batched updates, change events, cancel, locale, parts', async () => {
    const v8pro = fs.readFileSync(path.join(ROOT, 'plans', 'v8pro.json'), 'utf8');
    const page = await openPage('widget-bundle.html', {
      ready: false,
      prepare: async (context) => {
        await recordEvents(context);
        await serveFixture('widget-bundle.html', (html) => html.replace('@@plans/v8pro.json@@', v8pro))(context);
      },
    });
    try {
      for (const id of ['inline', 'compare', 'editable']) {
        await page.locator(`#${id} .total p`).first().waitFor({ timeout: 20_000 });
      }
      await page.loaded();

      // Locale from the closest [lang] (ru), catalog from the JSON child.
      assert.equal(await page.locator('#inline .total-line').textContent(),
        'Продление поддержки на 12 месяцев (стандартное), 1 лицензия: 3\u00a0596\u00a0₽ в год');
      // The locale attribute wins: Spanish words, formats and the plan's Spanish name.
      await page.locator('#inline').evaluate((el) => { el.locale = 'es'; });
      await page.locator('#inline .total-line', { hasText: 'al año' }).waitFor();
      assert.equal(await page.locator('#inline .total-line').textContent(),
        'Renovación del soporte, 12 meses (tarifa estándar), 1 licencia: 3596\u00a0RUB al año');

      // Typed properties, defaults, reflection.
      const defaults = await page.evaluate(() => {
        const el = document.createElement('plan-calculator');
        const before = {
          catalog: el.catalog, plan: el.plan, quantity: el.quantity, start: el.start, horizon: el.horizon,
          locale: el.locale, mode: el.mode, readOnly: el.readOnly, catalogData: el.catalogData, result: el.result,
        };
        el.quantity = 7;
        el.readOnly = true;
        el.mode = 'quote';
        return {
          before,
          reflected: [el.getAttribute('quantity'), el.hasAttribute('readonly'), el.getAttribute('mode')],
          typed: [typeof el.quantity, el.quantity, el.readOnly],
          observed: customElements.get('plan-calculator').observedAttributes,
        };
      });
      assert.deepEqual(defaults.before, {
        catalog: '', plan: '', quantity: 1, start: todayInTimeZone(), horizon: 36,
        locale: '', mode: 'compare', readOnly: false, catalogData: null, result: null,
      });
      assert.deepEqual(defaults.reflected, ['7', true, 'quote']);
      assert.deepEqual(defaults.typed, ['number', 7, true]);
      assert.deepEqual(defaults.observed, ['catalog', 'plan', 'quantity', 'start', 'horizon', 'locale', 'mode', 'readonly', 'needs']);

      // Compare mode, 101 users over 36 months: Standard 50 × 12.00 + 51 × 9.00 = 1059.00 a year.
      assert.equal(await page.locator('#compare .summary-line').textContent(),
        'Cheapest for you: Standard support, 1 year — €3,177.00 over 36 months');
      assert.equal(await page.locator('#compare tbody[data-plan="premium-annual"] td[data-field="horizon_total"] .amount')
        .textContent(), '€4,765.50'); // 3 × (50 × 18.00 + 51 × 13.50)

      // Three attribute changes in one task: one update, one changed event.
      const before = (await events(page, { type: 'plan-calculator-changed', id: 'compare' })).length;
      await page.locator('#compare').evaluate((el) => {
        el.quantity = 5;
        el.horizon = 12;
        el.setAttribute('start', '2026-04-01');
      });
      await page.locator('#compare .summary-line', { hasText: '€60.00' }).waitFor();
      await page.waitForTimeout(300);
      const batched = (await events(page, { type: 'plan-calculator-changed', id: 'compare' })).slice(before);
      assert.equal(batched.length, 1, 'one changed event for three attribute changes');
      assert.equal(batched[0].detail.quantity, 5);
      assert.equal(batched[0].detail.horizon, 12);
      assert.equal(batched[0].detail.start, '2026-04-01');
      assert.equal(batched[0].detail.cheapest, 'standard-annual');
      // 5 × 12.00 = 60.00 and 5 × 18.00 = 90.00, one charge in 12 months.
      assert.deepEqual(batched[0].detail.totals, {
        'standard-annual': { first_period: '60.00', per_month: '5.00', horizon: '60.00' },
        'premium-annual': { first_period: '90.00', per_month: '7.50', horizon: '90.00' },
      });
      assert.equal(batched[0].hasResult, true);
      assert.deepEqual([batched[0].bubbles, batched[0].composed, batched[0].cancelable, batched[0].isEvent],
        [true, true, false, true]);

      // A change made in the widget: a cancelable change event first, then the result.
      const editable = page.locator('#editable');
      assert.equal(await editable.locator('.total-line').textContent(), 'Standard support, 1 year, 25 users: €300.00 per year');
      await editable.locator('input[name="quantity"]').fill('30');
      await editable.locator('.total-line', { hasText: '30 users' }).waitFor();
      // 30 × 12.00 = 360.00
      assert.equal(await editable.locator('.total-line').textContent(), 'Standard support, 1 year, 30 users: €360.00 per year');
      assert.equal(await editable.getAttribute('quantity'), '30');
      const [change] = await events(page, { type: 'plan-calculator-change', id: 'editable' });
      assert.deepEqual(change.detail, {
        mode: 'quote', field: 'quantity', plan: 'standard-annual', quantity: 30, start: '2026-03-01', horizon: 12,
      });
      assert.deepEqual([change.bubbles, change.composed, change.cancelable, change.canceled, change.ctor],
        [true, true, true, false, 'PlanCalculatorChangeEvent']);
      const changed = (await events(page, { type: 'plan-calculator-changed', id: 'editable' })).at(-1);
      assert.deepEqual(changed.detail.totals, { first_period: '360.00', per_month: '30.00', horizon: '360.00' });

      // Canceled: the control goes back, nothing is recomputed.
      const changedBefore = (await events(page, { type: 'plan-calculator-changed', id: 'editable' })).length;
      await page.evaluate(() => { window.__cancel = (detail) => detail.quantity === 40; });
      await editable.locator('input[name="quantity"]').fill('40');
      await page.waitForTimeout(300);
      const canceled = (await events(page, { type: 'plan-calculator-change', id: 'editable' })).at(-1);
      assert.equal(canceled.detail.quantity, 40);
      assert.equal(canceled.canceled, true);
      assert.equal(await editable.locator('input[name="quantity"]').inputValue(), '30');
      assert.equal(await editable.getAttribute('quantity'), '30');
      assert.equal((await events(page, { type: 'plan-calculator-changed', id: 'editable' })).length, changedBefore);

      // Another plan: Premium, 30 × 18.00 = 540.00.
      await editable.locator('select[name="plan"]').selectOption('premium-annual');
      await editable.locator('.total-line', { hasText: 'Premium' }).waitFor();
      assert.equal(await editable.locator('.total-line').textContent(), 'Premium support, 1 year, 30 users: €540.00 per year');
      assert.equal(await editable.getAttribute('plan'), 'premium-annual');

      // Labelled native controls, parts, the live total.
      const shadow = await editable.evaluate((el) => ({
        parts: [...el.shadowRoot.querySelectorAll('[part]')].map((n) => n.getAttribute('part')),
        unlabelled: [...el.shadowRoot.querySelectorAll('input, select')]
          .filter((c) => !el.shadowRoot.querySelector(`label[for="${c.id}"]`)).map((c) => c.name),
        live: el.shadowRoot.querySelector('[part="total"]').getAttribute('aria-live'),
        sheets: el.shadowRoot.adoptedStyleSheets.length,
        styleAttributes: el.shadowRoot.querySelectorAll('[style]').length,
      }));
      for (const part of ['container', 'header', 'vendor', 'controls', 'plan', 'quantity', 'start', 'total', 'details', 'footnote']) {
        assert.ok(shadow.parts.includes(part), `part "${part}"`);
      }
      assert.deepEqual(shadow.unlabelled, []);
      assert.equal(shadow.live, 'polite');
      assert.equal(shadow.sheets, 1);
      assert.equal(shadow.styleAttributes, 0);

      // Catalog strings stay text: a hostile catalog given as a property.
      const markup = '<img src=x onerror=alert(1)>';
      await page.locator('#compare').evaluate((el, { text, markup: m }) => {
        const catalog = JSON.parse(text);
        catalog.vendor.name = m;
        catalog.tiers[0].name = m;
        delete catalog.tiers[0].names;
        el.catalogData = catalog;
      }, { text: fs.readFileSync(path.join(ROOT, 'plans', 'mailstore.json'), 'utf8'), markup });
      await page.locator('#compare .vendor', { hasText: '<img' }).waitFor();
      assert.equal(await page.locator('#compare .vendor').textContent(), markup);
      assert.equal(await page.locator('#compare tbody[data-plan="standard-annual"] .plan-tier').textContent(), markup);
      assert.equal(await page.locator('#compare').evaluate((el) => el.shadowRoot.querySelectorAll('img').length), 0);
      await page.waitForTimeout(200);

      await screenshot(page, 'widget-api');
      await page.assertClean(); // no dialog, no CSP violation, no request after load
    } finally {
      await page.closeAll();
    }
  });

  test('the ES module version: catalog by URL, by id through plans/index.json, and an unknown id', async () => {
    const page = await openPage('widget-modules.html', {
      ready: false,
      prepare: async (context) => {
        await recordEvents(context);
        await serveFixture('widget-modules.html')(context);
      },
    });
    try {
      await page.locator('#by-url .summary-line').waitFor({ timeout: 20_000 });
      await page.locator('#by-id .total-line').waitFor();
      await page.locator('#unknown [part="error"]:not([hidden])').waitFor();
      await page.loaded();
      assert.equal(await page.locator('#by-url .summary-line').textContent(),
        'Cheapest for you: Standard support, 1 year — €3,177.00 over 36 months');
      // 3 × 3596 = 10788 RUB a year (en-US: "RUB" and a no-break space).
      assert.equal(await page.locator('#by-id .total-line').textContent(),
        'Support renewal, 12 months (standard rate), 3 licences: RUB\u00a010,788 per year');
      assert.match(await page.locator('#unknown [part="error"]').textContent(),
        /^The price list could not be loaded: No price list 'nosuchvendor' in /);
      const [error] = await events(page, { type: 'plan-calculator-error' });
      assert.equal(error.id, 'unknown');
      assert.equal(error.detail.code, 'load_failed');
      await screenshot(page, 'widget-modules');
      await page.assertClean();
    } finally {
      await page.closeAll();
    }
  });
});

describe('the single file and the ES modules', () => {
  // The bundle leaves the page's own messages out and drops comments and
  // whitespace (scripts/bundle-widget.mjs): it must show the very same words.
  const index = JSON.parse(fs.readFileSync(path.join(ROOT, 'plans', 'index.json'), 'utf8'));
  const catalogs = index.catalogs.map((c) => [c.id, fs.readFileSync(path.join(ROOT, 'plans', c.file), 'utf8')]);
  const scripts = {
    bundle: '<script src="plan-calculator.js"></script>',
    modules: '<script type="module" src="plan-calculator-define.js"></script>',
  };
  async function texts(version) {
    const page = await openPage('widget-same.html', {
      ready: false,
      prepare: async (context) => {
        await recordEvents(context);
        await serveFixture('widget-same.html', (html) => html.replace('@@script@@', scripts[version]))(context);
      },
    });
    try {
      const ids = await page.evaluate((list) => {
        const made = [];
        for (const [id, text] of list) {
          for (const mode of ['compare', 'quote']) {
            for (const locale of ['en-GB', 'es', 'sv', 'ru']) {
              const el = document.createElement('plan-calculator');
              el.id = `${id}-${mode}-${locale}`;
              for (const [k, v] of Object.entries({ mode, locale, quantity: '3', start: '2026-03-01', horizon: '36' })) {
                el.setAttribute(k, v);
              }
              el.catalogData = text;
              document.body.append(el);
              made.push(el.id);
            }
          }
        }
        return made;
      }, catalogs);
      await page.waitForFunction((n) => new Set(window.__events.filter((e) => e.type !== 'plan-calculator-change')
        .map((e) => e.id)).size === n, ids.length, { timeout: 60_000 });
      await page.assertClean();
      return await page.evaluate((list) => list.map((id) => [id, document.getElementById(id).shadowRoot.textContent]), ids);
    } finally {
      await page.closeAll();
    }
  }

  test('every bundled catalog, both modes, four languages: the same text', async () => {
    const bundle = await texts('bundle');
    const modules = await texts('modules');
    assert.equal(bundle.length, catalogs.length * 8);
    assert.deepEqual(bundle, modules);
    for (const [id, text] of bundle) assert.deepEqual(rawKeysIn(text, Object.keys(en)), [], id);
  });
});

describe('the engine of the single file', () => {
  // Its .wasm is inlined as gzip (var wasmGzip='<base64>') and unpacked by the
  // browser's DecompressionStream('gzip'), which checks the trailer's CRC-32,
  // when the first element loads; each way that can fail must end in the
  // element's error and plan-calculator-error, never a wait.
  const bundle = () => fs.readFileSync(path.join(SITE, 'plan-calculator.js'), 'utf8');
  const payload = /(var wasmGzip ?= ?')([A-Za-z0-9+/=]+)'/;
  const flipCrc = (data) => {
    const bytes = Buffer.from(data, 'base64');
    bytes[bytes.length - 8] ^= 1; // the trailer: CRC-32, then the length
    return bytes.toString('base64');
  };
  const failures = {
    'damaged data': { damage: (data) => `${data.slice(0, 40_000)}${'A'.repeat(64)}${data.slice(40_064)}`, says: /compressed (data|input)/i },
    'truncated data': { damage: (data) => data.slice(0, 80_000), says: /^Compressed input was truncated$/ },
    'another CRC-32': { damage: flipCrc, says: /^The compressed data was not valid: incorrect data check$/ },
    'no DecompressionStream': {
      init: () => { delete window.DecompressionStream; },
      says: /^this browser has no DecompressionStream$/,
    },
  };
  for (const [name, { damage, init, says }] of Object.entries(failures)) {
    test(`${name}: "The calculator could not start", plan-calculator-error, no figure`, async () => {
      const page = await openPage('widget-one.html', {
        ready: false,
        prepare: async (context) => {
          await recordEvents(context);
          await serveFixture('widget-one.html')(context);
          if (init) await context.addInitScript(init);
          if (!damage) return;
          const original = bundle();
          const damaged = original.replace(payload, (m, head, data) => `${head}${damage(data)}'`);
          assert.notEqual(damaged, original, 'the bundle has no wasmGzip literal to damage');
          await context.route('**/plan-calculator.js', (route) => route.fulfill({
            status: 200,
            headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' },
            body: damaged,
          }));
        },
      });
      try {
        const error = page.locator('#widget [part="error"]:not([hidden])');
        await error.waitFor({ timeout: 20_000 });
        await page.loaded();
        const [, why] = (await error.textContent()).match(/^The calculator could not start: The engine could not be unpacked \((.+)\)\.$/) ?? [];
        assert.match(why ?? '(no such error)', says);
        assert.equal(await page.locator('#widget .total-line').count(), 0);
        const list = await events(page);
        assert.deepEqual(list.map((e) => [e.type, e.id, e.detail.code]), [['plan-calculator-error', 'widget', 'load_failed']]);
        await page.assertClean(); // no console error, no uncaught rejection
      } finally {
        await page.closeAll();
      }
    });
  }
});

describe('a plan priced on request', () => {
  test('quote mode names whom to ask, neutrally; compare mode shows the same row as the page', async () => {
    const page = await openPage('widget-same.html', {
      ready: false,
      prepare: async (context) => {
        await recordEvents(context);
        await serveFixture('widget-same.html', (html) => html.replace('@@script@@', '<script src="plan-calculator.js"></script>'))(context);
      },
    });
    try {
      await page.evaluate(() => {
        for (const [id, mode] of [['quote', 'quote'], ['compare', 'compare']]) {
          const el = document.createElement('plan-calculator');
          el.id = id;
          for (const [k, v] of Object.entries({ catalog: 'mailpro', mode, plan: 'dedicated-annual', start: '2027-01-01' })) {
            el.setAttribute(k, v);
          }
          document.body.append(el);
        }
      });
      const line = page.locator('#quote .total-line.on-request');
      await line.waitFor({ timeout: 20_000 });
      assert.equal(await line.textContent(),
        'Dedicated SLA, custom terms is priced individually by Mailpro: ask Mailpro for a quote.');
      assert.equal(await page.locator('#quote [part="error"]').isHidden(), true, 'not an error');
      const row = page.locator('#compare tbody[data-plan="dedicated-annual"] .row-on-request');
      await row.waitFor();
      assert.equal(await row.textContent(), 'Priced individually by Mailpro: ask Mailpro for a quote.');
      const [changed] = await events(page, { type: 'plan-calculator-changed', id: 'quote' });
      assert.equal(changed.detail.on_request, true);
      assert.equal(changed.detail.totals, null);
      assert.deepEqual(await events(page, { type: 'plan-calculator-error' }), []);
      await page.assertClean();
    } finally {
      await page.closeAll();
    }
  });
});
