// Issue 21, part 1: a translated view shows the catalog's texts in its
// language, never the English beside a translation. Every catalog in
// plans/ × es, sv, ru in headless Chromium: the comparison, the features and
// SLA, every "how it is calculated" opened, the renewal, change and SLA
// panels; the page's whole text (hidden and print-only parts included, and
// the labels only a screen reader reads) must not hold a catalog's English
// name, label or note where the catalog has that text in the language.
// The same for the <plan-calculator> widget, each catalog in both modes.
import { test, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openPage, ROOT, screenshot, serveFixture, stop, TIME_ZONE } from './helpers.mjs';

after(stop);

const VENDORS = ['mailstore', 'mailpro', 'invex', 'kalmstrom', 'v8pro'];
const LANGS = { es: 'es-ES', sv: 'sv-SE', ru: 'ru-RU' };

/**
 * The catalog's English texts that have a different translation into lang:
 * [english, pointer]. An English text that is also part of a translation in
 * that language (a brand, "API", "Premium" in "Soporte Premium") cannot tell
 * a leak from a translation, so it is left out.
 */
function englishTexts(catalog, lang) {
  const pairs = [];
  const translated = [];
  const walk = (value, pointer) => {
    if (Array.isArray(value)) return value.forEach((v, i) => walk(v, `${pointer}/${i}`));
    if (!value || typeof value !== 'object') return;
    const textKey = typeof value.name === 'string' ? 'name' : typeof value.label === 'string' ? 'label' : null;
    for (const [key, map] of [[textKey, 'names'], ['note', 'notes']]) {
      const english = key && value[key];
      const translation = value[map]?.[lang];
      if (typeof english === 'string' && typeof translation === 'string' && translation) {
        translated.push(translation);
        if (translation !== english) pairs.push([english, `${pointer}/${key}`]);
      }
    }
    for (const [key, v] of Object.entries(value)) {
      if (key !== 'names' && key !== 'notes' && !(pointer === '' && key === 'examples')) walk(v, `${pointer}/${key}`);
    }
  };
  walk(catalog, '');
  return pairs.filter(([english]) => !translated.some((t) => wordIn(english, t)));
}

/** Whether text holds phrase as whole words. */
function wordIn(phrase, text) {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(text);
}

/**
 * Everything the page says: its text (also what is hidden or print-only) and
 * its labels.
 */
async function pageText(page) {
  return page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
    const labels = [...document.querySelectorAll('[aria-label],[title],[alt],[placeholder]')]
      .flatMap((el) => ['aria-label', 'title', 'alt', 'placeholder'].map((a) => el.getAttribute(a) ?? ''));
    return [document.title, document.body.textContent, ...labels].join('\n');
  }).then((text) => text.replaceAll(TIME_ZONE, ''));  // the browser's own zone id (Europe/Madrid) is no catalog text
}

describe('catalog texts in the chosen language', () => {
  for (const vendor of VENDORS) {
    const catalog = JSON.parse(fs.readFileSync(path.join(ROOT, 'plans', `${vendor}.json`), 'utf8'));
    for (const [lang, locale] of Object.entries(LANGS)) {
      test(`${vendor} in ${lang}: no English catalog text where a translation exists`, async () => {
        // The engine's own window of a catalog without renewal windows is named
        // "Renewal" (no names): the page words it.
        const english = [...englishTexts(catalog, lang), ['Renewal', '(the engine\'s default renewal window)']];
        assert.ok(english.length > 0, 'the catalog has texts to look for');
        const page = await openPage(`?vendor=${vendor}&lang=${lang}`, { locale });
        try {
          assert.equal(await page.locator('html').getAttribute('lang'), lang);
          // Open every calculation (they render when opened) and let the panels finish.
          await page.evaluate(() => { for (const d of document.querySelectorAll('details')) d.open = true; });
          await page.waitForTimeout(300);
          const text = await pageText(page);
          const leaks = english.filter(([en]) => wordIn(en, text)).map(([en, pointer]) => `${pointer}: ${en}`);
          if (leaks.length) await screenshot(page, `translations-${vendor}-${lang}`);
          assert.deepEqual(leaks, [], `English catalog texts in the ${lang} page`);
          await page.assertClean();
        } finally {
          await page.closeAll();
        }
      });
    }
  }
});

describe('catalog texts in the widget', () => {
  test('every catalog, compare and quote, es, sv and ru: no English catalog text where a translation exists', async () => {
    const catalogs = VENDORS.map((v) => [v, fs.readFileSync(path.join(ROOT, 'plans', `${v}.json`), 'utf8')]);
    const page = await openPage('widget-same.html', {
      ready: false,
      prepare: serveFixture('widget-same.html', (html) => html.replace('@@script@@', '<script src="plan-calculator.js"></script>')),
    });
    try {
      const ids = await page.evaluate(({ list, langs }) => {
        window.__done = new Set();
        for (const type of ['plan-calculator-changed', 'plan-calculator-error']) {
          document.addEventListener(type, (event) => window.__done.add(event.target.id));
        }
        const made = [];
        for (const [id, text] of list) {
          for (const mode of ['compare', 'quote']) {
            for (const locale of langs) {
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
      }, { list: catalogs, langs: Object.keys(LANGS) });
      await page.waitForFunction((n) => window.__done.size === n, ids.length, { timeout: 60_000 });
      const texts = await page.evaluate((list) => list.map((id) => {
        const root = document.getElementById(id).shadowRoot;
        for (const d of root.querySelectorAll('details')) d.open = true;
        const labels = [...root.querySelectorAll('[aria-label],[title]')]
          .flatMap((el) => [el.getAttribute('aria-label') ?? '', el.getAttribute('title') ?? '']);
        return [id, [root.textContent, ...labels].join('\n')];
      }), ids);
      const leaks = [];
      for (const [id, text] of texts) {
        const [vendor, , lang] = id.split('-');
        const catalog = JSON.parse(catalogs.find(([v]) => v === vendor)[1]);
        const planNames = catalog.plans.map((plan) => plan.names?.[lang]).filter(Boolean);
        assert.ok(planNames.some((name) => text.includes(name)), `${id} shows a plan in ${lang}: ${text.slice(0, 200)}`);
        for (const [en, pointer] of englishTexts(catalog, lang)) if (wordIn(en, text)) leaks.push(`${id} ${pointer}: ${en}`);
      }
      assert.deepEqual(leaks, [], 'English catalog texts in es, sv and ru widgets');
      await page.assertClean();
    } finally {
      await page.closeAll();
    }
  });
});
