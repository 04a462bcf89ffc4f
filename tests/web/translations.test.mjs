// Issue 21, part 1: a translated view shows the catalog's texts in its
// language, never the English beside a translation. Every catalog in
// plans/ × es, sv, ru in headless Chromium: the comparison, the features and
// SLA, every "how it is calculated" opened, the renewal, change and SLA
// panels; the page's whole text (hidden and print-only parts included, and
// the labels only a screen reader reads) must not hold a catalog's English
// name, label or note where the catalog has that text in the language.
import { test, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openPage, ROOT, screenshot, stop, TIME_ZONE } from './helpers.mjs';

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
