// compare with needs (issue 23): the cases the issue states, figure by figure,
// from the real CLI. (The golden corpus holds the same requests whole, and
// checks the wasm module gives the same bytes.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = path.resolve(ROOT, process.env.PLANCALC_CLI || 'build/native/plancalc');

function compare(catalog, request) {
  const r = spawnSync(CLI, ['compare', '--catalog', `plans/${catalog}.json`, '--request', '-'],
    { cwd: ROOT, input: JSON.stringify(request), encoding: 'utf8' });
  return JSON.parse(r.stdout);
}
const row = (result, plan) => result.rows.find((r) => r.plan === plan);
const from2027 = { start: '2027-01-01', horizon_months: 36 };

test('mailstore, 25 users, needs phone: premium-annual 1350.00, 450.00 more than standard-annual 900.00', () => {
  const { result } = compare('mailstore', { ...from2027, quantity: 25, needs: { features: ['phone'] } });
  assert.equal(row(result, 'standard-annual').horizon_total, '900.00');
  assert.equal(row(result, 'standard-annual').meets_needs, false);
  assert.deepEqual(row(result, 'standard-annual').missed, [{ key: 'needs.no_feature', args: { feature: 'phone' } }]);
  assert.equal(row(result, 'premium-annual').meets_needs, true);
  assert.equal(result.recommendation.plan, 'premium-annual');
  assert.equal(result.recommendation.horizon_total, '1350.00');
  assert.equal(result.recommendation.explanation.args.difference, '450.00');
  assert.equal(result.recommendation.explanation.args.cheapest_plan, 'standard-annual');
  assert.deepEqual(result.recommendation.because, [{ key: 'needs.no_feature', args: { feature: 'phone' } }]);
  assert.equal(result.cheapest.plan, 'standard-annual', 'the cheapest overall stays what it was');
});

test('invex, 2 tickets a month, needs priority-high: plus-anual 4566.60, 2832.00 more than basico-anual 1734.60', () => {
  const { result } = compare('invex', { ...from2027, usage: { tickets: 2 }, needs: { features: ['priority-high'] } });
  for (const plan of ['basico-mensual', 'basico-anual']) assert.equal(row(result, plan).meets_needs, false, plan);
  assert.equal(row(result, 'basico-anual').horizon_total, '1734.60');
  assert.equal(result.recommendation.plan, 'plus-anual');
  assert.equal(result.recommendation.horizon_total, '4566.60');
  assert.equal(result.recommendation.explanation.args.difference, '2832.00');
  assert.equal(result.recommendation.explanation.args.cheapest_plan, 'basico-anual');
});

test('mailpro: a first response within 4 business hours is met by standard; within 2 hours by no priced plan', () => {
  const four = compare('mailpro', { ...from2027, quantity: 5, needs: { response: [{ level: 'first', within_hours: 4 }] } }).result;
  assert.equal(four.recommendation.plan, 'standard-annual');
  assert.equal(four.recommendation.explanation.key, 'compare.cheapest_meets_needs');
  assert.deepEqual(four.recommendation.met, [{ key: 'needs.response_within',
    args: { level: 'first', clock: 'business', calendar: 'europe', target: '4 h', needed: '4 h' } }]);

  const two = compare('mailpro', { ...from2027, quantity: 5, needs: { response: [{ level: 'first', within_hours: 2 }] } }).result;
  assert.equal(two.recommendation, null);
  assert.equal(two.closest.plan, 'standard-annual');
  assert.equal(two.closest.missed[0].key, 'needs.response_slower');
  assert.deepEqual(two.on_request.map((o) => o.plan), ['dedicated-annual']);
});

test('kalmstrom: a meeting within 24 hours is met by no plan (36 h stated); the closest says why', () => {
  const { result } = compare('kalmstrom', { ...from2027, quantity: 5,
    needs: { response: [{ level: 'meeting', within_hours: 24 }] } });
  assert.equal(result.recommendation, null);
  assert.equal(result.closest.plan, 'subscription-annual');
  assert.deepEqual(result.closest.missed, [{ key: 'needs.response_slower',
    args: { level: 'meeting', clock: 'calendar', target: '36 h', needed: '24 h' } }]);
  assert.deepEqual(result.on_request, []);
});

test('without needs the response has none of their fields', () => {
  const { result } = compare('mailstore', { ...from2027, quantity: 25 });
  assert.equal('recommendation' in result, false);
  assert.equal(result.rows.some((r) => 'meets_needs' in r), false);
});

test('an unknown feature or level is an error at its pointer that lists the valid ids', () => {
  const feature = compare('mailstore', { ...from2027, needs: { features: ['fax'] } }).error;
  assert.equal(feature.code, 'unknown_feature');
  assert.equal(feature.path, '/needs/features/0');
  assert.match(feature.message, /email, updates, phone, top_priority/);
  assert.deepEqual(feature.args, { feature: 'fax', catalog: 'mailstore', valid: ['email', 'updates', 'phone', 'top_priority'] });
  const level = compare('kalmstrom', { ...from2027, needs: { response: [{ level: 'first', within_hours: 4 }] } }).error;
  assert.equal(level.code, 'unknown_level');
  assert.equal(level.path, '/needs/response/0/level');
  assert.match(level.message, /email, meeting/);
});
