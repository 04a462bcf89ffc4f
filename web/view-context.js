// What the views (compare-view.js, quote-view.js, explain.js) need to show a
// result: the translator, the formatter and the display names of the loaded
// catalog's tiers, plans and products in the chosen language. Shared by the
// page and the <plan-calculator> widget.

import { Formatter, isWholeIncrement } from './format.js';
import { localName, localNote } from './i18n.js';
import { unitName } from './explain.js';

/**
 * A Formatter for a catalog (its describe() result) in a locale.
 * @param {string} locale BCP 47 tag for Intl
 * @param {object} info the describe() result
 */
export function catalogFormatter(locale, info) {
  return new Formatter(locale, info.currency, info.exponent, {
    wholeUnits: isWholeIncrement(info.conventions?.rounding_increment),
  });
}

/**
 * @param {object} options
 * @param {Function} options.t translator (i18n.js createTranslator)
 * @param {string} options.lang the language of catalog names
 * @param {import('./format.js').Formatter} options.fmt
 * @param {object} options.info the catalog's describe() result
 * @returns {import('./compare-view.js').ViewContext} without onDetails and
 *   filtered, which the caller adds
 */
export function createViewContext({ t, lang, fmt, info }) {
  const tiers = new Map((info.tiers ?? []).map((x) => [x.id, x]));
  const plans = new Map((info.plans ?? []).map((x) => [x.id, x]));
  const products = new Map((info.products ?? []).map((x) => [x.id, x]));
  const periodName = (months) => t(t.has(`period.${months}`) ? `period.${months}` : 'period.n', { n: months });
  const named = catalogObjects(info);
  const ctx = {
    t,
    fmt,
    lang,
    localName: (item) => localName(item, lang),
    localNote: (item) => localNote(item, lang),
    tierName: (id) => (tiers.has(id) ? localName(tiers.get(id), lang) : id),
    productName: (id) => (products.has(id) ? localName(products.get(id), lang) : id),
    planName(id) {
      const plan = plans.get(id);
      if (!plan) return id;
      const own = localName({ name: plan.name, names: plan.names }, lang);
      return own || t('plan.name', { tier: ctx.tierName(plan.tier), period: periodName(plan.billing_months) });
    },
    plan: (id) => plans.get(id),
    periodName,
    perPeriod: (months) => t(t.has(`per_period.${months}`) ? `per_period.${months}` : 'per_period.n', { n: months }),
    monthsText: (n) => t('months', { n: fmt.number(n) }, { n }),
    unitName: (unit, quantity) => unitName(unit, quantity, t),
    /**
     * The name in the language of a catalog object an explanation names by id
     * (explain.js): kind is allowance, service, discount, calendar, level,
     * tier, tax (by its label) or window; an unknown id is shown as is.
     */
    catalogName(kind, id) {
      if (kind === 'tier') return ctx.tierName(id);
      const item = named[kind]?.get(id);
      return item ? localName(item, lang) : String(id ?? '');
    },
    /**
     * Adds named objects a result carries but describe does not (a renew
     * result's `windows`): items {id, name, names}.
     */
    addNames(kind, items) {
      named[kind] ??= new Map();
      for (const item of items ?? []) if (item && item.id !== undefined) named[kind].set(String(item.id), item);
    },
    filtered: false,
    onDetails: () => {},
  };
  return ctx;
}

/**
 * The catalog objects explanations name by id, from describe: kind → id →
 * {name, names}. The first of equal ids wins (an allowance repeated in each
 * plan has one name).
 */
function catalogObjects(info) {
  const named = { allowance: new Map(), service: new Map(), discount: new Map(), calendar: new Map(), level: new Map(), tax: new Map(),
    feature: new Map(), uptime: new Map() };
  const add = (kind, id, item) => {
    if (id !== undefined && id !== null && !named[kind].has(String(id))) named[kind].set(String(id), item);
  };
  for (const plan of info.plans ?? []) for (const a of plan.allowances ?? []) add('allowance', a.id, a);
  for (const s of info.services ?? []) add('service', s.id, s);
  for (const d of info.discounts ?? []) add('discount', d.id, d);
  for (const c of info.calendars ?? []) add('calendar', c.id, c);
  for (const tier of info.tiers ?? []) for (const r of tier.sla?.response ?? []) add('level', r.level, r);
  for (const tier of info.tiers ?? []) for (const f of tier.features ?? []) add('feature', f.id, f);
  for (const tier of info.tiers ?? []) for (const u of tier.sla?.uptime ?? []) add('uptime', u.service, u);
  if (info.tax?.label) add('tax', info.tax.label, { name: info.tax.label, names: info.tax.names });
  return named;
}

/** The unit most plans of a catalog count (what "quantity" means). */
export function mainUnit(info) {
  const counts = new Map();
  for (const plan of info.plans ?? []) counts.set(plan.unit, (counts.get(plan.unit) ?? 0) + 1);
  let best = 'unit';
  let bestCount = 0;
  for (const [unit, count] of counts) if (unit && count > bestCount) [best, bestCount] = [unit, count];
  return best;
}
