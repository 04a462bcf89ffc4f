// What a web developer would write instead of plancalc for a comparison
// (issue 20, part 5): the plans of a catalog priced over a horizon in plain
// JavaScript, money with dinero.js and billing dates with date-fns, for the
// two price models the benchmark compares: mailstore's graduated bands and
// invex's flat plans with a percent discount on a condition and an exclusive
// tax. It reads the same catalog JSON; it is not the product and knows only
// what these two catalogs need (no usage, proration, effective dates, other
// models or rounding increments). Totals are checked equal to plancalc's by
// tests/wasm/peer-js.test.mjs; scripts/bench times both side by side.
import {
  add, dinero, halfUp, multiply, subtract, toDecimal, transformScale, lessThan,
} from 'dinero.js';
import * as currencies from 'dinero.js/currencies';
import { addMonths, formatISO, isBefore, parseISO } from 'date-fns';

const zero = (currency) => dinero({ amount: 0, currency });

/** "12.50" → a Dinero in the currency's minor units. */
function money(text, currency) {
  const [whole, fraction = ''] = text.split('.');
  const scale = currency.exponent;
  const digits = `${whole}${fraction.padEnd(scale, '0').slice(0, scale)}`;
  return dinero({ amount: Number(digits), currency, scale });
}

/** amount × percent %, rounded half up to the currency's minor unit. */
function percentOf(amount, percent, currency) {
  const [whole, fraction = ''] = percent.split('.');
  const product = multiply(amount, { amount: Number(`${whole}${fraction}`), scale: fraction.length + 2 });
  return transformScale(product, currency.exponent, halfUp);
}

function bandsTotal(bands, quantity, currency) {
  let total = zero(currency);
  let from = 1;
  for (const band of bands) {
    const upTo = band.up_to ?? Infinity;
    const units = Math.max(0, Math.min(quantity, upTo) - from + 1);
    if (units > 0) total = add(total, multiply(money(band.unit_amount, currency), units));
    from = upTo + 1;
    if (from > quantity) break;
  }
  return total;
}

function periodPrice(plan, quantity, currency) {
  const price = plan.price;
  if (price.model === 'flat') return money(price.amount, currency);
  if (price.model === 'graduated') return bandsTotal(price.bands, quantity, currency);
  throw new Error(`peer: price model ${price.model} is not modelled`);
}

function discountApplies(discount, context) {
  const wanted = discount.conditions?.context ?? {};
  return Object.entries(wanted).every(([key, value]) => context[key] === value);
}

/** One billing period: price, then the catalog's percent discounts, then tax. */
function periodTotal(catalog, plan, quantity, context, currency) {
  let total = periodPrice(plan, quantity, currency);
  for (const discount of catalog.discounts ?? []) {
    if (discount.percent && discountApplies(discount, context)) {
      total = subtract(total, percentOf(total, discount.percent, currency));
    }
  }
  if (catalog.tax && !catalog.tax.inclusive) total = add(total, percentOf(total, catalog.tax.rate, currency));
  return total;
}

/**
 * Every plan of the catalog still sold at the start (no trials) over the
 * horizon: one charge per billing period that starts before the horizon ends.
 * @returns {{rows: {plan: string, first_period_total: string, horizon_total: string}[], cheapest: string}}
 */
export function peerCompare(catalog, { quantity = 1, start, horizonMonths = 36, context = {} }) {
  const currency = currencies[catalog.currency];
  const first = parseISO(start);
  const end = addMonths(first, horizonMonths);
  const rows = [];
  for (const plan of catalog.plans) {
    // A legacy plan is offered until its sold_until date (the start decides here).
    if (plan.trial || (plan.legacy && !isBefore(first, parseISO(plan.legacy.sold_until)))) continue;
    const period = periodTotal(catalog, plan, quantity, context, currency);
    let horizon = zero(currency);
    // Each period from the start (not from the previous period): 31 Jan + 1 month is 28 Feb, + 2 months 31 Mar.
    for (let k = 0; isBefore(addMonths(first, k * plan.billing_months), end); k += 1) horizon = add(horizon, period);
    rows.push({ plan: plan.id, period, horizon });
  }
  // As a pricing table lists them: by tier rank, then billing period.
  const rank = new Map(catalog.tiers.map((t) => [t.id, t.rank]));
  const plans = new Map(catalog.plans.map((p) => [p.id, p]));
  rows.sort((a, b) => (rank.get(plans.get(a.plan).tier) - rank.get(plans.get(b.plan).tier))
    || (plans.get(a.plan).billing_months - plans.get(b.plan).billing_months));
  const cheapest = rows.reduce((best, row) => (lessThan(row.horizon, best.horizon) ? row : best));
  return {
    horizon_end: formatISO(end, { representation: 'date' }),
    rows: rows.map((r) => ({
      plan: r.plan, first_period_total: toDecimal(r.period), horizon_total: toDecimal(r.horizon),
    })),
    cheapest: cheapest.plan,
  };
}
