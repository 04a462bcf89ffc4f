// The page's four languages. First the message tables themselves (plain
// Node, no browser): every key of the English table exists in the others,
// with the same {placeholders} and the plural forms the language needs, and
// every explanation key of docs/api.md has a sentence in each. Then the page
// in headless Chromium: picked from the browser's languages, switched with
// the language picker, remembered (localStorage and the URL), numbers, money
// and dates in the language's Intl formats, and no raw key on screen.
//
// Money literals are what Intl really produces in Chromium, spaces included:
// ru-RU groups with U+00A0 NO-BREAK SPACE and puts one before "₽"; es-ES does
// not group four-digit numbers ("3596 RUB": es has no rouble sign).
import { test, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { cell, openPage, rawKeysIn, ready, ROOT, screenshot, stop, settledUrl } from './helpers.mjs';
import { LANGUAGES, MESSAGES, placeholders } from '../../web/i18n.js';

after(stop);

const en = MESSAGES.en;
const KEYS = Object.keys(en);
/** Explanation keys as docs/api.md lists them ("a / b" rows hold several). */
function documentedExplanationKeys() {
  const text = fs.readFileSync(path.join(ROOT, 'docs', 'api.md'), 'utf8');
  const section = text.split(/^## /m).find((part) => part.startsWith('Explanations'));
  assert.ok(section, 'docs/api.md has a section "## Explanations"');
  const keys = [];
  for (const line of section.split('\n')) {
    const first = /^\|([^|]+)\|/.exec(line)?.[1] ?? '';
    for (const m of first.matchAll(/`([a-z_]+(?:\.[a-z_]+)+)`/g)) keys.push(m[1]);
  }
  return keys;
}

describe('message tables', () => {
  test('the page has English, Spanish, Swedish and Russian', () => {
    assert.deepEqual(LANGUAGES, ['en', 'es', 'sv', 'ru']);
  });

  test('every language has every English key, no other key, and the same placeholders', () => {
    for (const lang of LANGUAGES) {
      const table = MESSAGES[lang];
      assert.deepEqual(KEYS.filter((key) => !(key in table)), [], `${lang}: keys missing`);
      assert.deepEqual(Object.keys(table).filter((key) => !(key in en)), [], `${lang}: keys English lacks`);
      for (const key of KEYS) {
        assert.deepEqual(placeholders(table[key]), placeholders(en[key]), `${lang} ${key}: placeholders`);
        assert.equal(typeof table[key], typeof en[key], `${lang} ${key}: plural or not, as English`);
        if (typeof table[key] === 'string') assert.notEqual(table[key].trim(), '', `${lang} ${key} is empty`);
      }
    }
  });

  test('plural messages have every form the language uses for whole numbers', () => {
    for (const lang of LANGUAGES) {
      const needed = new Intl.PluralRules(lang).resolvedOptions().pluralCategories
        .filter((form) => [0, 1, 2, 3, 5, 11, 21, 22, 25, 101].some((n) => new Intl.PluralRules(lang).select(n) === form));
      for (const [key, message] of Object.entries(MESSAGES[lang])) {
        if (typeof message !== 'object') continue;
        assert.equal(typeof message.count, 'string', `${lang} ${key}: count`);
        for (const form of needed) assert.equal(typeof message[form], 'string', `${lang} ${key}: form "${form}"`);
      }
    }
  });

  test('every explanation key of docs/api.md is translated in every language', () => {
    const documented = documentedExplanationKeys();
    assert.ok(documented.length >= 13, `found ${documented.length} keys in docs/api.md`);
    for (const lang of LANGUAGES) {
      const missing = documented.filter((key) => !(`explain.${key}` in MESSAGES[lang]));
      assert.deepEqual(missing, [], `${lang}: explanation keys without a sentence`);
    }
  });
});

describe('the page in four languages', () => {
  test('Spanish, then Russian: labels, number formats, catalog names; remembered; no raw key', async () => {
    const page = await openPage('?vendor=v8pro&quantity=1&horizon=36&start=2026-03-01');
    try {
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
      assert.equal(await page.locator('label[for="lang"]').textContent(), 'Language');

      await page.locator('#lang').selectOption('es');
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');
      assert.equal(await page.locator('h1').textContent(), 'Calculadora de planes de soporte');
      assert.equal(await page.locator('label[for="quantity"]').textContent(), 'Cantidad');
      assert.equal(await page.locator('label[for="lang"]').textContent(), 'Idioma');
      assert.equal(await page.locator('#params').textContent(), '1 licencia · 36 meses desde el 1 mar 2026');
      // 45 % of 7990 = 3595.5 → 3596 RUB a year; es-ES: no grouping of four digits, "RUB" after.
      assert.equal(await cell(page, 'support-12m', 'first_period_total').textContent(), '3596\u00a0RUB');
      assert.equal(await cell(page, 'support-12m', 'horizon_total').textContent(), '10.788\u00a0RUB'); // 3 × 3596
      assert.equal(await page.locator('#comparison .plan-tier').textContent(), 'Soporte técnico'); // names.es
      assert.equal(new URL(await settledUrl(page)).searchParams.get('lang'), 'es');
      assert.equal(await page.evaluate(() => localStorage.getItem('plancalc.lang')), 'es');
      await assertNoRawKeys(page, 'es');

      await page.locator('#lang').selectOption('ru');
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'ru');
      assert.equal(await page.locator('h1').textContent(), 'Калькулятор планов поддержки');
      assert.equal(await page.locator('#params').textContent(), '1 лицензия · 36 месяцев с 1 мар. 2026 г.');
      // ru-RU: 3 596 ₽ with U+00A0 in the group and before the sign; 3596 / 12 = 299.67 → 300.
      const ruPrice = '3\u00a0596\u00a0₽';
      assert.equal(await cell(page, 'support-12m', 'first_period_total').textContent(), ruPrice);
      assert.equal(ruPrice, await page.evaluate(() => new Intl.NumberFormat('ru-RU',
        { style: 'currency', currency: 'RUB', maximumFractionDigits: 0 }).format(3596)), 'what Intl produces');
      assert.equal(await cell(page, 'support-12m', 'effective_per_month').textContent(), '300\u00a0₽');
      assert.equal(await cell(page, 'support-12m', 'horizon_total').textContent(), '10\u00a0788\u00a0₽');
      assert.equal(await page.locator('#results-title').textContent(), 'v8PRO — отчёты для 1С: планы поддержки');
      assert.equal(await page.locator('#comparison .plan-tier').textContent(), 'Техническая поддержка');
      const details = page.locator('details.calc[data-plan="support-12m"]');
      await details.locator('summary').click();
      await details.locator('table.lines').waitFor();
      assert.equal(await details.locator('table.lines tbody td').first().textContent(),
        '45 % от цены продукта «Отчёт для 1С» 7\u00a0990\u00a0₽ (действует с 1 янв. 2020 г.) = 3\u00a0595,50\u00a0₽, ' +
        'с округлением 3\u00a0596\u00a0₽, × 1');
      assert.equal(await details.locator('table.schedule tbody td').first().textContent(),
        'Период 1: с 1 мар. 2026 г. по 1 мар. 2027 г.');
      assert.equal(new URL(await settledUrl(page)).searchParams.get('lang'), 'ru');
      await assertNoRawKeys(page, 'ru');
      await screenshot(page, 'language-ru');
      await page.assertClean();

      // A later visit without ?lang= keeps Russian (localStorage).
      await page.goto(`${page.baseUrl}?vendor=mailstore&quantity=101&horizon=36&start=2026-03-01`);
      await ready(page);
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'ru');
      assert.equal(await page.locator('#lang').inputValue(), 'ru');
      // 50 × 12.00 + 51 × 9.00 = 1059.00 a year, in ru-RU.
      assert.equal(await cell(page, 'standard-annual', 'first_period_total').textContent(), '1\u00a0059,00\u00a0€');
      assert.equal(await page.locator('#comparison tbody[data-plan="standard-annual"] .plan-tier').textContent(),
        'Стандарт');
    } finally {
      await page.closeAll();
    }
  });

  test('the language comes from the browser (Swedish), and every language shows no raw key', async () => {
    const page = await openPage('?vendor=mailstore&quantity=101&horizon=36&start=2026-03-01', { locale: 'sv-SE' });
    try {
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'sv');
      assert.equal(await page.locator('#lang').inputValue(), 'sv');
      assert.equal(await page.locator('h1').textContent(), 'Kalkylator för supportavtal');
      assert.equal(await page.locator('#params').textContent(), '101 användare · 36 månader från 1 mars 2026');
      // sv-SE: 1 059,00 € with U+00A0 (grouping) and before the sign.
      assert.equal(await cell(page, 'standard-annual', 'first_period_total').textContent(), '1\u00a0059,00\u00a0€');
      assert.equal(await page.locator('#summary .summary-line').textContent(),
        'Billigast för dig: Standardsupport, 1 år – 3\u00a0177,00\u00a0€ på 36 månader');
      for (const lang of ['sv', 'en', 'es', 'ru']) {
        await page.locator('#lang').selectOption(lang);
        for (const vendor of ['mailstore', 'v8pro', 'invex']) {
          await page.locator('#vendor').selectOption(vendor);
          await ready(page);
          await page.locator('#comparison details.calc summary').first().click();
          await page.locator('#comparison details.calc table.lines').first().waitFor();
          await assertNoRawKeys(page, `${lang} ${vendor}`);
        }
      }
      await screenshot(page, 'language-sv-en-es-ru');
      await page.assertClean();
    } finally {
      await page.closeAll();
    }
  });
});

/** The visible text holds no i18n key, explanation key or {placeholder}. */
async function assertNoRawKeys(page, where) {
  const text = await page.locator('body').innerText();
  const keys = [...KEYS, ...KEYS.filter((k) => k.startsWith('explain.')).map((k) => k.slice('explain.'.length)),
    ...documentedExplanationKeys()];
  assert.deepEqual(rawKeysIn(text, keys), [], `${where}: raw keys on screen`);
  assert.doesNotMatch(text, /\b(?:price|schedule|effective|horizon|compare|savings|renewal|proration|change|cancel|add_licenses)\.[a-z_]+\b/,
    `${where}: something that looks like an explanation key`);
}
