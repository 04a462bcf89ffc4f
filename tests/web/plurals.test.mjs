// Counted words on the page (plain Node, no browser): every count in the
// four message tables takes its form from Intl.PluralRules, either as a
// plural message ({count, one, few, many, other}) or as a counted phrase
// {name:key} (web/i18n.js); units by unitName (web/explain.js). Russian has
// its one / few / many forms (1, 21: one; 2–4, 22: few; 5–20, 25: many).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { createTranslator, LANGUAGES, MESSAGES } from '../../web/i18n.js';
import { explain, unitName } from '../../web/explain.js';
import { Formatter } from '../../web/format.js';
import { createViewContext } from '../../web/view-context.js';

// An invex-like catalog as describe gives it, enough for explain().
const INFO = {
  currency: 'USD',
  exponent: 2,
  tiers: [{ id: 'basico', name: 'Básico' }, { id: 'plus', name: 'Plus' }],
  plans: [{ id: 'basico-mensual', tier: 'basico', billing_months: 1 }, { id: 'plus-anual', tier: 'plus', billing_months: 12 }],
  products: [],
};
const LOCALE = { en: 'en', es: 'es-ES', sv: 'sv-SE', ru: 'ru-RU' };

function context(lang) {
  return createViewContext({ t: createTranslator(lang), lang, fmt: new Formatter(LOCALE[lang], 'USD', 2), info: INFO });
}

/** An explanation in a language, Intl's no-break spaces as plain ones. */
const said = (explanation, ctx) => explain(explanation, ctx).replace(/[\u00a0\u202f]/g, ' ');

/** The engine's explanations (as plancalc prints them) for `extra` extra tickets over `months` months. */
const usageCostsMore = (extra, months) => ({
  key: 'compare.usage_costs_more',
  args: { plan: 'basico-mensual', extra, unit: 'ticket', total: '790.60', months, cheapest_plan: 'plus-anual',
    cheapest_total: '75.52' },
});
const overage = (usage, extra, months) => ({
  key: 'usage.overage_units',
  args: { allowance: 'tickets', unit: 'ticket', usage, included: usage - extra, extra, unit_amount: '15.00',
    amount: '15.00', months, period_amount: '15.00' },
});

describe('plural choice on the page', () => {
  test('Russian units: 1, 2, 5, 21 обращение / обращения / обращений / обращение', () => {
    const t = createTranslator('ru');
    assert.deepEqual([1, 2, 5, 11, 21, 22, 25, 101].map((n) => unitName('ticket', n, t)),
      ['обращение', 'обращения', 'обращений', 'обращений', 'обращение', 'обращения', 'обращений', 'обращение']);
    assert.deepEqual([1, 3, 5, 21].map((n) => unitName('company', n, t)), ['компания', 'компании', 'компаний', 'компания']);
    assert.deepEqual([1, 2, 5, 21].map((n) => t('months', { n })), ['1 месяц', '2 месяца', '5 месяцев', '21 месяц']);
  });

  test('Russian explanations: the unit and the months agree with their numbers', () => {
    const ctx = context('ru');
    assert.equal(said(overage(1, 1, 1), ctx),
      '1 обращение в месяц, включено 0: сверх 1 × 15,00 $ = 15,00 $ в месяц, × 1 месяц');
    assert.equal(said(overage(2, 1, 2), ctx),
      '2 обращения в месяц, включено 1: сверх 1 × 15,00 $ = 15,00 $ в месяц, × 2 месяца');
    assert.equal(said(overage(5, 2, 36), ctx),
      '5 обращений в месяц, включено 3: сверх 2 × 15,00 $ = 15,00 $ в месяц, × 36 месяцев');
    assert.equal(said(overage(21, 1, 21), ctx),
      '21 обращение в месяц, включено 20: сверх 1 × 15,00 $ = 15,00 $ в месяц, × 21 месяц');
    assert.equal(said({ key: 'price.package', args: { quantity: 21, packages: 3, package_size: 10, package_amount: '25.00' } }, ctx),
      '21 единица = 3 пакета по 10 × 25,00 $');
    assert.equal(said({ key: 'price.package', args: { quantity: 5, packages: 1, package_size: 10, package_amount: '25.00' } }, ctx),
      '5 единиц = 1 пакет по 10 × 25,00 $');
  });

  test('English: 1 extra ticket over 1 month, 9 extra tickets over 36 months', () => {
    const ctx = context('en');
    assert.equal(said(usageCostsMore(1, 1), ctx),
      'Básico, monthly billing with 1 extra ticket a month costs $790.60 over 1 month, more than Plus, annual billing ($75.52)');
    assert.equal(said(usageCostsMore(9, 36), ctx),
      'Básico, monthly billing with 9 extra tickets a month costs $790.60 over 36 months, more than Plus, annual billing ($75.52)');
    assert.equal(said(overage(4, 1, 1), ctx), '4 tickets a month, 3 included: 1 extra × $15.00 = $15.00 a month, × 1 month');
    assert.equal(said({ key: 'horizon.total', args: { charges: 1, months: 1, covered_until: '2026-04-01' } }, ctx),
      '1 charge starting within 1 month, covering until Apr 1, 2026');
    assert.equal(said({ key: 'price.package', args: { quantity: 1, packages: 1, package_size: 10, package_amount: '25.00' } }, ctx),
      '1 unit = 1 package of 10 × $25.00');
    assert.equal(said({ key: 'price.volume', args: { quantity: 1, from: 1, to: 10, unit_amount: '10.00' } }, ctx),
      '1 unit at the 1–10 band price $10.00');
    assert.equal(said({ key: 'price.volume', args: { quantity: 1200, from: 51, to: '', unit_amount: '6.00' } }, ctx),
      'All 1,200 units at the band price from 51 units, $6.00');
  });

  test('Spanish and Swedish: 1 month, 1 unit, 1 package', () => {
    const es = context('es');
    assert.equal(said(overage(4, 1, 1), es),
      '4 tickets al mes, el plan incluye 3: 1 extra × 15,00 US$ = 15,00 US$ al mes, × 1 mes');
    assert.equal(said({ key: 'price.package', args: { quantity: 1, packages: 1, package_size: 10, package_amount: '25.00' } }, es),
      '1 unidad = 1 paquete de 10 × 25,00 US$');
    const sv = context('sv');
    assert.match(said(usageCostsMore(1, 1), sv), /med 1 extra .* kostar 790,60 US\$ på 1 månad, mer än/);
    assert.match(said(usageCostsMore(9, 36), sv), /på 36 månader, mer än/);
  });

  test('every counted phrase {name:key} names a plural message counted by n, in every language', () => {
    for (const lang of LANGUAGES) {
      for (const [key, message] of Object.entries(MESSAGES[lang])) {
        const texts = typeof message === 'string' ? [message] : Object.entries(message).filter(([f]) => f !== 'count').map(([, v]) => v);
        for (const text of texts) {
          for (const [, , phrase] of text.matchAll(/\{(\w+):([\w.]+)\}/g)) {
            const target = MESSAGES[lang][phrase];
            assert.equal(typeof target, 'object', `${lang} ${key}: {…:${phrase}} is not a plural message`);
            assert.equal(target.count, 'n', `${lang} ${phrase}: counted by n`);
          }
        }
      }
    }
  });

  test('no number is followed by a plural noun that does not follow it (en, es, sv)', () => {
    // A count placeholder right before a word that is only a plural: such a
    // message must be a plural message on that count, or count it with {name:key}.
    // {term_days} is a term's length, never 1; {n} of period.n / per_period.n is
    // never 1 (period.1 has its own words).
    const PLURALS = {
      en: /^(months|units|packages|packs|charges|intervals|minutes|tickets|users)\b/,
      es: /^(meses|unidades|paquetes|cargos|intervalos|minutos|días|incluidos)\b/,
      sv: /^(månader|enheter|debiteringar|intervall|minuter|dagar)\b/,
    };
    const NEVER_ONE = new Set(['term_days']);
    const offenders = [];
    for (const [lang, plural] of Object.entries(PLURALS)) {
      for (const [key, message] of Object.entries(MESSAGES[lang])) {
        if (key === 'period.n' || key === 'per_period.n') continue;
        const forms = typeof message === 'string' ? { other: message } : message;
        for (const [form, text] of Object.entries(forms)) {
          if (form === 'count') continue;
          for (const m of text.matchAll(/\{(\w+)\} (\S+)/g)) {
            if (NEVER_ONE.has(m[1]) || !plural.test(m[2])) continue;
            if (typeof message === 'object' && message.count === m[1]) continue;
            offenders.push(`${lang} ${key}: ${m[0]}`);
          }
        }
      }
    }
    assert.deepEqual(offenders, []);
  });
});
