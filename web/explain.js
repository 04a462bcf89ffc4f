// Renders the engine's structured explanations ({key, args}, docs/api.md) as
// sentences in the page's language: each argument is formatted by what it
// is (money, date, moment, weekday, duration, plan, product, unit, number,
// a word such as "upgrade", the catalog's name of a discount, service,
// calendar, renewal window…), then put into the "explain.<key>" template of
// i18n/<lang>.js.

import { isMoment } from './format.js';

const MONEY = new Set([
  'amount', 'unit_amount', 'package_amount', 'list_price', 'exact', 'total',
  'horizon_total', 'next_total', 'difference', 'shorter_cost', 'longer_cost', 'saving',
  'period_amount', 'plan_price', 'published', 'computed', 'period_before', 'period_after', 'net',
  'fixed', 'base', 'gross', 'lower_cost', 'higher_cost', 'cheapest_total',
]);
/** Args that are amounts in one explanation only ("rate" is a percentage elsewhere). */
const MONEY_IN = { 'usage.hourly': new Set(['rate']) };
const DATES = new Set([
  'start', 'end', 'list_price_from', 'covered_until', 'date', 'support_end', 'last_day',
  'service_until', 'deadline', 'effective', 'term_end',
]);
const PLANS = new Set([
  'plan', 'next_plan', 'shorter_plan', 'longer_plan', 'from_plan', 'to_plan', 'lower_plan', 'higher_plan',
  'cheapest_plan', 'closest_plan',
]);
const NUMBERS = new Set([
  'quantity', 'months', 'charges', 'index', 'packages', 'package_size', 'from', 'to',
  'rate', 'percent', 'days', 'remaining_days', 'term_days', 'add', 'quantity_before', 'quantity_after',
  'count', 'usage', 'included', 'extra', 'packs', 'minutes', 'billable_minutes', 'increment_minutes',
  'missed', 'needed_percent', 'needed_days', 'target_days',
]);
const DURATIONS = new Set(['duration', 'month_30', 'month_31', 'year', 'target', 'needed']);
/**
 * Args that name a catalog object by id: arg → kind of ctx.catalogName
 * (view-context.js), so the catalog's name in the language is shown.
 */
const CATALOG_NAMES = {
  allowance: 'allowance', service: 'service', discount: 'discount', window: 'window', calendar: 'calendar',
  region: 'calendar', level: 'level', tier: 'tier', label: 'tax', feature: 'feature', uptime_service: 'uptime',
};
/** Args whose values are words of the page: arg → i18n key prefix. */
const WORDS = { direction: 'direction', updates_granted: 'yesno', basis: 'basis', clock: 'clock' };

/**
 * @typedef {object} ExplainContext
 * @property {(key: string, args?: object) => string} t translator (i18n.js)
 * @property {import('./format.js').Formatter} fmt
 * @property {(id: string) => string} planName display name of a plan id
 * @property {(id: string) => string} productName display name of a product id
 * @property {(kind: string, id: string) => string} [catalogName] display name of
 *   another catalog object (allowance, service, discount, calendar, …)
 */

/**
 * Formats one explanation as a sentence.
 * @param {{key: string, args?: object} | undefined} explanation
 * @param {ExplainContext} ctx
 * @returns {string}
 */
export function explain(explanation, ctx) {
  if (!explanation || typeof explanation.key !== 'string') return '';
  const raw = explanation.args ?? {};
  const args = {};
  const money = MONEY_IN[explanation.key];
  for (const [name, value] of Object.entries(raw)) {
    args[name] = money?.has(name) ? ctx.fmt.money(value) : formatArg(name, value, raw, ctx);
  }

  // Bands without an upper bound ("to": "") and windows without a last day
  // ("last_day": "") read better with their own wording; a ".short" form
  // serves explanations with fewer args.
  const base = `explain.${explanation.key}`;
  const open = raw.to === '' || raw.last_day === '';
  const candidates = [open ? `${base}.open` : null, base, `${base}.short`].filter(Boolean);
  const key = candidates.find((k) => ctx.t.covers(k, args));
  if (!key) return fallback(explanation.key, args);
  return ctx.t(key, args, raw);
}

function formatArg(name, value, all, ctx) {
  if (value === null || value === undefined) return '';
  if (name === 'unit') return unitName(String(value), all.quantity ?? all.usage ?? all.extra, ctx.t);
  if (isMoment(value)) return ctx.fmt.moment(value);
  if (name === 'weekday') return ctx.fmt.weekday(value);
  if (DURATIONS.has(name)) return ctx.fmt.duration(value);
  if (MONEY.has(name)) return ctx.fmt.money(value);
  if (DATES.has(name)) return ctx.fmt.date(value);
  if (PLANS.has(name)) return ctx.planName(String(value));
  if (name === 'product') return ctx.productName(String(value));
  if (CATALOG_NAMES[name] && ctx.catalogName) return ctx.catalogName(CATALOG_NAMES[name], String(value));
  if (WORDS[name] && ctx.t.has(`${WORDS[name]}.${value}`)) return ctx.t(`${WORDS[name]}.${value}`);
  if (NUMBERS.has(name) && value !== '') return ctx.fmt.number(value);
  return String(value);
}

/** A unit ("user") in the language, singular or plural by `quantity`. */
export function unitName(unit, quantity, t) {
  const key = `unit.${unit}`;
  return t.has(key) ? t(key, { n: Number(quantity ?? 2) }) : unit;
}

/** An explanation key this page does not know yet: still show its facts. */
function fallback(key, args) {
  const facts = Object.entries(args).map(([name, value]) => `${name.replace(/_/g, ' ')} ${value}`);
  return facts.length ? `${key}: ${facts.join(', ')}` : key;
}
