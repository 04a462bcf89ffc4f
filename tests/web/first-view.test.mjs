// The first screen (issue 20, part 1) in headless Chromium: for every catalog
// in plans/index.json and every language, at a desktop's 1280×900 and a
// phone's 390×844, the headline and the cheapest plan's row with its total
// are inside the first viewport without scrolling, and at 390 px no panel is
// wider than the screen (a table wider than that scrolls inside its own box,
// its first column kept in view). On the phone the inputs start folded into
// one line that says what is computed and opens them.
import { test, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openPage, ROOT, screenshot, stop } from './helpers.mjs';

after(stop);

const CATALOGS = JSON.parse(fs.readFileSync(path.join(ROOT, 'plans', 'index.json'), 'utf8')).catalogs.map((c) => c.id);
const LANGS = ['en', 'es', 'sv', 'ru'];
const SIZES = [{ width: 1280, height: 900 }, { width: 390, height: 844 }];

/** Where the answer is, and how wide the page and each panel are. */
function measure(page) {
  return page.evaluate(() => {
    const box = (el) => {
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
    };
    const cheapest = document.querySelector('#comparison tbody.cheapest');
    return {
      headline: box(document.querySelector('#summary .summary-line')),
      cheapestRow: box(cheapest?.querySelector('tr.figures')),
      cheapestTotal: box(cheapest?.querySelector('td[data-field="horizon_total"] .amount')),
      pageWidth: document.documentElement.scrollWidth,
      panels: [...document.querySelectorAll('main section[id], main form, .compare-layout')]
        .map((el) => [el.id || el.className, el.scrollWidth]),
      inputsOpen: document.getElementById('inputs-disclosure').open,
      inputsLine: document.getElementById('inputs-summary').textContent,
    };
  });
}

function inside(rect, size, what) {
  assert.ok(rect, `${what} is on the page`);
  assert.ok(rect.top >= 0 && rect.bottom <= size.height, `${what} spans y ${rect.top}…${rect.bottom}, outside 0…${size.height}`);
  assert.ok(rect.left >= 0 && rect.right <= size.width, `${what} spans x ${rect.left}…${rect.right}, outside 0…${size.width}`);
}

for (const size of SIZES) {
  describe(`the first screen at ${size.width}×${size.height}`, () => {
    for (const vendor of CATALOGS) {
      test(`${vendor}: the answer and the cheapest row inside it, in ${LANGS.join(', ')}`, async () => {
        const page = await openPage(`?vendor=${vendor}&lang=en`, { viewport: size });
        try {
          for (const lang of LANGS) {
            if (lang !== 'en') {
              await page.locator('#lang').selectOption(lang);
              await page.locator(`html[lang="${lang}"]`).waitFor({ state: 'attached' });
            }
            await page.locator('#comparison tbody.cheapest').waitFor();
            const m = await measure(page);
            const what = `${vendor} ${lang} ${size.width}`;
            inside(m.headline, size, `${what}: the headline`);
            inside(m.cheapestRow, size, `${what}: the cheapest row`);
            inside(m.cheapestTotal, size, `${what}: the cheapest total`);
            assert.ok(m.pageWidth <= size.width, `${what}: the page is ${m.pageWidth} px wide`);
            if (size.width === 390) {
              for (const [panel, width] of m.panels) assert.ok(width <= size.width, `${what}: ${panel} is ${width} px wide`);
              assert.equal(m.inputsOpen, false, `${what}: the inputs start folded`);
              assert.match(m.inputsLine, / · /, `${what}: the folded inputs say what is computed`);
            } else {
              assert.equal(m.inputsOpen, true, `${what}: the inputs are open beside the results`);
            }
            if (vendor === 'invex' || vendor === 'mailpro') await screenshot(page, `first-view-${vendor}-${lang}-${size.width}`);
          }
          await page.assertClean();
        } finally {
          await page.closeAll();
        }
      });
    }
  });
}

describe('the folded inputs on a phone', () => {
  test('the line says what is computed, opens the inputs, and a field error opens them too', async () => {
    const page = await openPage('?vendor=mailstore&quantity=25&start=2027-01-01&horizon=36&lang=en', {
      viewport: { width: 390, height: 844 },
    });
    try {
      const disclosure = page.locator('#inputs-disclosure');
      assert.equal(await page.locator('#inputs-summary').textContent(),
        'MailStore Server · 25 users · 36 months from Jan 1, 2027 · All periods');
      assert.equal(await page.locator('#quantity').isVisible(), false);
      await page.locator('#inputs-disclosure > summary').click();
      await page.locator('#quantity').fill('0');
      assert.equal(await page.locator('#inputs-summary').textContent(),
        'MailStore Server · 0 users · 36 months from Jan 1, 2027 · All periods');
      await page.locator('#quantity-error:not([hidden])').waitFor();
      // Folded again while the error stands: the next recompute opens it at the field.
      await disclosure.evaluate((d) => { d.open = false; });
      await page.locator('#horizon').evaluate((el) => { el.value = '24'; el.dispatchEvent(new Event('input', { bubbles: true })); });
      await page.locator('#quantity-error:not([hidden])').waitFor();
      assert.equal(await disclosure.getAttribute('open'), '');
      assert.equal(await page.locator('#quantity').isVisible(), true);
      await page.assertClean();
    } finally {
      await page.closeAll();
    }
  });
});
