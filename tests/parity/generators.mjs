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

/** Drops undefined fields so the request text stays minimal. */
function compact(request) {
  return Object.fromEntries(Object.entries(request).filter(([, v]) => v !== undefined));
}

function quoteRequest(rng, cat) {
  const plans = cat.describe.plans;
  const plan = rng.pick(plans);
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
  request.start = rng.date();
  request.horizon_months = horizon(rng);
  if (rng.chance(0.1)) request.as_of = rng.date();
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
  if (rng.chance(0.25)) request.tiers = rng.subset(tiers.map((t) => t.id));
  if (rng.chance(0.2)) request.billing_months = rng.subset([...new Set(plans.map((p) => p.billing_months))]);
  if (rng.chance(0.15)) request.plans = rng.subset(plans.map((p) => p.id));
  if (rng.chance(0.1)) request.as_of = rng.date();
  return compact(request);
}

function describeRequest(rng) {
  return rng.chance(0.5) ? {} : { as_of: rng.date() };
}

function checkRequest() {
  return {};
}

/** op -> (rng, cat) => request object. One line per operation. */
export const GENERATORS = {
  quote: quoteRequest,
  compare: compareRequest,
  describe: describeRequest,
  check: checkRequest,
};

/**
 * `count` requests spread over every op of ops.txt and every catalog:
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
    const cat = cats[Math.floor(i / weighted.length) % cats.length];
    const generate = GENERATORS[op];
    if (!generate) throw new Error(`no request generator for op '${op}' in tests/parity/generators.mjs`);
    const request = generate(rng, cat);
    out.push({ op, catalog: cat, request, text: JSON.stringify(request) });
  }
  return out;
}
