// The JavaScript peer of bench/peer-js (dinero.js + date-fns) gives the same
// totals as plancalc for the comparisons scripts/bench times side by side:
// otherwise the timing would compare different work.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { createEngine } from '../../web/plancalc.js';
import { peerCompare } from '../../bench/peer-js/peer-compare.mjs';
import { coreOptions, readRepoFile } from './module.mjs';

const CASES = [
  ['mailstore', { quantity: 25, start: '2027-01-01', horizonMonths: 36 }],
  ['mailstore', { quantity: 300, start: '2026-01-31', horizonMonths: 36 }],
  ['mailstore', { quantity: 51, start: '2026-03-01', horizonMonths: 12 }],
  ['invex', { start: '2027-01-01', horizonMonths: 36, context: { deployment: 'cloud' } }],
  ['invex', { start: '2026-01-31', horizonMonths: 36, context: { deployment: 'local' } }],
  ['invex', { start: '2026-03-01', horizonMonths: 7, context: { deployment: 'cloud' } }],
];

for (const [vendor, input] of CASES) {
  test(`${vendor} ${JSON.stringify(input)}: the peer's totals are plancalc's`, async () => {
    const text = readRepoFile(`plans/${vendor}.json`);
    const engine = await createEngine(text, coreOptions);
    try {
      const ours = engine.compare({
        quantity: input.quantity ?? 1, start: input.start, horizon_months: input.horizonMonths,
        ...(input.context ? { context: input.context } : {}),
      });
      const peer = peerCompare(JSON.parse(text), input);
      const totals = (rows) => rows.map((r) => [r.plan, r.first_period_total, r.horizon_total]);
      assert.deepEqual(totals(peer.rows), totals(ours.rows));
      assert.equal(peer.cheapest, ours.cheapest.plan);
      assert.equal(peer.horizon_end, ours.horizon.end);
    } finally {
      engine.dispose();
    }
  });
}

test('the figures the issue names: invex plus-anual in the cloud 913.32 a year (1290.00 - 40 % + ITBIS 18 %)', () => {
  const peer = peerCompare(JSON.parse(readRepoFile('plans/invex.json')),
    { start: '2027-01-01', horizonMonths: 36, context: { deployment: 'cloud' } });
  const plus = peer.rows.find((r) => r.plan === 'plus-anual');
  assert.equal(plus.first_period_total, '913.32');
  assert.equal(plus.horizon_total, '2739.96');
});
