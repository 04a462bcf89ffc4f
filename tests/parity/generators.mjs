// Seeded random generators of valid requests, one per operation, shared by
// the parity run (tests/parity/parity.test.mjs), the wasm stability run
// (stability.test.mjs) and the fuzz seeds (tests/fuzz/seeds.mjs).
//
// Registering a new operation:
//   1. add its name to tests/fuzz/ops.txt (fuzz target, regression replay);
//   2. add one entry to GENERATORS below: (rng, cat) => request object, where
//      `cat` is {id, file, describe} and `describe` is the engine's own
//      `describe` result for the catalog (plan ids, tiers, quantity bounds).
// parity.test.mjs fails while an op the engine knows is missing from either.
// Not a test file itself.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The ops of tests/fuzz/ops.txt, in file order. */
export function listOps() {
  return fs.readFileSync(path.join(ROOT, 'tests', 'fuzz', 'ops.txt'), 'utf8')
    .split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
}

/** The shipped catalogs of plans/index.json: [{id, file (repo-relative), text}]. */
export function listCatalogs() {
  const index = JSON.parse(fs.readFileSync(path.join(ROOT, 'plans', 'index.json'), 'utf8'));
  return index.catalogs.map((c) => {
    const file = `plans/${c.file}`;
    return { id: c.id, file, text: fs.readFileSync(path.join(ROOT, file), 'utf8') };
  });
}

/** mulberry32: a small, fast, seedable PRNG with helpers. */
export function makeRng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng = {
    next,
    /** integer in [lo, hi] */
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
    /** a non-empty random subset, in the original order */
    subset: (items) => {
      const out = items.filter(() => next() < 0.5);
      return out.length ? out : [items[Math.floor(next() * items.length)]];
    },
    /** a real date, biased towards month ends and 29 February */
    date: (fromYear = 2020, toYear = 2034) => {
      const y = rng.int(fromYear, toYear);
      const m = rng.int(1, 12);
      const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
      const d = rng.chance(0.35) ? rng.int(Math.max(1, last - 3), last) : rng.int(1, last);
      return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    },
  };
  return rng;
}

/** A quantity inside [min, max], mostly small, sometimes at the bounds. */
function quantityIn(rng, min, max) {
  const r = rng.next();
  if (r < 0.1) return min;
  if (r < 0.15) return max;
  if (r < 0.75) return Math.min(max, min + rng.int(0, 30));
  if (r < 0.95) return Math.min(max, min + rng.int(0, 10_000));
  return Math.min(max, min + rng.int(0, 1_000_000));
}

function horizon(rng) {
  const r = rng.next();
  if (r < 0.25) return undefined;  // the default, 36
  if (r < 0.9) return rng.int(1, 60);
  return rng.int(1, 600);
}

/** Plans that can be priced: not "price on request" (kept for 5 % of the requests, whose answer is that error). */
function pricedPlans(rng, plans) {
  const priced = plans.filter((p) => !p.on_request);
  return priced.length && !rng.chance(0.05) ? priced : plans;
}

/** A start date on which the plan is sold (a legacy plan only before its sold_until). */
function startFor(rng, plan, fromYear = 2020, toYear = 2034) {
  const until = plan.legacy?.sold_until;
  for (let i = 0; i < 20; i++) {
    const d = rng.date(fromYear, toYear);
    if (!until || d < until) return d;
  }
  return rng.date(fromYear, Math.max(fromYear, Number(until.slice(0, 4)) - 1));
}

/** Drops undefined fields so the request text stays minimal. */
function compact(request) {
  return Object.fromEntries(Object.entries(request).filter(([, v]) => v !== undefined));
}

function quoteRequest(rng, cat) {
  const plans = cat.describe.plans;
  const plan = rng.pick(pricedPlans(rng, plans));
  const request = {};
  const sameTierAndMonths = plans.filter((p) => p.tier === plan.tier && p.billing_months === plan.billing_months);
  if (rng.chance(0.2) && sameTierAndMonths.length === 1) {
    request.tier = plan.tier;
    request.billing_months = plan.billing_months;
  } else {
    request.plan = plan.id;
  }
  if (!(plan.min_quantity === 1 && rng.chance(0.15))) {
    request.quantity = quantityIn(rng, plan.min_quantity, plan.max_quantity);
  }
  request.start = startFor(rng, plan);
  request.horizon_months = horizon(rng);
  if (rng.chance(0.1)) request.as_of = request.start;
  return compact(request);
}

function compareRequest(rng, cat) {
  const { plans, tiers } = cat.describe;
  const min = Math.min(...plans.map((p) => p.min_quantity));
  const max = Math.max(...plans.map((p) => p.max_quantity));
  const request = {
    quantity: rng.chance(0.1) ? undefined : quantityIn(rng, min, max),
    start: rng.date(),
    horizon_months: horizon(rng),
  };
  // Plans sold on the start date (naming a legacy plan after it is an error).
  const sold = plans.filter((p) => !p.legacy || request.start < p.legacy.sold_until);
  if (rng.chance(0.25)) request.tiers = rng.subset(tiers.map((t) => t.id));
  if (rng.chance(0.2)) request.billing_months = rng.subset([...new Set(plans.map((p) => p.billing_months))]);
  if (rng.chance(0.15) && sold.length) {
    delete request.tiers;
    delete request.billing_months;
    request.plans = rng.subset(sold.map((p) => p.id));
  }
  if (rng.chance(0.1)) request.as_of = request.start;
  return compact(request);
}

function describeRequest(rng) {
  return rng.chance(0.5) ? {} : { as_of: rng.date() };
}

function checkRequest() {
  return {};
}

/** A date `days` after an ISO date (UTC arithmetic, no zone involved). */
function plusDays(iso, days) {
  const t = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return new Date(t + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * plan, quantity, start and a date, mostly inside the first term (after it,
 * a plan that does not auto-renew answers support_inactive, as it should).
 */
function contract(rng, cat, plans = pricedPlans(rng, cat.describe.plans)) {
  const plan = rng.pick(plans);
  const start = startFor(rng, plan, 2021, 2032);
  const request = { plan: plan.id, quantity: quantityIn(rng, plan.min_quantity, plan.max_quantity), start };
  request.date = plusDays(start, rng.chance(0.9) ? rng.int(0, 28 * plan.billing_months - 1) : rng.int(0, 1200));
  if (rng.chance(0.05)) request.support_end = plusDays(start, rng.int(1, 1500));
  return { plan, request };
}

function renewRequest(rng, cat) {
  const { plans, products = [] } = cat.describe;
  const request = {};
  let until;
  if (products.length && rng.chance(0.6)) {
    request.product = rng.pick(products).id;
  } else {
    const plan = rng.pick(pricedPlans(rng, plans));
    request.plan = plan.id;
    request.quantity = quantityIn(rng, plan.min_quantity, Math.min(plan.max_quantity, 100_000));
    until = plan.legacy?.renewable_until;
  }
  request.support_end = rng.date(2021, 2032);
  request.date = plusDays(request.support_end, rng.int(-60, 500));
  if (until && request.date > until && !rng.chance(0.05)) {
    request.date = plusDays(until, -rng.int(0, 200));
    request.support_end = plusDays(request.date, rng.int(-90, 60));
  }
  if (rng.chance(0.1)) request.as_of = request.date;
  return request;
}

function changeRequest(rng, cat) {
  const { request } = contract(rng, cat);
  const targets = pricedPlans(rng, cat.describe.plans).filter((p) => !p.legacy || request.date < p.legacy.sold_until);
  const target = rng.pick(targets.length ? targets : cat.describe.plans);
  request.target = target.id;
  if (rng.chance(0.3) || request.quantity < target.min_quantity || request.quantity > target.max_quantity) {
    request.target_quantity = quantityIn(rng, target.min_quantity, target.max_quantity);
  }
  return request;
}

function cancelRequest(rng, cat) {
  return contract(rng, cat).request;
}

function addLicensesRequest(rng, cat) {
  const growable = pricedPlans(rng, cat.describe.plans).filter((p) => p.max_quantity > p.min_quantity);
  const { plan, request } = contract(rng, cat, growable.length ? growable : cat.describe.plans);
  const room = plan.max_quantity - request.quantity;
  if (room < 1) request.quantity = Math.max(plan.min_quantity, plan.max_quantity - 1);
  request.add = Math.max(1, Math.min(plan.max_quantity - request.quantity, rng.int(1, rng.chance(0.8) ? 50 : 100_000)));
  return request;
}

/** An RFC 3339 moment with an offset, biased to working hours and weekends' edges. */
function moment(rng) {
  const day = rng.date(2024, 2030);
  const h = rng.chance(0.7) ? rng.int(7, 19) : rng.int(0, 23);
  const m = rng.pick([0, 0, 15, 29, 30, 59, rng.int(0, 59)]);
  const offset = rng.pick(['Z', '+00:00', '+01:00', '+02:00', '+03:00', '-05:00', '+05:30']);
  return `${day}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${rng.chance(0.9) ? '00' : String(rng.int(0, 59)).padStart(2, '0')}${offset}`;
}

function slaRequest(rng, cat) {
  const tiers = cat.describe.tiers;
  const withSla = tiers.filter((t) => t.sla);
  if (!withSla.length) return null;  // not applicable: another catalog is used
  const tier = rng.pick(withSla);
  const request = rng.chance(0.8) || !cat.describe.plans.some((p) => p.tier === tier.id)
    ? { tier: tier.id }
    : { plan: rng.pick(cat.describe.plans.filter((p) => p.tier === tier.id)).id };
  const levels = tier.sla?.response?.map((r) => r.level) ?? [];
  if (levels.length && rng.chance(0.6)) request.level = rng.pick(levels);
  request.opened = moment(rng);
  const regions = (cat.describe.calendars ?? []).map((c) => c.id);
  if (regions.length && rng.chance(0.5)) request.region = rng.pick(regions);
  return request;
}

/** A negotiated discount, mostly within a usual sales limit. */
function negotiated(rng) {
  return { percent: String(rng.pick([0, 5, 10, 12.5, 15, 20, 35, rng.int(0, 100)])), reason: rng.pick(['volume', 'multi-year', 'pilot']) };
}

/** A proposal of 1–3 items (plans with steps, products, services) of the catalog. */
function proposalRequest(rng, cat) {
  const { plans, products = [], services = [] } = cat.describe;
  const start = rng.date(2022, 2032);
  const request = { issued: plusDays(start, -rng.int(0, 60)), start, horizon_months: horizon(rng) };
  if (rng.chance(0.7)) request.valid_days = rng.int(1, 90);
  if (rng.chance(0.5)) request.discount = negotiated(rng);
  if (rng.chance(0.2)) request.customer = rng.pick(['Acme GmbH', 'ООО Ромашка', 'Comercial del Caribe']);
  if (rng.chance(0.2)) request.lang = rng.pick(['en', 'es', 'sv', 'ru']);
  const months = request.horizon_months ?? 36;
  const items = [];
  for (let n = rng.int(1, 3); n > 0; n--) {
    const kind = rng.pick(['plan', 'plan', products.length ? 'product' : 'plan', services.length ? 'service' : 'plan']);
    let item;
    if (kind === 'plan') {
      const sold = pricedPlans(rng, plans).filter((p) => !p.legacy || start < p.legacy.sold_until);
      const plan = rng.pick(sold.length ? sold : plans);
      item = { plan: plan.id, quantity: quantityIn(rng, plan.min_quantity, Math.min(plan.max_quantity, 10_000)) };
      if (rng.chance(0.4) && item.quantity < plan.max_quantity) {
        // One step up inside the horizon (add_licenses), sometimes on a renewal date.
        const days = Math.max(1, Math.min(months * 28, 28 * plan.billing_months) - 1);
        item.steps = [{ date: plusDays(start, rng.int(1, days)),
          quantity: Math.min(plan.max_quantity, item.quantity + rng.int(1, 50)) }];
      }
    } else if (kind === 'product') {
      item = { product: rng.pick(products).id, quantity: rng.int(1, 20) };
      if (rng.chance(0.5)) item.date = plusDays(start, rng.int(0, Math.max(0, months * 28 - 1)));
    } else {
      item = { service: rng.pick(services).id };
      if (rng.chance(0.5)) item.hours = rng.int(1, 100);
      else item.minutes = rng.int(1, 6000);
    }
    if (rng.chance(0.2)) item.discount = negotiated(rng);
    items.push(item);
  }
  request.items = items;
  if (rng.chance(0.2)) request.context = { deployment: rng.pick(['cloud', 'local']) };
  return compact(request);
}

/** op -> (rng, cat) => request object. One line per operation. */
export const GENERATORS = {
  quote: quoteRequest,
  compare: compareRequest,
  describe: describeRequest,
  check: checkRequest,
  renew: renewRequest,
  change: changeRequest,
  cancel: cancelRequest,
  add_licenses: addLicensesRequest,
  sla: slaRequest,
  proposal: proposalRequest,
};

/**
 * `count` requests spread over every op of ops.txt and every catalog (a
 * generator returns null when its op does not apply to a catalog, e.g. sla
 * on a catalog without SLAs; the next catalog is used, or the error case
 * if none applies):
 * [{op, catalog: {id, file, text}, request (object), text (JSON)}].
 * `cats` are listCatalogs() entries with their `describe` result added.
 * Cheap ops (describe, check) get a smaller share than the computing ones.
 */
export function generateRequests(cats, count, seed, ops = listOps()) {
  const rng = makeRng(seed);
  const weight = (op) => (op === 'describe' || op === 'check' ? 1 : 4);
  const weighted = ops.flatMap((op) => Array(weight(op)).fill(op));
  const out = [];
  for (let i = 0; i < count; i++) {
    const op = weighted[i % weighted.length];
    const generate = GENERATORS[op];
    if (!generate) throw new Error(`no request generator for op '${op}' in tests/parity/generators.mjs`);
    const first = Math.floor(i / weighted.length) % cats.length;
    let cat;
    let request = null;
    for (let k = 0; k < cats.length && request === null; k++) {
      cat = cats[(first + k) % cats.length];
      request = generate(rng, cat);
    }
    if (request === null) {
      cat = cats[first];
      request = { tier: cat.describe.tiers[0].id, opened: '2026-03-06T16:30:00+01:00' };
    }
    out.push({ op, catalog: cat, request, text: JSON.stringify(request) });
  }
  return out;
}
