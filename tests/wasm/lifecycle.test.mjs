// The contract life cycle through the JS API over the real wasm module.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { createEngine, PlanCalcError } from '../../web/plancalc.js';
import { coreOptions, readRepoFile } from './module.mjs';

describe('renew', () => {
  let v8pro;
  before(async () => { v8pro = await createEngine(readRepoFile('plans/v8pro.json'), coreOptions); });
  after(() => v8pro.dispose());

  test('the v8pro window boundary: 2026-06-20 at 25 %, 2026-06-21 at 45 %', () => {
    const last = v8pro.renew({ product: 'report', purchase_date: '2025-11-20', date: '2026-06-20' });
    assert.equal(last.amount, '1998.00');
    assert.equal(last.window.id, 'preferential');
    assert.deepEqual([last.term.start, last.term.end], ['2026-05-20', '2027-05-20']);
    const next = v8pro.renew({ product: 'report', purchase_date: '2025-11-20', date: '2026-06-21' });
    assert.equal(next.amount, '3596.00');
    assert.deepEqual([next.term.start, next.term.end], ['2026-06-21', '2027-06-21']);
  });

  test('an unknown product throws unknown_product at /product', () => {
    assert.throws(() => v8pro.renew({ product: 'x', support_end: '2026-05-20', date: '2026-06-01' }),
      (err) => err instanceof PlanCalcError && err.code === 'unknown_product' && err.path === '/product');
  });
});

describe('change, cancel, add_licenses', () => {
  let mailstore;
  before(async () => { mailstore = await createEngine(readRepoFile('plans/mailstore.json'), coreOptions); });
  after(() => mailstore.dispose());
  const contract = { plan: 'standard-annual', quantity: 25, start: '2026-01-01' };

  test('upgrade on 2026-07-02: credit 150.41, charge 225.62, net 75.21', () => {
    const r = mailstore.change({ ...contract, date: '2026-07-02', target: 'premium-annual' });
    assert.deepEqual([r.effect, r.credit, r.charge, r.net], ['immediate', '150.41', '225.62', '75.21']);
  });

  test('cancel on 2026-07-02: no refund, service until 2027-01-01', () => {
    const r = mailstore.cancel({ ...contract, date: '2026-07-02' });
    assert.deepEqual([r.refund.amount, r.service_until], ['0.00', '2027-01-01']);
  });

  test('adding users after support lapsed throws support_inactive with the renewal', () => {
    assert.throws(() => mailstore.addLicenses({ ...contract, date: '2027-02-01', add: 5 }), (err) => {
      assert.ok(err instanceof PlanCalcError);
      assert.equal(err.code, 'support_inactive');
      assert.equal(err.details.support_end, '2027-01-01');
      assert.equal(err.details.renewal.amount, '300.00');
      return true;
    });
    assert.equal(mailstore.addLicenses({ ...contract, date: '2026-07-02', add: 5 }).charge, '30.08');
  });
});
